package fi.luotsi.reminder;

import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.knowledge.Language;
import fi.luotsi.session.Attendance;
import fi.luotsi.session.Programme;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds each session's audience at the session's offsets (one timer per session and offset).
 * Every programme that comes into force re-syncs the timers: new sessions get timers, moved ones
 * move, removed ones lose theirs. A reminder reaches each recipient at most once per session and
 * offset (the delivery log), skips people who declined the session or turned reminders off, is sent
 * late (and says so) when its time passed while no instance ran but the session has not started,
 * and is dropped once the session has started. Thread-safe.
 */
public final class ReminderService {
  private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

  private final ProgrammeFile programmes;
  private final Attendance attendance;
  private final DeliveryService delivery;
  private final Schedule schedule;
  private final Clock clock;
  private final Duration lateAfter;

  /**
   * @param lateAfter how far past its time a reminder must be to be marked late
   */
  public ReminderService(
      ProgrammeFile programmes,
      Attendance attendance,
      DeliveryService delivery,
      Schedule schedule,
      Clock clock,
      Duration lateAfter) {
    this.programmes = Objects.requireNonNull(programmes, "programmes");
    this.attendance = Objects.requireNonNull(attendance, "attendance");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lateAfter = Objects.requireNonNull(lateAfter, "lateAfter");
  }

  /** Syncs the timers now and after every reload of the programme. */
  public void watchProgramme() {
    programmes.onChange(this::apply);
  }

  /** The timers a programme needs: every offset of every session that has not started. */
  public static Map<ReminderKey, Instant> plan(Programme programme, Instant now) {
    Map<ReminderKey, Instant> wanted = new LinkedHashMap<>();
    for (Session s : programme.upcoming(now)) {
      for (Duration offset : s.reminders()) {
        wanted.put(new ReminderKey(s.id(), offset), due(s, offset));
      }
    }
    return wanted;
  }

  /**
   * When a reminder is due. Whole days count in local time, so "P1D" before a 17:00 session is
   * 17:00 the day before also when a DST change lies between (23 or 25 hours); the rest of the
   * offset is exact time ("PT1H" is 60 minutes before the start).
   */
  public static Instant due(Session session, Duration offset) {
    long days = offset.toDays();
    return session.start().minusDays(days).minus(offset.minusDays(days)).toInstant();
  }

  /** Makes the stored timers match the programme. */
  public Schedule.Sync apply(Programme programme) {
    Schedule.Sync sync = schedule.syncReminders(plan(programme, clock.instant()));
    log.info(
        "Reminders synced: {} added, {} moved, {} kept, {} removed, {} already past",
        sync.added(),
        sync.moved(),
        sync.kept(),
        sync.removed(),
        sync.past());
    return sync;
  }

  /**
   * Sends a reminder whose time has come (called by the schedule).
   *
   * @return the delivery report, empty when the reminder was dropped
   */
  public Optional<DeliveryReport> remind(ReminderKey key, Instant due) throws InterruptedException {
    Programme programme = programmes.current();
    Optional<Session> found = programme.session(key.sessionId());
    if (found.isEmpty() || !found.get().reminders().contains(key.offset())) {
      log.info("Reminder {} dropped: no longer in the programme", key.name());
      return Optional.empty();
    }
    Session session = found.get();
    Instant now = clock.instant();
    if (!session.isUpcoming(now)) {
      log.warn(
          "Reminder {} dropped: it was due at {} but the session started at {} (misfire)",
          key.name(),
          due,
          session.startInstant());
      return Optional.empty();
    }
    boolean late = Duration.between(due, now).compareTo(lateAfter) > 0;
    if (late) {
      log.warn("Reminder {} sent late: it was due at {}, now {}", key.name(), due, now);
    }
    List<Recipient> recipients =
        programme.recipients(session).stream()
            .filter(r -> !attendance.skipsReminder(session.id(), r))
            .toList();
    return Optional.of(
        delivery.deliver(
            key.messageKey(),
            ReminderMessage.of(session, key.offset(), late, Language.FI),
            recipients));
  }
}
