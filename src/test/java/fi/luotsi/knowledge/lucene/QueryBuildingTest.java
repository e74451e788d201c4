package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.bench.EvalQuestion;
import fi.luotsi.bench.EvaluationSet;
import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/** The shortcuts of query building must give exactly what Lucene's plain way gives. */
class QueryBuildingTest {
  private static final List<String> FAMILIES = List.of("title", "q", "body", "doc");

  @Test
  void oneAnalysisForFourFieldsGivesTheQueriesOfOneAnalysisPerField() {
    LanguageResources resources = new LanguageResources();
    List<EvalQuestion> questions = EvaluationSet.load();
    int withSynonyms = 0;
    for (Language language : Language.values()) {
      SynonymMap synonyms = resources.synonyms(language, List.of(), new ArrayList<>());
      try (Analyzer stem = resources.questionStems(language, synonyms)) {
        FieldQueries shortcut = new FieldQueries(stem, TermLookup.NONE);
        QueryBuilder plain = new QueryBuilder(stem);
        List<String> fields =
            FAMILIES.stream().map(f -> LuceneKnowledgeIndex.field(language, f)).toList();
        for (EvalQuestion question : questions) {
          if (question.language() != language) {
            continue;
          }
          List<Query> queries = shortcut.create(question.text(), fields);
          for (int i = 0; i < fields.size(); i++) {
            assertThat(queries.get(i))
                .as("%s in %s", question.text(), fields.get(i))
                .isEqualTo(plain.createBooleanQuery(fields.get(i), question.text()));
          }
          if (queries.get(0) != null && queries.get(0).toString().contains("Synonym")) {
            withSynonyms++;
          }
        }
      }
    }
    // The comparison above covered synonym expansion, not only plain terms.
    assertThat(withSynonyms).isGreaterThan(10);
  }

  @Test
  void aMultiWordSynonymIsAConjunctionOfItsWordsNotAPhrase() {
    LanguageResources resources = new LanguageResources();
    SynonymMap synonyms = resources.synonyms(Language.FI, List.of(), new ArrayList<>());
    try (Analyzer stem = resources.questionStems(Language.FI, synonyms)) {
      String field = LuceneKnowledgeIndex.field(Language.FI, "body");
      Query query =
          new FieldQueries(stem, TermLookup.NONE).create("valtuutettu", List.of(field)).get(0);
      List<Query> all = new ArrayList<>();
      query.visit(
          new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
              all.add(parent);
              return this;
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
              all.add(q);
            }
          });
      assertThat(all).noneMatch(q -> q instanceof PhraseQuery);
      // valtuuston jäsen: both words required, in any position.
      assertThat(all)
          .anyMatch(
              q ->
                  q instanceof BooleanQuery b
                      && b.clauses().size() == 2
                      && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST));
    }
  }

  @Test
  void boundTermsScoreExactlyAsLookedUpTermsAndUnknownTermsMatchNothing() throws IOException {
    try (ByteBuffersDirectory directory = smallIndex()) {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1); // statistics summed over segments
        KnownTerms known = new KnownTerms(reader, List.of("a"));
        Function<TermLookup, Query> build =
            lookup ->
                new BooleanQuery.Builder()
                    .add(
                        new BoostQuery(lookup.termQuery(new Term("a", "valtuusto")), 2f),
                        BooleanClause.Occur.SHOULD)
                    .add(lookup.termQuery(new Term("a", "esteellinen")), BooleanClause.Occur.SHOULD)
                    .add(lookup.termQuery(new Term("a", "puuttuu")), BooleanClause.Occur.SHOULD)
                    .add(lookup.termQuery(new Term("b", "talousarvio")), BooleanClause.Occur.SHOULD)
                    .add(
                        new DisjunctionMaxQuery(
                            List.of(
                                lookup.termQuery(new Term("a", "kokous")),
                                lookup.termQuery(new Term("a", "jäsen"))),
                            0f),
                        BooleanClause.Occur.SHOULD)
                    .build();
        Query query = build.apply(TermLookup.NONE);
        Query bound = build.apply(known);

        List<BooleanClause> clauses = ((BooleanQuery) bound).clauses();
        TermQuery valtuusto = (TermQuery) ((BoostQuery) clauses.get(0).query()).getQuery();
        assertThat(valtuusto.getTermStates()).isNotNull();
        assertThat(known.builtFor(valtuusto.getTermStates())).isTrue();
        assertThat(valtuusto.getTermStates().docFreq()).isEqualTo(2);
        assertThat(clauses.get(2).query()).isInstanceOf(MatchNoDocsQuery.class);
        assertThat(((TermQuery) clauses.get(3).query()).getTermStates())
            .isNull(); // field b not in the table

        IndexSearcher searcher = new IndexSearcher(reader);
        ScoreDoc[] expected = searcher.search(query, 10).scoreDocs;
        ScoreDoc[] actual = searcher.search(bound, 10).scoreDocs;
        assertThat(actual).hasSameSizeAs(expected).hasSizeGreaterThan(3);
        for (int i = 0; i < expected.length; i++) {
          assertThat(actual[i].doc).isEqualTo(expected[i].doc);
          assertThat(actual[i].score).isEqualTo(expected[i].score);
        }
      }
    }
  }

  /**
   * A word's alternatives that the field does not have are left out of its synonym query; what is
   * left scores every document exactly as the whole synonym query does.
   */
  @Test
  void synonymQueriesWithoutAbsentAlternativesScoreTheSame() throws IOException {
    try (ByteBuffersDirectory directory = smallIndex();
        DirectoryReader reader = DirectoryReader.open(directory);
        Analyzer analyzer = new WhitespaceAnalyzer()) {
      KnownTerms known = new KnownTerms(reader, List.of("a"));
      FieldQueries pruning = new FieldQueries(analyzer, known);
      IndexSearcher searcher = new IndexSearcher(reader);
      List<List<String>> alternatives =
          List.of(
              List.of("valtuusto", "puuttuu", "jäsen"),
              List.of("puuttuu", "esteellinen"),
              List.of("esteellinen", "puuttuu", "eisitäkään"),
              List.of("puuttuu", "eisitäkään"));
      int pruned = 0;
      for (List<String> words : alternatives) {
        SynonymQuery.Builder whole = new SynonymQuery.Builder("a");
        QueryBuilder.TermAndBoost[] terms = new QueryBuilder.TermAndBoost[words.size()];
        for (int i = 0; i < words.size(); i++) {
          whole.addTerm(new Term("a", words.get(i)));
          terms[i] = new QueryBuilder.TermAndBoost(new BytesRef(words.get(i)), 1f);
        }
        Query expected = whole.build();
        Query actual = pruning.newSynonymQuery("a", terms);
        pruned += actual instanceof SynonymQuery ? 0 : 1;
        ScoreDoc[] want = searcher.search(expected, 10).scoreDocs;
        ScoreDoc[] got = searcher.search(actual, 10).scoreDocs;
        assertThat(got).as("%s", words).hasSameSizeAs(want);
        for (int i = 0; i < want.length; i++) {
          assertThat(got[i].doc).as("%s", words).isEqualTo(want[i].doc);
          assertThat(got[i].score).as("%s", words).isEqualTo(want[i].score);
        }
      }
      // Two became a single bound term query, one matches nothing; one stayed a synonym query.
      assertThat(pruned).isEqualTo(3);
      assertThat(known.mayContain(new Term("b", "puuttuu"))).isTrue(); // b is not in the table
    }
  }

  /** Six short documents in two fields, in several segments. */
  private static ByteBuffersDirectory smallIndex() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig().setMaxBufferedDocs(2))) {
      String[] texts = {
        "valtuusto päättää talousarviosta", "esteellinen jäsen poistuu kokouksesta",
        "talousarvio ja taloussuunnitelma", "valtuusto valitsee kunnanhallituksen",
        "jäsen on esteellinen", "kokous on päätösvaltainen"
      };
      for (String text : texts) {
        Document doc = new Document();
        doc.add(new TextField("a", text, Field.Store.NO));
        doc.add(new TextField("b", text + " " + text, Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    return directory;
  }
}
