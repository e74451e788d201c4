package fi.luotsi.admin.expert;

import fi.luotsi.admin.AuditLog;
import fi.luotsi.admin.KnowledgeEditor;
import fi.luotsi.admin.PersonalData;
import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.NoAnswerButtons;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.QuestionLog;
import fi.luotsi.config.Settings;
import fi.luotsi.delivery.DeliveryService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Ask an expert", built once by the application: the chat command, the buttons it adds to "don't
 * know" replies, the personal data it keeps, and the retention of forwarded questions (the question
 * log's {@code question_log_retention}, purged at start and every hour like the question log).
 * {@link #close()} stops the purge and waits briefly for deliveries in progress.
 */
public final class Experts implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Experts.class);

  /** How often expired questions are looked for (as the question log's retention job). */
  static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  private final ExpertQuestions store;
  private final ExpertCommand command;
  private final Outbox outbox;
  private final AuditLog audit;
  private final Duration retention;
  private final Clock clock;
  private ScheduledExecutorService purger;

  /**
   * @param dataSource the database with {@code expert_question}
   * @param settings the organisers' destinations, roles and the question-log retention
   * @param questionLog where the forwarded questions are looked up by their reference
   * @param pseudonyms the same pseudonyms the question log uses
   * @param delivery sends to the organisers and relays answers
   * @param audit the audit log
   * @param editor writes knowledge on an administrator's behalf; empty hides those buttons
   * @param suggestions the closest sections to a question, for alternate phrasings
   * @param clock the time source
   */
  public Experts(
      DataSource dataSource,
      Settings settings,
      QuestionLog questionLog,
      Pseudonyms pseudonyms,
      DeliveryService delivery,
      AuditLog audit,
      Optional<KnowledgeEditor> editor,
      SectionSuggestions suggestions,
      Clock clock) {
    this.store = new ExpertQuestions(dataSource);
    this.audit = Objects.requireNonNull(audit, "audit");
    this.retention = settings.questionLogRetention();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.outbox = new Outbox(delivery, Executors.newVirtualThreadPerTaskExecutor());
    this.command =
        new ExpertCommand(
            store,
            questionLog,
            pseudonyms,
            settings.roles(),
            settings.experts(),
            outbox,
            audit,
            editor,
            suggestions,
            clock);
  }

  /** The chat command ({@code vastaa K12 …}, the forward buttons, the knowledge actions). */
  public ChatCommand command() {
    return command;
  }

  /** The buttons for the "don't know" reply; none when no destination is configured. */
  public NoAnswerButtons noAnswerButtons() {
    return command;
  }

  /** The forwarded questions a person asked, for the privacy commands. */
  public PersonalData personalData() {
    return new ExpertPersonalData(store);
  }

  /** The forwarded questions, for reports (the weekly digest lists the pending ones). */
  public ExpertQuestions questions() {
    return store;
  }

  /** Starts purging expired questions now and every {@code interval}. */
  public synchronized Experts startPurging(Duration interval) {
    if (purger != null) {
      throw new IllegalStateException("already started");
    }
    purger =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "luotsi-expert-retention");
              t.setDaemon(true);
              return t;
            });
    purger.scheduleWithFixedDelay(
        this::purgeAndLog, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Starts purging every hour. */
  public Experts startPurging() {
    return startPurging(PURGE_INTERVAL);
  }

  private void purgeAndLog() {
    try {
      purge();
    } catch (RuntimeException e) {
      log.error("Expert-question retention purge failed; retrying at the next run", e);
    }
  }

  /**
   * Deletes questions forwarded longer ago than the retention.
   *
   * @return how many were deleted
   */
  public int purge() {
    Instant cutoff = clock.instant().minus(retention);
    int deleted = store.purge(cutoff);
    if (deleted > 0) {
      log.info(
          "Retention: deleted {} expert questions older than {} days", deleted, retention.toDays());
      audit.record(
          "retention",
          "privacy.retention",
          "deleted expert_questions=" + deleted + " before " + cutoff);
    }
    return deleted;
  }

  @Override
  public synchronized void close() {
    if (purger != null) {
      purger.shutdownNow();
      purger = null;
    }
    outbox.close();
  }
}
