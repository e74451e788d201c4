package fi.luotsi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final Section SECTION = Sections.finnish("a.md#a", "Kohta", "Tekstiä.");

  @Test
  void separableQuestionsGiveAModelThatAnswersTheAnswerableAndDeclinesTheRest() {
    PreparedIndex index = new PreparedIndex();
    List<EvalQuestion> questions = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 60; i++) {
      // answerable: well covered, few unknown words; out of scope: the opposite
      boolean answerable = i % 3 != 0;
      double coverage = answerable ? 0.6 + 0.4 * random.nextDouble() : 0.3 * random.nextDouble();
      double unknown = answerable ? 0.1 * random.nextDouble() : 0.4 + 0.5 * random.nextDouble();
      String text = "kysymys " + i;
      index.prepare(text, coverage, unknown);
      questions.add(
          new EvalQuestion(
              "dev", Language.FI, answerable ? Set.of(SECTION.id()) : Set.of(), text, "test:" + i));
    }

    Calibration.Result result = Calibration.fit(index, questions);

    assertThat(result.questions()).isEqualTo(60);
    assertThat(result.outOfScopeDeclined()).isEqualTo(1.0);
    assertThat(result.wronglyDeclined()).isZero();
    assertThat(result.model().coverage()).isPositive();
    for (EvalQuestion q : questions) {
      KnowledgeIndex.SearchResult r = index.search(q.text(), Language.FI, 10);
      assertThat(result.model().answers(r.hits().get(0), r)).as(q.text()).isEqualTo(q.answerable());
    }
  }

  @Test
  void calibrationNeedsBothKindsOfQuestion() {
    PreparedIndex index = new PreparedIndex();
    index.prepare("kysymys", 0.9, 0);

    assertThatThrownBy(
            () ->
                Calibration.fit(
                    index,
                    List.of(
                        new EvalQuestion("dev", Language.FI, Set.of("a.md#a"), "kysymys", "t"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both");
  }

  /** Returns one prepared hit per question text. */
  @Test
  void anErrorIsWeighedAgainstWhatTheProductAllowsForItsKind() {
    // 10 % of out-of-scope questions answered weighs as much as 5 % of answerable ones declined
    assertThat(Calibration.error(new double[] {0.90, 0.0}))
        .isCloseTo(
            Calibration.error(new double[] {1.0, 0.05}), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Calibration.error(new double[] {0.90, 0.05}))
        .isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theChosenThresholdIsTheLeastErrorAveragedWithItsNeighbours() {
    double[] errors = new double[101];
    java.util.Arrays.fill(errors, 3.0);
    errors[20] = 0.1; // a single dip
    for (int t = 60; t <= 70; t++) {
      errors[t] = 1.0; // a broad valley
    }

    assertThat(Calibration.choose(errors)).as("the valley, not the dip").isEqualTo(62);
  }

  private static final class PreparedIndex implements KnowledgeIndex {
    private final Map<String, SearchResult> results = new HashMap<>();

    void prepare(String question, double coverage, double unknownShare) {
      results.put(
          question,
          new SearchResult(Language.FI, List.of(new Hit(SECTION, 1, coverage)), 3, unknownShare));
    }

    @Override
    public void rebuild(KnowledgeBase knowledge) {}

    @Override
    public SearchResult search(String question, Language language, int limit) {
      return results.getOrDefault(question, new SearchResult(language, List.of(), 0));
    }

    @Override
    public List<Section> sections() {
      return List.of(SECTION);
    }

    @Override
    public Optional<Section> section(String id) {
      return Optional.of(SECTION);
    }

    @Override
    public void close() {}
  }
}
