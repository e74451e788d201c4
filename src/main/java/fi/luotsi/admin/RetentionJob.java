package fi.luotsi.admin;

import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the question-log retention ({@code question_log_retention}, default 90 days): deletes
 * questions asked and feedback given longer ago, at start and then periodically. Each purge is
 * audited when it deleted something.
 */
final class RetentionJob implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  /** How often expired rows are looked for. */
  static final Duration INTERVAL = Duration.ofHours(1);

  private final javax.sql.DataSource dataSource;
  private final Duration retention;
  private final AuditLog audit;
  private final Clock clock;
  private ScheduledExecutorService executor;

  RetentionJob(javax.sql.DataSource dataSource, Duration retention, AuditLog audit, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.retention = Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts purging now and every {@code interval}. */
  synchronized void start(Duration interval) {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "luotsi-retention");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::purgeAndLog, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
  }

  private void purgeAndLog() {
    try {
      purge();
    } catch (RuntimeException e) {
      log.error("Question-log retention purge failed; retrying at the next run", e);
    }
  }

  /**
   * Deletes what is older than the retention now.
   *
   * @return the number of rows deleted
   */
  int purge() {
    Instant cutoff = clock.instant().minus(retention);
    int feedback;
    int questions;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement oldFeedback =
              c.prepareStatement(
                  "DELETE FROM feedback WHERE given_at < ? OR question_id IN"
                      + " (SELECT id FROM question_log WHERE asked_at < ?)");
          PreparedStatement oldQuestions =
              c.prepareStatement("DELETE FROM question_log WHERE asked_at < ?")) {
        oldFeedback.setTimestamp(1, Timestamp.from(cutoff));
        oldFeedback.setTimestamp(2, Timestamp.from(cutoff));
        oldQuestions.setTimestamp(1, Timestamp.from(cutoff));
        feedback = oldFeedback.executeUpdate();
        questions = oldQuestions.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot purge expired questions", e);
    }
    if (questions + feedback > 0) {
      log.info(
          "Retention: deleted {} questions and {} feedback votes older than {} days",
          questions,
          feedback,
          retention.toDays());
      audit.record(
          "retention",
          "privacy.retention",
          "deleted questions=" + questions + " feedback=" + feedback + " before " + cutoff);
    }
    return questions + feedback;
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }
}
