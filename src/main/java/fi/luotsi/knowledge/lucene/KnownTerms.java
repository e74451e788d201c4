package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
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
 * <p>{@link #termQuery} gives a term's query with its looked-up statistics, or one that matches
 * nothing for a term the generation does not contain: Lucene then scores exactly as with a plain
 * term query, without seeking. The table belongs to one reader; a query built with it must be
 * searched on that reader.
 */
final class KnownTerms implements TermLookup {
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
   * From the stems of {@code language}'s stemmed fields (the query plan asks once per language).
   */
  @Override
  public Map<String, String> undotted(Language language) {
    Map<String, Long> frequencies = new HashMap<>();
    for (String family : LuceneKnowledgeIndex.STEMMED_FAMILIES) {
      Map<BytesRef, TermStates> terms = byField.get(LuceneKnowledgeIndex.field(language, family));
      if (terms != null) {
        terms.forEach(
            (bytes, states) ->
                frequencies.merge(bytes.utf8ToString(), states.totalTermFreq(), Long::sum));
      }
    }
    return UndottedStems.of(frequencies);
  }

  /**
   * Whether {@code term} may occur in this generation: false only when its field is in the table
   * and the term is not.
   */
  @Override
  public boolean mayContain(Term term) {
    Map<BytesRef, TermStates> terms = byField.get(term.field());
    return terms == null || terms.containsKey(term.bytes());
  }

  /**
   * The term's query carrying its looked-up statistics; one that matches nothing when the term's
   * field is in the table and the term is not; a plain term query for fields not in the table.
   */
  @Override
  public Query termQuery(Term term) {
    Map<BytesRef, TermStates> terms = byField.get(term.field());
    if (terms == null) {
      return new TermQuery(term);
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
