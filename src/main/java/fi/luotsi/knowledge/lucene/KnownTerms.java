package fi.luotsi.knowledge.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Every term of some fields of one index generation with its postings address and statistics,
 * looked up once when the generation is built. A question's query is made of dozens of term clauses
 * (each stem in four fields, each near word); without this table every clause seeks the terms
 * dictionary again on every search, which was a quarter of the search time.
 *
 * <p>{@link #bind} rewrites a query so that its term clauses carry their looked-up statistics, and
 * replaces the clauses of terms the generation does not contain by queries that match nothing:
 * Lucene then scores exactly as before without seeking. The table belongs to one reader; a query
 * bound with it must be searched on that reader.
 */
final class KnownTerms {
  private final IndexReaderContext context;
  private final Map<String, Map<BytesRef, TermStates>> byField = new HashMap<>();

  KnownTerms(IndexReader reader, Collection<String> fields) {
    this.context = reader.getContext();
    try {
      for (String field : fields) {
        Map<BytesRef, TermStates> terms = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
          Terms leafTerms = leaf.reader().terms(field);
          if (leafTerms == null) {
            continue;
          }
          TermsEnum it = leafTerms.iterator();
          for (BytesRef term = it.next(); term != null; term = it.next()) {
            TermStates states =
                terms.computeIfAbsent(BytesRef.deepCopyOf(term), t -> new TermStates(context));
            states.register(it.termState(), leaf.ord, it.docFreq(), it.totalTermFreq());
          }
        }
        byField.put(field, terms);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index terms", e);
    }
  }

  /**
   * How many times {@code term} occurs in {@code field} over all documents; 0 when it does not or
   * the field is not in the table.
   */
  long totalTermFreq(String field, String term) {
    Map<BytesRef, TermStates> terms = byField.get(field);
    if (terms == null) {
      return 0;
    }
    TermStates states = terms.get(new BytesRef(term));
    return states == null ? 0 : states.totalTermFreq();
  }

  /**
   * Whether {@code term} may occur in this generation: false only when its field is in the table
   * and the term is not.
   */
  boolean mayContain(Term term) {
    Map<BytesRef, TermStates> terms = byField.get(term.field());
    return terms == null || terms.containsKey(term.bytes());
  }

  /**
   * The query with the term clauses of the table's fields bound to their statistics; clauses of
   * other fields and query types this does not know are left as they are.
   */
  Query bind(Query query) {
    return switch (query) {
      case TermQuery term -> bind(term);
      case BoostQuery boost -> {
        Query inner = bind(boost.getQuery());
        yield inner == boost.getQuery() ? boost : new BoostQuery(inner, boost.getBoost());
      }
      case BooleanQuery bool -> {
        BooleanQuery.Builder out =
            new BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
        for (BooleanClause clause : bool.clauses()) {
          out.add(bind(clause.query()), clause.occur());
        }
        yield out.build();
      }
      case DisjunctionMaxQuery dismax -> {
        List<Query> disjuncts = new ArrayList<>();
        for (Query disjunct : dismax.getDisjuncts()) {
          disjuncts.add(bind(disjunct));
        }
        yield new DisjunctionMaxQuery(disjuncts, dismax.getTieBreakerMultiplier());
      }
      default -> query;
    };
  }

  private Query bind(TermQuery query) {
    Term term = query.getTerm();
    Map<BytesRef, TermStates> terms = byField.get(term.field());
    if (terms == null) {
      return query;
    }
    TermStates states = terms.get(term.bytes());
    if (states == null) {
      return new MatchNoDocsQuery("term not in this generation");
    }
    return new TermQuery(term, states);
  }

  /** Whether {@code states} belong to this table's reader (tests). */
  boolean builtFor(TermStates states) {
    return states.wasBuiltFor(context);
  }
}
