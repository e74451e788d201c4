package fi.luotsi.session;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.Database;
import fi.luotsi.testing.MutableClock;
import fi.luotsi.testing.TestDatabases;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionCommandsTest {
  private final Database db = TestDatabases.h2();
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T10:00:00Z"));
  private final ProgrammeFile programme =
      ProgrammeFile.fixed(Programme.parse(ProgrammeTest.VALID, "sessions.yaml"));
  private final Attendance attendance = new Attendance(db.dataSource(), clock);
  private final SessionCommands commands =
      new SessionCommands(
          programme,
          attendance,
          new Roles(Set.of("slack:U0ORGANISER"), Set.of()),
          clock,
          "https://luotsi.example.org/");

  @AfterEach
  void close() {
    db.close();
  }

  private Optional<Reply> say(String user, String conversation, String text) {
    return commands.handle(
        IncomingMessage.text(Platform.SLACK, user, conversation, text), Language.FI);
  }

  @Test
  void listsNextSessionsOfTheUsersGroupsWithLinksAndRsvpButtons() {
    for (String text :
        new String[] {
          "seuraavat", "Mitä seuraavaksi?", "next sessions", "nästa", "/luotsi seuraavat"
        }) {
      Reply reply = say("U0456EFGH", "D1", text).orElseThrow();
      assertThat(reply.heading()).contains("Seuraavat tilaisuudet");
      String body = String.join("\n", reply.paragraphs());
      assertThat(body)
          .contains("Luottamushenkilösparraus: Eettisyys, esteellisyys ja julkisuus")
          .contains("torstai 4.3.2027 klo 17.00–19.00")
          .contains("Paikka: Teams")
          .contains("Linkki: https://example.org/join")
          .contains("https://luotsi.example.org/calendar/sysma.ics")
          .doesNotContain("Ilmoittautuneet");
      assertThat(reply.buttons())
          .extracting(Button::action, Button::value)
          .contains(
              org.assertj.core.groups.Tuple.tuple(Button.Action.RSVP_YES, "sparraus-esteellisyys"),
              org.assertj.core.groups.Tuple.tuple(Button.Action.RSVP_NO, "sparraus-esteellisyys"),
              org.assertj.core.groups.Tuple.tuple(
                  Button.Action.LINK, "https://luotsi.example.org/calendar/sysma.ics"));
    }
  }

  @Test
  void leavesQuestionsThatMentionTheWordsToTheAnswerEngine() {
    assertThat(say("U0456EFGH", "D1", "mitä seuraavaksi tapahtuu talousarviossa?")).isEmpty();
    assertThat(say("U0456EFGH", "D1", "miten muistutan valtuustoa?")).isEmpty();
  }

  @Test
  void showsTheWholeProgrammeToSomeoneInNoGroup() {
    Reply reply = say("U0STRANGER", "D9", "seuraavat").orElseThrow();
    assertThat(String.join("\n", reply.paragraphs()))
        .contains("En löytänyt sinua ohjelman ryhmistä")
        .contains("Seminaari")
        .contains("calendar/hallitus.ics");
  }

  @Test
  void recordsRsvpAndShowsCountsToOrganisersOnly() {
    Reply yes =
        commands
            .handle(
                new IncomingMessage(
                    Platform.SLACK,
                    "U0456EFGH",
                    "C0123ABCD",
                    "sparraus-esteellisyys",
                    Button.Action.RSVP_YES,
                    Optional.empty(),
                    false),
                Language.FI)
            .orElseThrow();
    assertThat(yes.plainText()).contains("Kiitos! Merkitsin, että osallistut");
    commands.handle(
        new IncomingMessage(
            Platform.TEAMS,
            "29:teams-user",
            "a:personal",
            "sparraus-esteellisyys",
            Button.Action.RSVP_NO,
            Optional.empty(),
            true),
        Language.FI);
    assertThat(attendance.counts("sparraus-esteellisyys")).isEqualTo(new Attendance.Counts(1, 1));
    assertThat(say("U0456EFGH", "D1", "seuraavat").orElseThrow().plainText())
        .contains("Olet ilmoittautunut.")
        .doesNotContain("Ilmoittautuneet:");
    assertThat(say("U0ORGANISER", "D2", "seuraavat").orElseThrow().plainText())
        .contains("Ilmoittautuneet: 1, ei pääse: 1");
    assertThat(
            attendance.skipsReminder(
                "sparraus-esteellisyys", new Recipient(Platform.TEAMS, "a:personal")))
        .isTrue();
    assertThat(
            attendance.skipsReminder(
                "sparraus-esteellisyys", new Recipient(Platform.SLACK, "U0456EFGH")))
        .isFalse();
  }

  @Test
  void refusesRsvpForUnknownOrStartedSessions() {
    IncomingMessage press =
        new IncomingMessage(
            Platform.SLACK, "U1", "D1", "no-such", Button.Action.RSVP_YES, Optional.empty(), true);
    assertThat(commands.handle(press, Language.EN).orElseThrow().kind())
        .isEqualTo(Reply.Kind.ERROR);
    clock.set(Instant.parse("2027-03-04T15:30:00Z"));
    Reply late =
        commands
            .handle(
                new IncomingMessage(
                    Platform.SLACK,
                    "U1",
                    "D1",
                    "sparraus-esteellisyys",
                    Button.Action.RSVP_NO,
                    Optional.empty(),
                    true),
                Language.FI)
            .orElseThrow();
    assertThat(late.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(attendance.counts("sparraus-esteellisyys")).isEqualTo(new Attendance.Counts(0, 0));
  }

  @Test
  void turnsRemindersOffAndOnInEveryLanguage() {
    Recipient me = new Recipient(Platform.SLACK, "U0456EFGH");
    assertThat(say("U0456EFGH", "D1", "älä muistuta").orElseThrow().plainText())
        .contains("en lähetä sinulle enää");
    assertThat(attendance.skipsReminder("seminaari", me)).isTrue();
    say("U0456EFGH", "D1", "muistuta");
    assertThat(attendance.skipsReminder("seminaari", me)).isFalse();
    say("U0456EFGH", "D1", "Påminn inte");
    assertThat(attendance.skipsReminder("seminaari", me)).isTrue();
    say("U0456EFGH", "D1", "remind me!");
    assertThat(attendance.skipsReminder("seminaari", me)).isFalse();
    assertThat(attendance.skipsReminder("seminaari", new Recipient(Platform.SLACK, "C0123ABCD")))
        .isFalse();
  }

  @Test
  void onlyAdministratorsReload() {
    assertThat(say("U0ORGANISER", "D2", "lataa ohjelma").orElseThrow().kind())
        .isEqualTo(Reply.Kind.ERROR);
  }
}
