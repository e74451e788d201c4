package fi.luotsi.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.FakePlatformMessenger;
import fi.luotsi.session.Attendance;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.session.Session;
import fi.luotsi.store.Database;
import fi.luotsi.testing.MutableClock;
import fi.luotsi.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReminderServiceTest {
  private final Database db = TestDatabases.h2();
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-03T15:00:00Z"));
  private final FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock);
  private final FakePlatformMessenger teams = new FakePlatformMessenger(Platform.TEAMS, clock);
  private final Session session =
      Fixtures.session(
          "sparraus",
          Instant.parse("2027-03-04T15:00:00Z"),
          Duration.ofDays(1),
          Duration.ofHours(1));
  private final ProgrammeFile programme = ProgrammeFile.fixed(Fixtures.programme(session));
  private final Attendance attendance = new Attendance(db.dataSource(), clock);
  private final ReminderService reminders =
      new ReminderService(
          programme,
          attendance,
          Fixtures.delivery(db.dataSource(), clock, slack, teams),
          new NoSchedule(),
          clock,
          Duration.ofMinutes(1));

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void reminderSaysWhatWhenWhereAndWhatToPrepareWithRsvpButtons() throws Exception {
    reminders.remind(new ReminderKey("sparraus", Duration.ofDays(1)), clock.instant());
    assertThat(slack.deliveredCounts()).containsOnlyKeys("C0CHANNEL", "U0ALICE", "U0BOB");
    assertThat(teams.deliveredCounts()).containsOnlyKeys("a:teams-conv");
    Reply r = slack.arrivals().get(0).message();
    assertThat(r.heading()).contains("Muistutus: Eettisyys, esteellisyys ja julkisuus");
    assertThat(r.plainText())
        .contains("Luottamushenkilösparraus on huomenna")
        .contains("torstai 4.3.2027 klo 17.00–19.00")
        .contains("Paikka: Teams", "Linkki: https://example.org/join")
        .contains("Valmistaudu: aiheina esteellisyys, julkisuus")
        .doesNotContain("myöhässä");
    assertThat(r.buttons())
        .extracting(Button::action, Button::value)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Button.Action.RSVP_YES, "sparraus"),
            org.assertj.core.groups.Tuple.tuple(Button.Action.RSVP_NO, "sparraus"),
            org.assertj.core.groups.Tuple.tuple(Button.Action.ASK, "esteellisyys"));
  }

  @Test
  void sameSessionAndOffsetNeverReachesARecipientTwice() throws Exception {
    ReminderKey key = new ReminderKey("sparraus", Duration.ofDays(1));
    reminders.remind(key, clock.instant());
    reminders.remind(key, clock.instant());
    assertThat(slack.deliveredCounts()).allSatisfy((k, v) -> assertThat(v).isOne());
    reminders.remind(new ReminderKey("sparraus", Duration.ofHours(1)), clock.instant());
    assertThat(slack.deliveredCounts()).allSatisfy((k, v) -> assertThat(v).isEqualTo(2));
  }

  @Test
  void declineStopsFurtherRemindersOfThatSessionAndOptOutStopsAll() throws Exception {
    reminders.remind(new ReminderKey("sparraus", Duration.ofDays(1)), clock.instant());
    attendance.answer("sparraus", Platform.SLACK, "U0ALICE", "C0CHANNEL", false, false);
    attendance.answer("sparraus", Platform.TEAMS, "29:user", "a:teams-conv", true, false);
    attendance.setReminders(Platform.SLACK, "U0BOB", "D0BOB", true, false);
    clock.advance(Duration.ofHours(23));
    reminders.remind(new ReminderKey("sparraus", Duration.ofHours(1)), clock.instant());
    assertThat(slack.deliveredCounts())
        .containsEntry("C0CHANNEL", 2) // the channel still gets it
        .containsEntry("U0ALICE", 1)
        .containsEntry("U0BOB", 1);
    assertThat(teams.deliveredCounts()).containsEntry("a:teams-conv", 1);
  }

  @Test
  void reminderMissedWhileDownIsSentLateIfTheSessionHasNotStarted() throws Exception {
    Instant due = clock.instant();
    clock.advance(Duration.ofHours(3));
    assertThat(reminders.remind(new ReminderKey("sparraus", Duration.ofDays(1)), due)).isPresent();
    Reply r = slack.arrivals().get(0).message();
    assertThat(r.heading()).get().asString().startsWith("Muistutus (myöhässä): Eettisyys");
    assertThat(r.plainText()).contains("Tämä muistutus lähtee myöhässä");
  }

  @Test
  void reminderMissedUntilTheSessionStartedIsDropped() throws Exception {
    Instant due = Instant.parse("2027-03-04T14:00:00Z");
    clock.set(Instant.parse("2027-03-04T15:00:01Z"));
    assertThat(reminders.remind(new ReminderKey("sparraus", Duration.ofHours(1)), due)).isEmpty();
    assertThat(slack.calls()).isZero();
  }

  @Test
  void reminderOfARemovedSessionOrOffsetIsDropped() throws Exception {
    assertThat(reminders.remind(new ReminderKey("gone", Duration.ofDays(1)), clock.instant()))
        .isEmpty();
    assertThat(reminders.remind(new ReminderKey("sparraus", Duration.ofDays(7)), clock.instant()))
        .isEmpty();
    assertThat(slack.calls()).isZero();
  }

  @Test
  void wholeDaysKeepTheLocalTimeAcrossTheSpringDstChange() {
    // Sunday 28 March 2027 03:00 EET -> 04:00 EEST; a Tuesday 30 March 17:00 (EEST) session
    Session s =
        Fixtures.session(
            "kevat",
            LocalDateTime.parse("2027-03-30T17:00").atZone(Fixtures.HELSINKI).toInstant(),
            Duration.ofDays(7),
            Duration.ofDays(1),
            Duration.ofHours(1));
    assertThat(ReminderService.due(s, Duration.ofDays(7)))
        .isEqualTo(Instant.parse("2027-03-23T15:00:00Z")); // 17:00 EET, 167 hours before
    assertThat(ReminderService.due(s, Duration.ofDays(1)))
        .isEqualTo(Instant.parse("2027-03-29T14:00:00Z")); // 17:00 EEST
    assertThat(ReminderService.due(s, Duration.ofHours(1)))
        .isEqualTo(Instant.parse("2027-03-30T13:00:00Z"));
    Session onTheDay =
        Fixtures.session(
            "sunnuntai",
            LocalDateTime.parse("2027-03-28T10:00").atZone(Fixtures.HELSINKI).toInstant(),
            Duration.ofDays(1),
            Duration.ofHours(7));
    assertThat(ReminderService.due(onTheDay, Duration.ofDays(1)))
        .isEqualTo(Instant.parse("2027-03-27T08:00:00Z")); // 10:00 EET, 23 hours before
    assertThat(ReminderService.due(onTheDay, Duration.ofHours(7)))
        .isEqualTo(Instant.parse("2027-03-28T00:00:00Z")); // 02:00 EET, exact hours
  }

  @Test
  void wholeDaysKeepTheLocalTimeAcrossTheAutumnDstChange() {
    // Sunday 31 October 2027 04:00 EEST -> 03:00 EET; a Monday 1 November 17:00 (EET) session
    Session s =
        Fixtures.session(
            "syksy",
            LocalDateTime.parse("2027-11-01T17:00").atZone(Fixtures.HELSINKI).toInstant(),
            Duration.ofDays(7),
            Duration.ofDays(1));
    assertThat(ReminderService.due(s, Duration.ofDays(7)))
        .isEqualTo(Instant.parse("2027-10-25T14:00:00Z")); // 17:00 EEST, 169 hours before
    assertThat(ReminderService.due(s, Duration.ofDays(1)))
        .isEqualTo(Instant.parse("2027-10-31T15:00:00Z")); // 17:00 EET, 25 hours before
    assertThat(ReminderService.plan(Fixtures.programme(s), Instant.parse("2027-10-01T00:00:00Z")))
        .containsEntry(
            new ReminderKey("syksy", Duration.ofDays(7)), Instant.parse("2027-10-25T14:00:00Z"))
        .hasSize(2);
  }

  /** A schedule that keeps nothing (these tests call {@code remind} directly). */
  static final class NoSchedule implements Schedule {
    @Override
    public Sync syncReminders(Map<ReminderKey, Instant> wanted) {
      return new Sync(0, 0, 0, 0, 0);
    }

    @Override
    public void scheduleBroadcast(long broadcastId, Instant at) {}

    @Override
    public boolean cancelBroadcast(long broadcastId) {
      return false;
    }

    @Override
    public void start(ScheduledWork work) {}

    @Override
    public void stop(boolean waitForJobs) {}
  }
}
