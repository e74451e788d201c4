package fi.luotsi.reminder.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.chat.Platform;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.FakePlatformMessenger;
import fi.luotsi.delivery.Pacing;
import fi.luotsi.delivery.RetryPolicy;
import fi.luotsi.reminder.BroadcastService;
import fi.luotsi.reminder.ReminderKey;
import fi.luotsi.reminder.ReminderService;
import fi.luotsi.reminder.Schedule;
import fi.luotsi.reminder.ScheduledWork;
import fi.luotsi.session.Attendance;
import fi.luotsi.session.Group;
import fi.luotsi.session.Programme;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.session.Session;
import fi.luotsi.session.SessionType;
import fi.luotsi.store.Database;
import fi.luotsi.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reminders through the real Quartz scheduler and JDBC job store on H2, in real (short) time. */
class QuartzReminderIT {
  static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  private final Database db = TestDatabases.h2();
  private final Clock clock = Clock.systemUTC();
  private final FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock);
  private final List<QuartzSchedule> schedules = new ArrayList<>();

  @AfterEach
  void close() {
    schedules.forEach(s -> s.stop(false));
    db.close();
  }

  /** A session starting in an hour whose reminder is due {@code dueIn} from now. */
  static Session session(String id, Instant start, Instant due) {
    Duration offset = Duration.between(due, start);
    return new Session(
        id,
        SessionType.WORKSHOP,
        "Kuntastrategian päivitys",
        start.atZone(HELSINKI),
        start.plus(Duration.ofHours(2)).atZone(HELSINKI),
        Optional.empty(),
        Optional.empty(),
        "",
        List.of("g"),
        List.of("strategia"),
        List.of(offset));
  }

  static Programme programme(Session... sessions) {
    return new Programme(
        HELSINKI,
        List.of(),
        Map.of("g", new Group("g", "Ryhmä", List.of("C0CHANNEL", "U0ALICE"), List.of())),
        List.of(sessions));
  }

  /** One "instance": its own scheduler and services on the shared database. */
  private QuartzSchedule instance(ProgrammeFile programme, boolean start) {
    QuartzSchedule schedule =
        new QuartzSchedule(
            db.dataSource(),
            false,
            clock,
            new QuartzSchedule.Settings(
                "it-" + schedules.size(), 2, Duration.ofSeconds(1), Duration.ofMillis(500)));
    schedules.add(schedule);
    DeliveryService delivery =
        new DeliveryService(
            db.dataSource(),
            List.of(slack),
            clock,
            Pacing.unlimited(),
            new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(50), 3),
            DeliveryService.Sleeper.real(),
            2,
            Duration.ofSeconds(30));
    ReminderService reminders =
        new ReminderService(
            programme,
            new Attendance(db.dataSource(), clock),
            delivery,
            schedule,
            clock,
            Duration.ofMillis(700));
    reminders.watchProgramme();
    if (start) {
      schedule.start(
          ScheduledWork.of(
              reminders,
              new BroadcastService(db.dataSource(), programme, delivery, schedule, clock)));
    }
    return schedule;
  }

  @Test
  void remindsOnceAndARestartDoesNotRepeatIt() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant start = now.plus(Duration.ofHours(1));
    ProgrammeFile programme =
        ProgrammeFile.fixed(programme(session("s1", start, now.plusSeconds(2))));
    QuartzSchedule first = instance(programme, true);
    assertThat(first.reminderTimes()).containsOnlyKeys("s1@PT59M58S");
    await().atMost(Duration.ofSeconds(15)).until(() -> slack.deliveredCounts().size() == 2);
    await().atMost(Duration.ofSeconds(5)).until(() -> first.reminderTimes().isEmpty());
    first.stop(true);

    QuartzSchedule second = instance(programme, true);
    assertThat(second.reminderTimes()).isEmpty(); // its time has passed: not scheduled again
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> slack.calls() == 2);
    assertThat(slack.deliveredCounts()).containsEntry("C0CHANNEL", 1).containsEntry("U0ALICE", 1);
  }

  @Test
  void reschedulingASessionMovesItsRemindersAndRemovingItCancelsThem() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant start = now.plus(Duration.ofHours(1));
    Session original = session("moved", start, now.plusSeconds(3));
    Session removed = session("removed", start, now.plusSeconds(3));
    ProgrammeFile programme = ProgrammeFile.fixed(programme(original, removed));
    QuartzSchedule schedule = instance(programme, true);
    assertThat(schedule.reminderTimes()).hasSize(2);

    // the session moves 4 s later (same offset); the other one is removed from the file
    Session later =
        new Session(
            "moved",
            original.type(),
            original.title(),
            original.start().plusSeconds(4),
            original.end().plusSeconds(4),
            Optional.empty(),
            Optional.empty(),
            "",
            List.of("g"),
            List.of(),
            original.reminders());
    programme.replace(programme(later));
    Instant newDue = ReminderService.due(later, later.reminders().get(0));
    assertThat(schedule.reminderTimes()).containsExactly(Map.entry("moved@PT59M57S", newDue));

    await().atMost(Duration.ofSeconds(20)).until(() -> slack.deliveredCounts().size() == 2);
    assertThat(slack.arrivals()).allSatisfy(a -> assertThat(a.at()).isAfterOrEqualTo(newDue));
    await().during(Duration.ofSeconds(1)).until(() -> slack.calls() == 2);
  }

  @Test
  void reminderDueWhileNoInstanceRanIsSentLateWhenOneStarts() throws Exception {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant start = now.plus(Duration.ofHours(1));
    ProgrammeFile programme =
        ProgrammeFile.fixed(programme(session("down", start, now.plusSeconds(1))));
    QuartzSchedule down = instance(programme, false); // timers stored, nothing fires
    assertThat(down.reminderTimes()).hasSize(1);
    down.stop(false);
    Thread.sleep(2_500); // the bot is down past the due time and the misfire threshold
    assertThat(slack.calls()).isZero();

    instance(programme, true);
    await().atMost(Duration.ofSeconds(15)).until(() -> slack.deliveredCounts().size() == 2);
    assertThat(slack.arrivals().get(0).message().heading())
        .get()
        .asString()
        .startsWith("Muistutus (myöhässä)");
  }

  @Test
  void syncKeepsUnchangedTimersAndSkipsTimesAlreadyPast() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ProgrammeFile programme = ProgrammeFile.fixed(programme());
    QuartzSchedule schedule = instance(programme, false);
    ReminderKey future = new ReminderKey("a", Duration.ofHours(1));
    ReminderKey past = new ReminderKey("b", Duration.ofHours(1));
    Schedule.Sync first =
        schedule.syncReminders(Map.of(future, now.plusSeconds(3600), past, now.minusSeconds(10)));
    assertThat(first).isEqualTo(new Schedule.Sync(1, 0, 0, 0, 1));
    Schedule.Sync again = schedule.syncReminders(Map.of(future, now.plusSeconds(3600)));
    assertThat(again).isEqualTo(new Schedule.Sync(0, 0, 1, 0, 0));
    Schedule.Sync moved = schedule.syncReminders(Map.of(future, now.plusSeconds(7200)));
    assertThat(moved).isEqualTo(new Schedule.Sync(0, 1, 0, 0, 0));
    assertThat(schedule.syncReminders(Map.of())).isEqualTo(new Schedule.Sync(0, 0, 0, 1, 0));
  }
}
