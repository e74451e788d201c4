package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a question becomes its query: its shape and which words get typo alternatives. */
class QueryPlanTest {
  private static final LanguageResources resources = new LanguageResources();
  private static ByteBuffersDirectory directory;
  private static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(
            directory, new IndexWriterConfig(LuceneKnowledgeIndex.indexAnalyzer(resources)))) {
      for (String text :
          List.of(
              "Esityslista lähetetään jäsenille ennen kokousta.",
              "Esityslistan asiat käsitellään kokouksessa järjestyksessä.",
              "Kunnan talousarvio hyväksytään valtuustossa.",
              "Kunnat tekevät yhteistyötä.")) {
        Document doc = new Document();
        doc.add(
            new TextField(LuceneKnowledgeIndex.field(Language.FI, "body"), text, Field.Store.NO));
        doc.add(
            new TextField(
                LuceneKnowledgeIndex.field(Language.FI, LuceneKnowledgeIndex.PLAIN),
                text,
                Field.Store.NO));
        doc.add(
            new TextField(
                LuceneKnowledgeIndex.field(Language.FI, LuceneKnowledgeIndex.GRAM),
                text,
                Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  /** A plan whose "known" words are those whose stems are in {@code knownStems}. */
  private static QueryPlan plan(Set<String> knownStems) {
    return plan(knownStems, TermLookup.NONE);
  }

  private static QueryPlan plan(Set<String> knownStems, TermLookup lookup) {
    Map<Language, SynonymMap> synonyms = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      synonyms.put(language, resources.synonyms(language, List.of(), new ArrayList<>()));
    }
    return new QueryPlan(
        resources,
        synonyms,
        Tuning.DEFAULT,
        Map.of(
            Language.FI,
            new Vocabulary(
                reader, LuceneKnowledgeIndex.field(Language.FI, LuceneKnowledgeIndex.PLAIN))),
        group -> group.stems().stream().anyMatch(knownStems::contains),
        lookup);
  }

  private static BooleanQuery scoring(QueryPlan.Planned planned) {
    return (BooleanQuery) planned.query().orElseThrow();
  }

  /** The unstemmed words the typo part of the query matches, for each question word. */
  private static List<Set<String>> typoAlternatives(BooleanQuery scoring) {
    List<Set<String>> out = new ArrayList<>();
    for (BooleanClause clause : scoring.clauses()) {
      Query query = clause.query();
      while (query instanceof BoostQuery boost) {
        query = boost.getQuery();
      }
      if (query instanceof DisjunctionMaxQuery dismax) {
        Set<String> words = new java.util.TreeSet<>();
        dismax.visit(
            new QueryVisitor() {
              @Override
              public void consumeTerms(Query q, Term... terms) {
                for (Term term : terms) {
                  assertThat(term.field())
                      .isEqualTo(
                          LuceneKnowledgeIndex.field(Language.FI, LuceneKnowledgeIndex.PLAIN));
                  words.add(term.text());
                }
              }

              @Override
              public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
              }
            });
        out.add(words);
      }
    }
    return out;
  }

  @Test
  void theScoringPartIsOneFlatDisjunctionOfWordClauses() {
    BooleanQuery scoring = scoring(plan(Set.of()).plan("esityslistaa kunnan", Language.FI));
    assertThat(scoring.clauses()).hasSizeGreaterThan(4);
    for (BooleanClause clause : scoring.clauses()) {
      assertThat(clause.occur()).isEqualTo(BooleanClause.Occur.SHOULD);
      Query query = clause.query();
      if (query instanceof BoostQuery boost) {
        query = boost.getQuery();
      }
      // A nested disjunction would hide its terms' maximum scores from Lucene's top-k scoring.
      assertThat(query).as("%s", clause).isNotInstanceOf(BooleanQuery.class);
      assertThat(query).isNotInstanceOf(BoostQuery.class);
    }
  }

  @Test
  void aWordNoSectionHasMatchesTheIndexWordsWithinTypingDistance() {
    // "esityslistaa" is not in the index; no stem is known: a typo or a form the stemmer misses.
    List<Set<String>> alternatives =
        typoAlternatives(scoring(plan(Set.of()).plan("esityslistaa kunnan", Language.FI)));
    assertThat(alternatives)
        .containsExactly(Set.of("esityslista", "esityslistan"), Set.of("kunnan", "kunnat"));
  }

  @Test
  void aWordWhoseStemsASectionHasMatchesOnlyItsOwnForm() {
    QueryPlan.Planned planned = plan(Set.of()).plan("kunnan", Language.FI);
    Set<String> stems = planned.terms().get(0).stems();
    List<Set<String>> alternatives =
        typoAlternatives(scoring(plan(stems).plan("esityslistaa kunnan", Language.FI)));
    // kunnat is another real word, not a typo of kunnan.
    assertThat(alternatives)
        .containsExactly(Set.of("esityslista", "esityslistan"), Set.of("kunnan"));
  }

  @Test
  void aWordWhoseStemsASectionHasIsNearOnlyItsOwnFormForCoverageAndPhrasings() {
    QueryPlan.Planned unknown = plan(Set.of()).plan("esityslistaa kunnan", Language.FI);
    assertThat(unknown.terms().get(1).near()).containsExactlyInAnyOrder("kunnan", "kunnat");
    Set<String> stems = unknown.terms().get(1).stems();
    QueryPlan.Planned known = plan(stems).plan("esityslistaa kunnan", Language.FI);
    // Coverage and the phrasing similarity give a section credit for a question word's near
    // words: kunnat is another real word, which a section should get no credit for.
    assertThat(known.terms().get(1).near()).containsExactly("kunnan");
    assertThat(known.terms().get(0).near())
        .containsExactlyInAnyOrder("esityslista", "esityslistan");
  }

  @Test
  void aWordWhoseStemsASectionHasKeepsItsFormsWithOrWithoutDots() {
    QueryPlan.Planned typed = plan(Set.of()).plan("jarjestyksessa", Language.FI);
    Set<String> stems = typed.terms().get(0).stems();
    KnownTerms terms =
        new KnownTerms(
            reader, List.of(LuceneKnowledgeIndex.field(Language.FI, LuceneKnowledgeIndex.PLAIN)));
    // The form as typed is not in the index, the form with dots is.
    QueryPlan.Planned known = plan(stems, terms).plan("jarjestyksessa", Language.FI);
    assertThat(known.terms().get(0).near()).containsExactly("järjestyksessä");
    assertThat(plan(stems, terms).plan("järjestyksessä", Language.FI).terms().get(0).near())
        .containsExactly("järjestyksessä");
  }
}
