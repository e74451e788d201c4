package fi.luotsi.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.KnowledgeIndex.SearchResult;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DeclineModelTest {
  private static final Section SECTION = Sections.finnish("a.md#a", "Kohta", "Tekstiä.");

  private static double probability(DeclineModel model, double coverage, double unknownShare) {
    Hit hit = new Hit(SECTION, 1, coverage);
    return model.probability(hit, new SearchResult(Language.FI, List.of(hit), 3, unknownShare));
  }

  @Test
  void theShippedModelAnswersMoreReadilyTheMoreOfTheQuestionTheSectionCovers() {
    DeclineModel model = DeclineModel.shipped();

    assertThat(probability(model, 0.9, 0)).isGreaterThan(probability(model, 0.5, 0));
    assertThat(probability(model, 0.5, 0)).isGreaterThan(probability(model, 0.1, 0));
    assertThat(probability(model, 1.0, 0)).isGreaterThanOrEqualTo(model.threshold());
    assertThat(probability(model, 0.0, 1)).isLessThan(probability(model, 1.0, 0));
  }

  @Test
  void aSectionWithNoneOfTheQuestionsWordsIsNeverTheAnswer() {
    DeclineModel model = DeclineModel.coverageAtLeast(0);
    Hit none = new Hit(SECTION, 1, 0);
    Hit some = new Hit(SECTION, 1, 0.05);

    assertThat(model.answers(none, new SearchResult(Language.FI, List.of(none), 3, 0))).isFalse();
    assertThat(model.answers(some, new SearchResult(Language.FI, List.of(some), 3, 0))).isTrue();
  }

  @Test
  void wordsTheKnowledgeBaseNeverUsesMakeTheShippedModelLessSure() {
    DeclineModel model = DeclineModel.shipped();

    // the same coverage, reached despite a third of the question being unknown words
    assertThat(probability(model, 0.5, 0.33)).isLessThan(probability(model, 0.5, 0));
  }

  @Test
  void aCoverageThresholdAnswersExactlyFromTheThresholdOn() {
    DeclineModel model = DeclineModel.coverageAtLeast(0.45);
    Hit at = new Hit(SECTION, 1, 0.45);
    Hit below = new Hit(SECTION, 1, 0.449);

    assertThat(model.answers(at, new SearchResult(Language.FI, List.of(at), 2, 0.5))).isTrue();
    assertThat(model.answers(below, new SearchResult(Language.FI, List.of(below), 2, 0))).isFalse();
  }

  @Test
  void knownCoverageIsTheCoverageOfTheWordsTheKnowledgeBaseKnows() {
    Hit hit = new Hit(SECTION, 1, 0.4);

    assertThat(DeclineModel.features(hit, new SearchResult(Language.FI, List.of(hit), 3, 0.5)))
        .containsExactly(0.4, 0.5, 0.8, 0.0, 0.3, 0.0);
    assertThat(DeclineModel.features(hit, new SearchResult(Language.FI, List.of(hit), 3, 1.0)))
        .containsExactly(0.4, 1.0, 0.0, 0.0, 0.3, 0.0);
  }

  @Test
  void thePhrasingSimilarityIsTheFourthSignal() {
    Hit hit = new Hit(SECTION, 1, 0.4, 0.7);

    assertThat(DeclineModel.features(hit, new SearchResult(Language.FI, List.of(hit), 3, 0)))
        .containsExactly(0.4, 0.0, 0.4, 0.7, 0.3, 0.0);
  }

  @Test
  void theQuestionsLengthInContentWordsIsTheFifthSignalReachingOneAtTenWords() {
    Hit hit = new Hit(SECTION, 1, 0.4, 0.7);

    assertThat(DeclineModel.features(hit, new SearchResult(Language.FI, List.of(hit), 7, 0))[4])
        .isEqualTo(0.7);
    assertThat(DeclineModel.features(hit, new SearchResult(Language.FI, List.of(hit), 14, 0))[4])
        .isEqualTo(1.0);
  }

  @Test
  void theSimilarityToTheClosestOutOfScopeExampleIsTheSixthSignal() {
    Hit hit = new Hit(SECTION, 1, 0.4, 0.7);

    assertThat(
            DeclineModel.features(hit, new SearchResult(Language.FI, List.of(hit), 3, 0, 0, 0.85))[
                5])
        .isEqualTo(0.85);
  }

  @Test
  void aQuestionCloseToAnOutOfScopeExampleMakesTheShippedModelLessSure() {
    DeclineModel model = DeclineModel.shipped();
    Hit hit = new Hit(SECTION, 1, 0.6, 0.6);

    assertThat(model.probability(hit, new SearchResult(Language.FI, List.of(hit), 3, 0, 0, 0.9)))
        .isLessThan(
            model.probability(hit, new SearchResult(Language.FI, List.of(hit), 3, 0, 0, 0.1)));
  }

  @Test
  void aQuestionCloseToOneOfTheSectionsPhrasingsMakesTheShippedModelSurer() {
    DeclineModel model = DeclineModel.shipped();
    Hit close = new Hit(SECTION, 1, 0.5, 0.9);
    Hit far = new Hit(SECTION, 1, 0.5, 0.2);

    assertThat(model.probability(close, new SearchResult(Language.FI, List.of(close), 3, 0)))
        .isGreaterThan(model.probability(far, new SearchResult(Language.FI, List.of(far), 3, 0)));
  }

  @Test
  void theModelRoundTripsThroughItsPropertiesFile() throws Exception {
    DeclineModel model = new DeclineModel(-1.25, 3.5, -2.75, 0.5, 1.75, 0.625, -2.5, 0.4);
    Properties p = new Properties();
    p.load(new ByteArrayInputStream(model.toProperties().getBytes(StandardCharsets.ISO_8859_1)));

    assertThat(p)
        .containsEntry("intercept", "-1.250000")
        .containsEntry("coverage", "3.500000")
        .containsEntry("unknownShare", "-2.750000")
        .containsEntry("knownCoverage", "0.500000")
        .containsEntry("phrasing", "1.750000")
        .containsEntry("contentWords", "0.625000")
        .containsEntry("outside", "-2.500000")
        .containsEntry("threshold", "0.400");
    assertThat(p).hasSize(8);
  }

  @Test
  void aThresholdOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new DeclineModel(0, 1, 0, 0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
  }
}
