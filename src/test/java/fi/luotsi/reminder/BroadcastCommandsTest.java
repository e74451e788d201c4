package fi.luotsi.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.delivery.FakePlatformMessenger;
import fi.luotsi.knowledge.Language;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.store.Database;
import fi.luotsi.testing.MutableClock;
import fi.luotsi.testing.TestDatabases;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BroadcastCommandsTest {
  private final Database db = TestDatabases.h2();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock);
  private final FakePlatformMessenger teams = new FakePlatformMessenger(Platform.TEAMS, clock);
  private final RecordingSchedule schedule = new RecordingSchedule();
  private final ProgrammeFile programme = ProgrammeFile.fixed(Fixtures.programme());
  private final BroadcastService broadcasts =
      new BroadcastService(
          db.dataSource(),
          programme,
          Fixtures.delivery(db.dataSource(), clock, slack, teams),
          schedule,
          clock);
  private final BroadcastCommands commands =
      new BroadcastCommands(
          broadcasts, programme, new Roles(Set.of("slack:U0ORG"), Set.of()), clock);

  @AfterEach
  void close() {
    db.close();
  }

  private Reply say(String user, String text) {
    return commands
        .handle(IncomingMessage.text(Platform.SLACK, user, "D0DM", text), Language.FI)
        .orElseThrow();
  }

  private Reply press(String user, Button button) {
    return commands
        .handle(
            new IncomingMessage(
                Platform.SLACK,
                user,
                "D0DM",
                button.value(),
                button.action(),
                Optional.empty(),
                true),
            Language.FI)
        .orElseThrow();
  }

  @Test
  void refusesNonOrganisersPolitelyAndLeavesOtherTextAlone() throws Exception {
    Reply refusal = say("U0ALICE", "tiedote sysma: Hei kaikki");
    assertThat(refusal.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(refusal.plainText()).contains("vain koulutuksen järjestäjät");
    assertThat(audit()).isEmpty();
    assertThat(
            commands.handle(
                IncomingMessage.text(Platform.SLACK, "U0ORG", "D0DM", "mikä on tiedote?"),
                Language.FI))
        .isEmpty();
  }

  @Test
  void onlyOrganisersSeeTheBroadcastCommandsInTheirHelp() {
    IncomingMessage organiser = IncomingMessage.text(Platform.SLACK, "U0ORG", "D0DM", "apua");
    IncomingMessage trustee = IncomingMessage.text(Platform.SLACK, "U0ALICE", "D0DM", "apua");
    IncomingMessage sameIdElsewhere = IncomingMessage.text(Platform.TEAMS, "U0ORG", "c", "apua");

    assertThat(commands.helpLines(organiser, Language.FI))
        .singleElement()
        .asString()
        .startsWith("tiedote <ryhmät>");
    assertThat(commands.helpLines(organiser, Language.EN))
        .singleElement()
        .asString()
        .startsWith("announce <groups>");
    assertThat(commands.helpLines(trustee, Language.FI)).isEmpty();
    assertThat(commands.helpLines(sameIdElsewhere, Language.FI)).isEmpty();
  }

  @Test
  void previewsThenSendsNowAndReportsToTheAuthor() throws Exception {
    Reply preview = say("U0ORG", "/luotsi tiedote sysma: Huomisen sparraus alkaa klo 17.");
    assertThat(preview.heading()).contains("Esikatselu: tiedote #1");
    assertThat(preview.plainText())
        .contains("Vastaanottajat: Sysmän luottamushenkilöt (4 osoitetta)")
        .contains("Huomisen sparraus alkaa klo 17.");
    assertThat(slack.calls()).isZero();
    Button sendNow = preview.buttons().get(0);
    assertThat(sendNow.action()).isEqualTo(Button.Action.COMMAND);

    Reply going = press("U0ORG", sendNow);
    assertThat(going.plainText()).contains("Tiedote #1 lähtee nyt 4 vastaanottajalle");
    assertThat(schedule.broadcasts).containsEntry(1L, clock.instant());
    broadcasts.send(1); // the timer fires

    assertThat(slack.deliveredCounts())
        .containsEntry("C0CHANNEL", 1)
        .containsEntry("U0ALICE", 1)
        .containsEntry("U0BOB", 1)
        .containsEntry("U0ORG", 1); // the author's delivery report
    assertThat(teams.deliveredCounts()).containsEntry("a:teams-conv", 1);
    Reply delivered = slack.arrivals().get(0).message();
    assertThat(delivered.heading()).contains("Tiedote");
    assertThat(delivered.plainText()).contains("Huomisen sparraus alkaa klo 17.");
    assertThat(say("U0ORG", "tiedote raportti").plainText())
        .contains("Tiedote #1 (lähetetty): perillä 4, epäonnistui 0, odottaa 0");
    assertThat(audit())
        .containsExactly("broadcast.compose", "broadcast.schedule", "broadcast.sent");

    broadcasts.send(1); // a repeated timer (recovery) reaches nobody twice
    assertThat(slack.deliveredCounts()).allSatisfy((k, v) -> assertThat(v).isOne());
  }

  @Test
  void schedulesForALocalTimeAndRefusesPastOrUnreadableTimes() {
    say("U0ORG", "tiedote kaikki: Muistakaa ilmoittautua.");
    assertThat(say("U0ORG", "tiedote lähetä 1 1.12.2026 klo 9.00").plainText())
        .contains("Tiedote #1 lähtee 1.12.2026 9.00 4 vastaanottajalle");
    assertThat(schedule.broadcasts).containsEntry(1L, Instant.parse("2026-12-01T07:00:00Z"));
    say("U0ORG", "tiedote lähetä 1 2027-06-01 09:00");
    assertThat(schedule.broadcasts).containsEntry(1L, Instant.parse("2027-06-01T06:00:00Z"));
    assertThat(say("U0ORG", "tiedote lähetä 1 1.11.2026 klo 9.00").plainText())
        .contains("Aika on jo mennyt");
    assertThat(say("U0ORG", "tiedote lähetä 1 huomenna").plainText()).contains("En ymmärrä aikaa");
    assertThat(say("U0ORG", "tiedote peru 1").plainText()).contains("Tiedote #1 peruttu");
    assertThat(schedule.broadcasts).doesNotContainKey(1L);
  }

  @Test
  void editsAndRetractsASentAnnouncement() throws Exception {
    say("U0ORG", "tiedote sysma: Sparraus alkaa klo 17.");
    say("U0ORG", "tiedote lähetä 1");
    broadcasts.send(1);
    assertThat(say("U0ORG", "tiedote muokkaa 1: Sparraus alkaa klo 18.").plainText())
        .contains("Tiedote #1 muokattu: päivitetty 4 vastaanottajalle");
    assertThat(slack.updates()).anySatisfy(u -> assertThat(u).contains("Sparraus alkaa klo 18."));
    assertThat(say("U0ORG", "tiedote poista 1").plainText())
        .contains("Tiedote #1 poistettu 4 vastaanottajalta");
    assertThat(slack.deletes()).hasSize(3);
    assertThat(teams.deletes()).hasSize(1);
    assertThat(say("U0ORG", "tiedote raportti 1").plainText()).contains("poistettu 4");
    assertThat(audit()).contains("broadcast.edit", "broadcast.retract");
    assertThat(say("U0ORG", "tiedote poista 1").plainText()).contains("ei voi muuttaa");
  }

  @Test
  void explainsUnknownGroupsAndMissingText() {
    assertThat(say("U0ORG", "tiedote valtuusto: Hei").plainText())
        .contains("Tuntematon ryhmä: valtuusto")
        .contains("Ryhmät: sysma");
    assertThat(say("U0ORG", "tiedote sysma:").plainText()).contains("puuttuu teksti");
    assertThat(say("U0ORG", "tiedote").plainText()).contains("Kirjoita esim.");
    assertThat(say("U0ORG", "tiedote raportti 99").plainText()).contains("En löydä tiedotetta");
  }

  @Test
  void commandLineBroadcastSendsAndSummarises() throws Exception {
    String summary =
        broadcasts.broadcastFromCommandLine(
            "operator", List.of("sysma"), "Tervetuloa kevätkaudelle!", Optional.empty());
    assertThat(summary).isEqualTo("Broadcast #1: reached 4, failed 0, pending 0.");
    assertThat(slack.deliveredCounts()).hasSize(3);
    assertThat(audit()).contains("broadcast.compose", "broadcast.sent");
  }

  private List<String> audit() throws Exception {
    List<String> actions = new ArrayList<>();
    try (var c = db.dataSource().getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT action FROM audit_log ORDER BY id")) {
      while (rs.next()) {
        actions.add(rs.getString(1));
      }
    }
    return actions;
  }

  /** Records broadcast timers instead of firing them. */
  static final class RecordingSchedule implements Schedule {
    final Map<Long, Instant> broadcasts = new ConcurrentHashMap<>();

    @Override
    public Sync syncReminders(Map<ReminderKey, Instant> wanted) {
      return new Sync(0, 0, 0, 0, 0);
    }

    @Override
    public void scheduleBroadcast(long broadcastId, Instant at) {
      broadcasts.put(broadcastId, at);
    }

    @Override
    public boolean cancelBroadcast(long broadcastId) {
      return broadcasts.remove(broadcastId) != null;
    }

    @Override
    public void start(ScheduledWork work) {}

    @Override
    public void stop(boolean waitForJobs) {}
  }
}
