package fi.luotsi.admin.digest;

import fi.luotsi.admin.AuditLog;
import fi.luotsi.admin.expert.ExpertQuestions;
import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.config.Settings;
import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.knowledge.Language;
import fi.luotsi.reminder.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrators' weekly digest: at the configured weekday and time (Europe/Helsinki) each
 * administrator gets, in chat, the week's number of questions and answered share, the unanswered
 * questions grouped (most frequent first), the sections whose answers got 👎, feedback per section
 * and the forwarded questions still waiting for an organiser.
 *
 * <p>The time is kept by a persistent {@link Timers} timer that the digest moves to the next week
 * each time it runs, so it fires once per week across instances; the delivery log (one row per week
 * and administrator) keeps a repeated firing from reaching anyone twice. It is off when the
 * configuration turns it off or lists no administrators. Slack administrators ({@code slack:U…})
 * get a direct message; Teams administrators get it in the personal chat they last wrote to the bot
 * from (Teams reaches only conversations the bot has a reference for). Time comes from the injected
 * clock. Thread-safe.
 */
public final class WeeklyDigest {
  private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

  /** The timer's name in the {@link Timers}. */
  static final String TIMER = "weekly-digest";

  static final Duration PERIOD = Duration.ofDays(7);

  private final DigestQueries queries;
  private final Roles roles;
  private final Settings.Digest when;
  private final AdminChats chats;
  private final DeliveryService delivery;
  private final AuditLog audit;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private volatile Timers timers;

  /**
   * @param dataSource the database with the question log, feedback and {@code admin_chat}
   * @param experts the forwarded questions
   * @param settings the administrators and the digest's time
   * @param delivery sends the digest
   * @param audit the audit log
   * @param pseudonyms for auditing refused requests without a platform id
   * @param clock the time source
   */
  public WeeklyDigest(
      DataSource dataSource,
      ExpertQuestions experts,
      Settings settings,
      DeliveryService delivery,
      AuditLog audit,
      Pseudonyms pseudonyms,
      Clock clock) {
    this.queries = new DigestQueries(dataSource, experts);
    this.chats = new AdminChats(dataSource);
    this.roles = settings.roles();
    this.when = settings.digest();
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The {@code viikkokooste} command, which also remembers Teams administrators' chats. */
  public ChatCommand command() {
    return new DigestCommand(this, roles, chats, audit, pseudonyms, clock);
  }

  /** Whether the digest is sent at all: switched on and someone to send it to. */
  public boolean enabled() {
    return when.enabled() && !roles.admins().isEmpty();
  }

  /** The first digest time strictly after {@code after}. */
  public Instant nextRun(Instant after) {
    ZonedDateTime local = after.atZone(DigestTexts.ZONE);
    LocalDate day = local.toLocalDate().with(TemporalAdjusters.nextOrSame(when.day()));
    ZonedDateTime candidate = day.atTime(when.time()).atZone(DigestTexts.ZONE);
    if (!candidate.toInstant().isAfter(after)) {
      candidate =
          day.plusWeeks(1).atTime(when.time()).atZone(DigestTexts.ZONE); // DST-safe: local time
    }
    return candidate.toInstant();
  }

  /**
   * Registers the digest with the timers and sets its next time (call before the schedule starts).
   * A stored time that has passed is kept so that a digest missed while no instance ran goes out
   * late; a stored future time that no longer matches the configuration is moved. When the digest
   * is off, its timer is removed.
   */
  public void schedule(Timers timers) {
    this.timers = Objects.requireNonNull(timers, "timers");
    timers.register(TIMER, this::run);
    if (!enabled()) {
      if (timers.cancel(TIMER)) {
        log.info("Weekly digest is off; its timer was removed");
      }
      return;
    }
    Instant now = clock.instant();
    Instant wanted = nextRun(now);
    Optional<Instant> stored = timers.next(TIMER);
    if (stored.isPresent() && (stored.get().equals(wanted) || !stored.get().isAfter(now))) {
      return;
    }
    timers.set(TIMER, wanted);
    log.info("Weekly digest scheduled for {}", wanted);
  }

  /**
   * Sends the digest of the week that ends at {@code due} and sets the next time.
   *
   * @param due when this digest was due (earlier than now after downtime)
   */
  void run(Instant due) throws InterruptedException {
    try {
      if (enabled()) {
        send(due);
      }
    } finally {
      Timers t = timers;
      if (t != null && enabled()) {
        t.set(TIMER, nextRun(later(due, clock.instant())));
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Sends the digest of the week ending at {@code end} to every reachable administrator, at most
   * once per week and administrator.
   */
  DeliveryReport send(Instant end) throws InterruptedException {
    Reply digest = compose(end, Language.FI);
    String key = "digest:" + end.atZone(DigestTexts.ZONE).toLocalDate();
    List<Recipient> recipients = recipients();
    DeliveryReport report = delivery.deliver(key, digest, recipients);
    audit.record(
        "weekly-digest",
        "digest.sent",
        key
            + " recipients="
            + recipients.size()
            + " reached="
            + report.reached()
            + " failed="
            + report.failed());
    return report;
  }

  /** The digest of the week ending at {@code end}. */
  Reply compose(Instant end, Language language) {
    return DigestTexts.render(queries.report(end.minus(PERIOD), end), language);
  }

  /** The administrators the digest can reach. */
  List<Recipient> recipients() {
    List<Recipient> out = new ArrayList<>();
    for (String key : roles.admins().stream().sorted().toList()) {
      int colon = key.indexOf(':');
      String platform = key.substring(0, colon);
      String id = key.substring(colon + 1);
      switch (platform) {
        case "slack" -> out.add(new Recipient(Platform.SLACK, id));
        case "teams" ->
            chats
                .find(key)
                .ifPresentOrElse(
                    conversation -> out.add(new Recipient(Platform.TEAMS, conversation)),
                    () ->
                        log.warn(
                            "Weekly digest: administrator {} is not reachable in Teams until they"
                                + " write to the bot in a personal chat",
                            key));
        default -> log.warn("Weekly digest: cannot reach administrator {}", key);
      }
    }
    return out;
  }
}
