package fi.luotsi.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.answer.Answer;
import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.bench.EvalQuestion;
import fi.luotsi.bench.EvaluationSet;
import fi.luotsi.config.Settings;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The knowledge base, evaluation set and configuration that ship with Luotsi all load cleanly. */
class ShippedKnowledgeTest {
  private static final Path KNOWLEDGE = Path.of("knowledge");

  private static KnowledgeBase shipped;

  /** The shipped knowledge indexed once for the tests that search it. */
  private static LuceneKnowledgeIndex index;

  @BeforeAll
  static void load() {
    shipped = new KnowledgeLoader().load(KNOWLEDGE);
    index = new LuceneKnowledgeIndex(null);
    index.rebuild(shipped);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void everyShippedKnowledgeFileLoadsWithoutProblems() {
    assertThat(shipped.problems()).isEmpty();
    assertThat(shipped.sections()).isNotEmpty();
  }

  @Test
  void sectionIdsAreUniqueAndEverySectionHasText() {
    List<String> ids = shipped.sections().stream().map(Section::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(shipped.sections())
        .allSatisfy(
            s -> {
              assertThat(s.text()).as(s.id()).isNotEmpty();
              assertThat(s.body()).as(s.id()).isNotBlank();
            });
  }

  @Test
  void thereAreAtLeastEightyFinnishSections() {
    assertThat(shipped.sections().stream().filter(s -> s.language() == Language.FI))
        .hasSizeGreaterThanOrEqualTo(80);
  }

  @Test
  void disqualificationAndOpennessExistInSwedishAndEnglish() {
    assertThat(sections(Language.SV, mentions("jäv"))).as("Swedish on jäv").isNotEmpty();
    assertThat(sections(Language.SV, mentions("offentlig")))
        .as("Swedish on offentlighet")
        .isNotEmpty();
    assertThat(sections(Language.EN, mentions("disqualif")))
        .as("English on disqualification")
        .isNotEmpty();
    assertThat(sections(Language.EN, mentions("public", "openness")))
        .as("English on openness")
        .isNotEmpty();
  }

  @Test
  void theShippedKnowledgeIndexesWithItsSynonyms() {
    assertThat(index.problems()).isEmpty();
    assertThat(index.sections()).hasSameSizeAs(shipped.sections());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jäävi", "olenko esteellinen?", "När är jag jävig?"})
  void aBareQuestionAboutDisqualificationGetsTheGeneralSection(String question) {
    // One content word matches every disqualification section equally; the section about the
    // concept itself should answer (the built-in synonyms join jäävi, esteellinen and their nouns).
    Answer answer = new AnswerEngine(index).answer(question, Optional.empty());

    assertThat(answer).isInstanceOf(Answer.Found.class);
    assertThat(((Answer.Found) answer).section().id())
        .isIn(
            "esteellisyys/perusteet.md#mitä-esteellisyys-eli-jääviys-tarkoittaa",
            "sv/jav.md#när-är-jag-jävig-som-förtroendevald");
  }

  @Test
  void everyExpectedSectionOfTheEvaluationSetExists() {
    Set<String> ids = shipped.sections().stream().map(Section::id).collect(Collectors.toSet());
    List<String> missing =
        EvaluationSet.load().stream()
            .flatMap(
                q ->
                    q.expected().stream()
                        .filter(id -> !ids.contains(id))
                        .map(id -> q.origin() + ": " + id))
            .toList();
    assertThat(missing).isEmpty();
  }

  @Test
  void theEvaluationSetHasEnoughAnswerableAndOutOfScopeQuestionsInBothSplits() {
    List<EvalQuestion> questions = EvaluationSet.load();
    List<EvalQuestion> answerable = questions.stream().filter(EvalQuestion::answerable).toList();
    List<EvalQuestion> outOfScope = questions.stream().filter(q -> !q.answerable()).toList();

    assertThat(answerable).hasSizeGreaterThanOrEqualTo(250);
    assertThat(outOfScope).hasSizeGreaterThanOrEqualTo(50);
    assertThat(answerable).extracting(EvalQuestion::split).contains("dev", "test");
    assertThat(outOfScope).extracting(EvalQuestion::split).contains("dev", "test");
  }

  @Test
  void noEvaluationQuestionIsInBothTheDevAndTheTestSplit() {
    Set<String> dev = texts("dev");
    List<String> leaked = texts("test").stream().filter(dev::contains).sorted().toList();
    assertThat(leaked).as("tuning on dev must not see test questions").isEmpty();
  }

  private static Set<String> texts(String split) {
    return EvaluationSet.load().stream()
        .filter(q -> q.split().equals(split))
        .map(q -> q.text().toLowerCase(Locale.ROOT).strip())
        .collect(Collectors.toSet());
  }

  @Test
  void noEvaluationQuestionIsCopiedIntoTheKnowledge() {
    // An evaluation question that is also a heading or an alternate phrasing measures recall of
    // the index, not how well unseen questions are answered.
    Set<String> written =
        shipped.sections().stream()
            .flatMap(s -> Stream.concat(Stream.of(s.heading()), s.questions().stream()))
            .map(ShippedKnowledgeTest::normalised)
            .collect(Collectors.toSet());
    assertThat(
            EvaluationSet.load().stream()
                .map(EvalQuestion::text)
                .filter(q -> written.contains(normalised(q))))
        .isEmpty();
  }

  @Test
  void theBuiltInOutOfScopeExamplesAreNeitherEvaluationQuestionsNorPhrasingsOfTheKnowledge()
      throws IOException {
    // An evaluation question among the examples would be declined by being looked up; a phrasing
    // of the knowledge among them would tell the decline model that the knowledge answers it and
    // does not, at once.
    Set<String> examples = new java.util.HashSet<>();
    for (Language language : Language.values()) {
      String name = "/fi/luotsi/knowledge/lucene/out-of-scope-" + language.code() + ".txt";
      try (var in = ShippedKnowledgeTest.class.getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(ShippedKnowledgeTest::normalised)
            .forEach(examples::add);
      }
    }
    Set<String> written =
        shipped.sections().stream()
            .flatMap(s -> Stream.concat(Stream.of(s.heading()), s.questions().stream()))
            .map(ShippedKnowledgeTest::normalised)
            .collect(Collectors.toSet());

    assertThat(examples).hasSizeGreaterThan(100);
    assertThat(
            EvaluationSet.load().stream()
                .map(EvalQuestion::text)
                .filter(q -> examples.contains(normalised(q))))
        .isEmpty();
    assertThat(examples).doesNotContainAnyElementsOf(written);
  }

  private static String normalised(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  @Test
  void theShippedOperatorSettingsLoad() {
    Settings settings = Settings.load(Path.of("config"));

    assertThat(settings.contact(Language.FI)).isNotBlank();
    assertThat(settings.contact(Language.SV)).isNotBlank();
    assertThat(settings.contact(Language.EN)).isNotBlank();
    assertThat(settings.questionsPerMinute()).isPositive();
    assertThat(settings.maxBodyBytes()).isPositive();
  }

  private static List<Section> sections(Language language, Predicate<Section> filter) {
    return shipped.sections().stream()
        .filter(s -> s.language() == language)
        .filter(filter)
        .toList();
  }

  private static Predicate<Section> mentions(String... stems) {
    return s -> {
      String all =
          (s.heading() + " " + s.body() + " " + String.join(" ", s.tags()))
              .toLowerCase(Locale.ROOT);
      for (String stem : stems) {
        if (all.contains(stem)) {
          return true;
        }
      }
      return false;
    };
  }
}
