package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private final Metrics metrics = new Metrics();

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void countsQuestionsByOutcomeWithTheirLatency() {
    metrics.questionAnswered(true, Duration.ofMillis(20));
    metrics.questionAnswered(true, Duration.ofMillis(3));
    metrics.questionAnswered(false, Duration.ofMillis(700));

    String text = metrics.scrape();

    assertThat(text)
        .contains("luotsi_questions_total{outcome=\"answered\"} 2.0")
        .contains("luotsi_questions_total{outcome=\"unanswered\"} 1.0")
        .contains("luotsi_answer_seconds_count 3")
        .contains("luotsi_answer_seconds_bucket{le=\"0.005\"} 1")
        .contains("luotsi_answer_seconds_bucket{le=\"0.025\"} 2")
        .contains("luotsi_answer_seconds_bucket{le=\"1.0\"} 3")
        .contains("# TYPE luotsi_answer_seconds histogram");
  }

  @Test
  void countsFeedback() {
    metrics.feedbackGiven(true);
    metrics.feedbackGiven(false);
    metrics.feedbackGiven(false);

    assertThat(metrics.scrape())
        .contains("luotsi_feedback_total{verdict=\"up\"} 1.0")
        .contains("luotsi_feedback_total{verdict=\"down\"} 2.0");
  }

  @Test
  void readsKnowledgeGaugesAtEveryScrape() {
    long[] revision = {1};
    metrics.knowledge(() -> revision[0], () -> 42, () -> 1);
    revision[0] = 7;

    assertThat(metrics.scrape())
        .contains("luotsi_knowledge_revision 7.0")
        .contains("luotsi_knowledge_sections 42.0")
        .contains("luotsi_knowledge_refused_files 1.0");
  }

  @Test
  void countsRemindersAndBroadcastsForTheFeaturesThatSendThem() {
    metrics.reminder("sent");
    metrics.reminder("sent");
    metrics.broadcast("throttled");

    assertThat(metrics.scrape())
        .contains("luotsi_reminders_total{outcome=\"sent\"} 2.0")
        .contains("luotsi_broadcasts_total{outcome=\"throttled\"} 1.0");
  }

  @Test
  void refusesOutcomesThatWouldExplodeTheLabelSet() {
    assertThatThrownBy(() -> metrics.reminder("user U123 failed"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exposesJvmFigures() {
    assertThat(metrics.scrape())
        .contains("jvm_memory_used_bytes")
        .contains("process_uptime_seconds");
  }
}
