package fi.luotsi.answer;

import static fi.luotsi.KnowledgeFixture.BUDGET;
import static fi.luotsi.KnowledgeFixture.DISQUALIFIED;
import static fi.luotsi.KnowledgeFixture.GROUNDS;
import static fi.luotsi.KnowledgeFixture.JAV;
import static fi.luotsi.KnowledgeFixture.TAX_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import fi.luotsi.KnowledgeFixture;
import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.KnowledgeIndex.SearchResult;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerEngineTest {
  @TempDir static Path dir;

  private static KnowledgeBase fixture;
  private static LuceneKnowledgeIndex index;
  private static AnswerEngine engine;

  @BeforeAll
  static void build() {
    fixture = new KnowledgeLoader().load(KnowledgeFixture.write(dir));
    index = new LuceneKnowledgeIndex(null);
    index.rebuild(fixture);
    engine = new AnswerEngine(index);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void answersAWellCoveredQuestionWithTheBestSection() {
    Answer answer = engine.answer("Milloin luottamushenkilö on esteellinen?", Optional.empty());

    assertThat(answer)
        .asInstanceOf(type(Answer.Found.class))
        .satisfies(
            found -> {
              assertThat(found.section().id()).isEqualTo(GROUNDS);
              assertThat(found.language()).isEqualTo(Language.FI);
              assertThat(found.otherLanguage()).isFalse();
              assertThat(found.confidence()).isGreaterThanOrEqualTo(0.6);
              assertThat(found.candidates().get(0).section().id()).isEqualTo(GROUNDS);
              assertThat(found.question()).isEqualTo("Milloin luottamushenkilö on esteellinen?");
            });
  }

  @Test
  void declinesAQuestionTheKnowledgeDoesNotCover() {
    Answer answer =
        engine.answer("Paljonko bussilippu maksaa Helsingissä lauantaina?", Optional.empty());

    assertThat(answer).isInstanceOf(Answer.NoMatch.class);
    assertThat(answer.language()).isEqualTo(Language.FI);
  }

  @Test
  void declinesAQuestionOfOnlyQuestionWords() {
    assertThat(engine.answer("Miten? Milloin?", Optional.empty()))
        .isInstanceOf(Answer.NoMatch.class);
  }

  @Test
  void offersOtherWellCoveredSectionsAsRelated() {
    Answer answer = engine.answer("kunnan talousarvio ja tuloveroprosentti", Optional.empty());

    assertThat(answer)
        .asInstanceOf(type(Answer.Found.class))
        .satisfies(
            found -> {
              assertThat(List.of(BUDGET, TAX_RATE)).contains(found.section().id());
              assertThat(found.related())
                  .extracting(Section::id)
                  .containsAnyOf(BUDGET, TAX_RATE)
                  .doesNotContain(found.section().id())
                  .hasSizeLessThanOrEqualTo(2);
            });
  }

  @Test
  void aSwedishQuestionIsAnsweredFromTheSwedishSection() {
    Answer answer = engine.answer("När är jag jävig?", Optional.empty());

    assertThat(answer)
        .asInstanceOf(type(Answer.Found.class))
        .satisfies(
            found -> {
              assertThat(found.section().id()).isEqualTo(JAV);
              assertThat(found.language()).isEqualTo(Language.SV);
              assertThat(found.otherLanguage()).isFalse();
            });
  }

  @Test
  void aSwedishQuestionWithoutASwedishSectionFallsBackOnFinnishAndSaysSo() {
    Answer answer = engine.answer("talousarvio", Language.SV);

    assertThat(answer)
        .asInstanceOf(type(Answer.Found.class))
        .satisfies(
            found -> {
              assertThat(found.section().id()).isEqualTo(BUDGET);
              assertThat(found.language()).isEqualTo(Language.SV);
              assertThat(found.otherLanguage()).isTrue();
            });
  }

  @Test
  void anEnglishQuestionIsAnsweredFromTheEnglishSection() {
    Answer answer = engine.answer("When is a trustee disqualified?", Optional.empty());

    assertThat(answer)
        .asInstanceOf(type(Answer.Found.class))
        .satisfies(found -> assertThat(found.section().id()).isEqualTo(DISQUALIFIED));
  }

  @Test
  void theQuestionsOwnLanguageWinsOverTheUsersLocale() {
    assertThat(engine.languageOf("När är jag jävig?", Optional.of(Language.FI)))
        .isEqualTo(Language.SV);
    assertThat(engine.languageOf("talousarvio", Optional.empty())).isEqualTo(Language.FI);
    assertThat(engine.languageOf("talousarvio", Optional.of(Language.EN)))
        .as("Finnish words do not override the user's locale; Finnish is every language's fallback")
        .isEqualTo(Language.EN);
    assertThat(engine.languageOf("close relative benefit", Optional.of(Language.FI)))
        .as("keywords only the English sections have")
        .isEqualTo(Language.EN);
    assertThat(engine.languageOf("qwxz", Optional.of(Language.EN)))
        .as("nothing tells: the user's locale")
        .isEqualTo(Language.EN);
  }

  /** The decision alone, over an index that returns prepared hits. */
  @Nested
  class Decision {
    private final Section a = section("a.md#a", Language.FI);
    private final Section b = section("b.md#b", Language.FI);
    private final Section c = section("c.md#c", Language.FI);
    private final Section d = section("d.md#d", Language.FI);

    @Test
    void answersWhenTheBestSectionReachesTheCoverageThreshold() {
      AnswerEngine engine =
          new AnswerEngine(
              new PreparedIndex(new Hit(a, 9, 0.6), new Hit(b, 5, 0.9)),
              AnswerEngine.Policy.coverageAtLeast(0.6, 0.45));

      Answer answer = engine.answer("kysymys", Optional.empty());

      assertThat(answer)
          .asInstanceOf(type(Answer.Found.class))
          .satisfies(
              found -> {
                assertThat(found.section()).isEqualTo(a);
                assertThat(found.confidence()).isEqualTo(0.5); // exactly at the threshold
              });
    }

    @Test
    void declinesBelowTheThresholdAndKeepsTheCandidates() {
      AnswerEngine engine =
          new AnswerEngine(
              new PreparedIndex(new Hit(a, 9, 0.59), new Hit(b, 5, 0.9)),
              AnswerEngine.Policy.coverageAtLeast(0.6, 0.45));

      Answer answer = engine.answer("kysymys", Optional.empty());

      assertThat(answer).isInstanceOf(Answer.NoMatch.class);
      assertThat(answer.candidates()).extracting(Hit::section).containsExactly(a, b);
    }

    @Test
    void theStrongestLexicalEvidenceDecidesWhetherToAnswerAndTheFirstHitIsTheAnswer() {
      // A learned ranking put a ahead of b, whose words cover the question better.
      AnswerEngine answering =
          new AnswerEngine(
              new PreparedIndex(1, new Hit(a, 5, 0.3), new Hit(b, 9, 0.8)),
              AnswerEngine.Policy.coverageAtLeast(0.6, 0.45));
      assertThat(answering.answer("kysymys", Optional.empty()))
          .asInstanceOf(type(Answer.Found.class))
          .satisfies(found -> assertThat(found.section()).isEqualTo(a));

      // The other way round: the first hit covers well, the evidence does not.
      AnswerEngine declining =
          new AnswerEngine(
              new PreparedIndex(1, new Hit(a, 5, 0.8), new Hit(b, 9, 0.3)),
              AnswerEngine.Policy.coverageAtLeast(0.6, 0.45));
      assertThat(declining.answer("kysymys", Optional.empty())).isInstanceOf(Answer.NoMatch.class);
    }

    @Test
    void aQuestionCloseToItsOwnLanguagesOutOfScopeExamplesIsNotAnsweredFromFinnishContent() {
      // coverage counts +10, closeness to an out-of-scope example -20; answers at z >= 0
      DeclineModel model = new DeclineModel(-5, 10, 0, 0, 0, 0, -20, 0.5);
      // Finnish content knows nothing of the Swedish examples.
      KnowledgeIndex swedishNearMiss =
          byLanguage(
              new SearchResult(Language.FI, List.of(new Hit(a, 9, 0.8)), 1, 0),
              new SearchResult(Language.SV, List.of(), 1, 0, 0, 0.9));
      AnswerEngine engine = new AnswerEngine(swedishNearMiss, new AnswerEngine.Policy(model, 0.45));

      assertThat(engine.answer("hur ansöker jag om bygglov för en bastu", Language.SV))
          .isInstanceOf(Answer.NoMatch.class);
      assertThat(engine.answer("talousarvio", Language.FI)).isInstanceOf(Answer.Found.class);
    }

    @Test
    void aQuestionSearchedInFinnishContentKeepsItsOwnCountOfContentWords() {
      // Swedish function words count as content words in the Finnish analysis: 8 instead of 2.
      DeclineModel model = new DeclineModel(-3, 0, 0, 0, 0, 5, 0, 0.5);
      KnowledgeIndex swedishQuestion =
          byLanguage(
              new SearchResult(Language.FI, List.of(new Hit(a, 9, 0.2)), 8, 0.5),
              new SearchResult(Language.SV, List.of(), 2, 0.5));
      AnswerEngine engine = new AnswerEngine(swedishQuestion, new AnswerEngine.Policy(model, 0.45));

      assertThat(engine.answer("ge mig ett recept på laxsoppa", Language.SV))
          .isInstanceOf(Answer.NoMatch.class);
      assertThat(engine.answer("pitkä kysymys", Language.FI)).isInstanceOf(Answer.Found.class);
    }

    @Test
    void relatedAreAtMostTwoSectionsAboveTheRelatedThreshold() {
      AnswerEngine engine =
          new AnswerEngine(
              new PreparedIndex(
                  new Hit(a, 9, 0.9),
                  new Hit(b, 8, 0.3),
                  new Hit(c, 7, 0.5),
                  new Hit(d, 6, 0.45),
                  new Hit(section("e.md#e", Language.FI), 5, 0.8)),
              AnswerEngine.Policy.coverageAtLeast(0.6, 0.45));

      Answer.Found found = (Answer.Found) engine.answer("kysymys", Optional.empty());

      assertThat(found.related()).containsExactly(c, d);
    }
  }

  private static Section section(String id, Language language) {
    int hash = id.indexOf('#');
    return Sections.inDocument(
        id.substring(0, hash), "Otsikko " + id, id.substring(hash + 1), language);
  }

  /** Returns {@code finnish} for every Finnish search and {@code other} for other languages. */
  private static KnowledgeIndex byLanguage(SearchResult finnish, SearchResult other) {
    return new PreparedIndex(finnish.hits().toArray(Hit[]::new)) {
      @Override
      public SearchResult search(String question, Language language, int limit) {
        return language == Language.FI ? finnish : other;
      }
    };
  }

  /** Returns the same prepared hits for every Finnish search, none for other languages. */
  private static class PreparedIndex implements KnowledgeIndex {
    private final List<Hit> hits;
    private final int evidence;

    PreparedIndex(Hit... hits) {
      this(0, hits);
    }

    /** Hits whose strongest lexical evidence is at {@code evidence}. */
    PreparedIndex(int evidence, Hit... hits) {
      this.hits = List.of(hits);
      this.evidence = evidence;
    }

    @Override
    public void rebuild(KnowledgeBase knowledge) {}

    @Override
    public SearchResult search(String question, Language language, int limit) {
      List<Hit> out = new ArrayList<>(language == Language.FI ? hits : List.of());
      List<Hit> limited = out.subList(0, Math.min(limit, out.size()));
      return new SearchResult(language, limited, 1, 0, limited.isEmpty() ? 0 : evidence);
    }

    @Override
    public List<Section> sections() {
      return hits.stream().map(Hit::section).toList();
    }

    @Override
    public Optional<Section> section(String id) {
      return sections().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public void close() {}
  }
}
