package fi.luotsi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.chat.Platform;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetentionJobTest {
  private final AdminFixture db = new AdminFixture();
  private final RetentionJob job =
      new RetentionJob(db.database.dataSource(), Duration.ofDays(90), db.audit, db.clock);

  @AfterEach
  void close() {
    job.close();
    db.close();
  }

  @Test
  void deletesQuestionsAndFeedbackOlderThanTheRetention() {
    String old = db.ask(Platform.SLACK, "U1", "vanha", Duration.ofDays(91), "a.md#x");
    db.vote(old, Platform.SLACK, "U1", true, Duration.ofDays(91));
    String oldQuestionNewVote =
        db.ask(Platform.SLACK, "U2", "vanha 2", Duration.ofDays(95), "a.md#x");
    db.vote(oldQuestionNewVote, Platform.SLACK, "U2", false, Duration.ofDays(10));
    String recent = db.ask(Platform.SLACK, "U3", "uusi", Duration.ofDays(89), "a.md#x");
    db.vote(recent, Platform.SLACK, "U3", true, Duration.ofDays(89));

    int deleted = job.purge();

    assertThat(deleted).isEqualTo(4);
    assertThat(db.questionLog.find(old)).isEmpty();
    assertThat(db.questionLog.find(oldQuestionNewVote)).isEmpty();
    assertThat(db.questionLog.find(recent)).isPresent();
    assertThat(db.count("SELECT COUNT(*) FROM feedback")).isEqualTo(1);
    AuditLog.Entry entry = db.audit.recent(1).get(0);
    assertThat(entry.action()).isEqualTo("privacy.retention");
    assertThat(entry.detail())
        .startsWith("deleted questions=2 feedback=2 before 2026-12-10T12:00:00Z");
  }

  @Test
  void auditsNothingWhenNothingExpired() {
    db.ask(Platform.SLACK, "U1", "uusi", Duration.ofDays(1), null);

    assertThat(job.purge()).isZero();
    assertThat(db.audit.recent(10)).isEmpty();
  }

  @Test
  void runsPeriodicallyAsTimeGoesBy() {
    String question = db.ask(Platform.SLACK, "U1", "kysymys", Duration.ZERO, null);
    job.start(Duration.ofMillis(50));

    db.clock.advance(Duration.ofDays(91));

    await().atMost(Duration.ofSeconds(20)).until(() -> db.questionLog.find(question).isEmpty());
  }
}
