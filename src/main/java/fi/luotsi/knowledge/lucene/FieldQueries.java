package fi.luotsi.knowledge.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Lucene's query building for several fields from one analysis of the text: the same query for each
 * field as {@code createBooleanQuery(field, text)} gives, synonyms and multi-word synonyms
 * included.
 *
 * <p>A multi-word synonym ({@code valtuutettu → valtuuston jäsen}) is a conjunction of its words,
 * not a phrase: the same answers on the dev split, and a phrase is searched term by term in the
 * terms dictionary and checked position by position, which cost a long question's search a fifth of
 * its Lucene time at 5,000 sections.
 *
 * <p>A word's alternatives (its stems and its synonyms' stems) that the field does not contain are
 * left out of its synonym query: they add nothing to its score (a synonym query scores its terms as
 * one, with the largest document frequency and the summed frequencies, and an absent term has
 * none), but each would be looked up in the terms dictionary on every search. When one alternative
 * is left, it becomes a plain term query, which scores the same and whose statistics {@link
 * KnownTerms} has looked up already; when none, a query that matches nothing.
 */
final class FieldQueries extends QueryBuilder {
  private final TermLookup lookup;
  private final Template template;

  FieldQueries(Analyzer analyzer, TermLookup lookup) {
    super(analyzer);
    this.lookup = lookup;
    this.template = new Template(analyzer);
  }

  /**
   * One query per field, in the order of {@code fields}; null for a field when none. The question
   * is analysed, and its token graph turned into a query, once: that query's terms are then put in
   * each field (building the query from the graph once per field was a tenth of a long question's
   * search).
   */
  List<Query> create(String text, List<String> fields) {
    Query shape;
    try (TokenStream source = getAnalyzer().tokenStream(fields.get(0), text)) {
      shape = template.shape(source, fields.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Query> out = new ArrayList<>(fields.size());
    for (String field : fields) {
      out.add(shape == null ? null : in(shape, field));
    }
    return out;
  }

  /** The query of {@link Template}'s shape with its terms in {@code field}. */
  private Query in(Query shape, String field) {
    if (shape instanceof TermQuery term) {
      return newTermQuery(new Term(field, term.getTerm().bytes()), 1f);
    }
    if (shape instanceof Alternatives alternatives) {
      return newSynonymQuery(field, alternatives.terms);
    }
    if (shape instanceof BoostQuery boost) {
      return new BoostQuery(in(boost.getQuery(), field), boost.getBoost());
    }
    if (shape instanceof BooleanQuery bool) {
      BooleanQuery.Builder builder = newBooleanQuery();
      builder.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        builder.add(in(clause.query(), field), clause.occur());
      }
      return builder.build();
    }
    throw new IllegalStateException("unexpected query in a question's shape: " + shape);
  }

  @Override
  protected Query newTermQuery(Term term, float boost) {
    Query query = lookup.termQuery(term);
    return boost == 1f ? query : new BoostQuery(query, boost);
  }

  @Override
  protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
    List<TermAndBoost> present = new ArrayList<>(terms.length);
    for (TermAndBoost term : terms) {
      if (lookup.mayContain(new Term(field, term.term()))) {
        present.add(term);
      }
    }
    if (present.isEmpty()) {
      return new MatchNoDocsQuery("no alternative of the word in " + field);
    }
    if (present.size() == 1 && present.get(0).boost() == 1f) {
      return lookup.termQuery(new Term(field, present.get(0).term()));
    }
    return super.newSynonymQuery(field, present.toArray(TermAndBoost[]::new));
  }

  /**
   * Lucene's query building from the token graph with plain term queries and a word's alternatives
   * kept as they are ({@link Alternatives}): the shape {@link #in} puts in a field.
   */
  private static final class Template extends QueryBuilder {
    Template(Analyzer analyzer) {
      super(analyzer);
      setAutoGenerateMultiTermSynonymsPhraseQuery(false);
    }

    Query shape(TokenStream tokens, String field) {
      return createFieldQuery(tokens, BooleanClause.Occur.SHOULD, field, false, 0);
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
      Query query = new TermQuery(term);
      return boost == 1f ? query : new BoostQuery(query, boost);
    }

    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
      return new Alternatives(terms);
    }
  }

  /** A word's alternatives (its stems and its synonyms') in a shape; never searched. */
  private static final class Alternatives extends Query {
    private final TermAndBoost[] terms;

    Alternatives(TermAndBoost[] terms) {
      this.terms = terms.clone();
    }

    @Override
    public String toString(String field) {
      return "Alternatives" + Arrays.toString(terms);
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Alternatives a && Arrays.equals(terms, a.terms);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(terms);
    }
  }
}
