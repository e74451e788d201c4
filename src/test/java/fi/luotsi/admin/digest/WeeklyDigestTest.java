package fi.luotsi.admin.digest;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.admin.AuditLog;
import fi.luotsi.admin.expert.ExpertQuestions;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.QuestionLog;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.config.Settings;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.FakePlatformMessenger;
import fi.luotsi.delivery.Pacing;
import fi.luotsi.delivery.RetryPolicy;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.Database;
import fi.luotsi.store.JdbcQuestionLog;
import fi.luotsi.testing.MutableClock;
import fi.luotsi.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeeklyDigestTest {
  /** Wednesday 10 March 2027, 14:00 in Helsinki (UTC+2). */
  static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");

  /** Monday 15 March 2027, 09:00 in Helsinki. */
  static final Instant MONDAY_NINE = Instant.parse("2027-03-15T07:00:00Z");

  private final Database db = TestDatabases.h2();
  private final MutableClock clock = new MutableClock(NOW);
  private final Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
  private final JdbcQuestionLog questionLog = new JdbcQuestionLog(db.dataSource());
  private final AuditLog audit = new AuditLog(db.dataSource(), clock);
  private final FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock);
  private final FakePlatformMessenger teams = new FakePlatformMessenger(Platform.TEAMS, clock);
  private final DeliveryService delivery =
      new DeliveryService(
          db.dataSource(),
          List.of(slack, teams),
          clock,
          Pacing.unlimited(),
          new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 2),
          DeliveryService.Sleeper.real(),
          2,
          Duration.ofSeconds(30));
  private final FakeTimers timers = new FakeTimers();

  @AfterEach
  void close() {
    db.close();
  }

  private WeeklyDigest digest(Set<String> admins, Settings.Digest when) {
    Settings settings =
        new Settings(
            Map.of(Language.FI, "Kysy järjestäjiltä."),
            new Roles(Set.of(), admins),
            20,
            Duration.ofDays(90),
            1_000_000,
            Settings.Experts.none(),
            when);
    return new WeeklyDigest(
        db.dataSource(),
        new ExpertQuestions(db.dataSource()),
        settings,
        delivery,
        audit,
        pseudonyms,
        clock);
  }

  private WeeklyDigest digest() {
    return digest(Set.of("slack:U0ADMIN"), Settings.Digest.standard());
  }

  private String ask(String question, Duration ago, String sectionId) {
    String id = UUID.randomUUID().toString();
    questionLog.record(
        new QuestionLog.Entry(
            id,
            clock.instant().minus(ago),
            pseudonyms.of(Platform.SLACK, "U0" + question.length()),
            Platform.SLACK,
            "fi",
            question,
            Optional.ofNullable(sectionId),
            sectionId == null ? 0 : 0.8));
    return id;
  }

  private void vote(String questionId, String user, boolean helpful, Duration ago) {
    questionLog.feedback(
        questionId, pseudonyms.of(Platform.SLACK, user), helpful, clock.instant().minus(ago));
  }

  private void forwarded(String question, Duration ago, String status) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO expert_question (user_ref, platform, language, question, anonymous,"
                    + " status, created_at) VALUES ('r', 'SLACK', 'fi', ?, FALSE, ?, ?)")) {
      ps.setString(1, question);
      ps.setString(2, status);
      ps.setTimestamp(3, Timestamp.from(clock.instant().minus(ago)));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void nextRunIsTheConfiguredWeekdayAndHelsinkiTimeAcrossDaylightSaving() {
    WeeklyDigest standard = digest();
    assertThat(standard.nextRun(NOW)).isEqualTo(MONDAY_NINE);
    assertThat(standard.nextRun(MONDAY_NINE)).isEqualTo(Instant.parse("2027-03-22T07:00:00Z"));
    assertThat(standard.nextRun(MONDAY_NINE.minusSeconds(1))).isEqualTo(MONDAY_NINE);
    // Summer time starts on 28 March 2027: 09:00 is then 06:00 UTC.
    assertThat(standard.nextRun(Instant.parse("2027-03-23T00:00:00Z")))
        .isEqualTo(Instant.parse("2027-03-29T06:00:00Z"));
    WeeklyDigest friday =
        digest(
            Set.of("slack:U0ADMIN"),
            new Settings.Digest(true, DayOfWeek.FRIDAY, LocalTime.of(15, 30)));
    assertThat(friday.nextRun(NOW)).isEqualTo(Instant.parse("2027-03-12T13:30:00Z"));
  }

  @Test
  void firesOncePerWeekOnTheTestClock() throws Exception {
    WeeklyDigest digest = digest();
    digest.schedule(timers);
    assertThat(timers.next(WeeklyDigest.TIMER)).contains(MONDAY_NINE);

    clock.set(MONDAY_NINE.plusMillis(20));
    assertThat(timers.fire(WeeklyDigest.TIMER)).isEqualTo(MONDAY_NINE);
    assertThat(slack.deliveredCounts()).isEqualTo(Map.of("U0ADMIN", 1));
    Instant nextMonday = Instant.parse("2027-03-22T07:00:00Z");
    assertThat(timers.next(WeeklyDigest.TIMER)).contains(nextMonday);

    // The same week's timer firing again (a recovering instance) reaches nobody twice.
    digest.run(MONDAY_NINE);
    assertThat(slack.deliveredCounts()).isEqualTo(Map.of("U0ADMIN", 1));
    // A restart mid-week keeps the stored time.
    digest.schedule(timers);
    assertThat(timers.next(WeeklyDigest.TIMER)).contains(nextMonday);

    clock.set(nextMonday.plusSeconds(1));
    timers.fire(WeeklyDigest.TIMER);
    assertThat(slack.deliveredCounts()).isEqualTo(Map.of("U0ADMIN", 2));
    assertThat(slack.arrivals())
        .extracting(a -> a.message().heading().orElseThrow())
        .containsExactly("Viikkokooste 8.3.2027–15.3.2027", "Viikkokooste 15.3.2027–22.3.2027");
    assertThat(audit.recent(5))
        .extracting(e -> e.action() + " " + e.detail())
        .contains("digest.sent digest:2027-03-22 recipients=1 reached=1 failed=0");
  }

  @Test
  void aDigestMissedWhileNothingRanGoesOutLateAndTheNextOneIsNextWeek() throws Exception {
    WeeklyDigest digest = digest();
    digest.schedule(timers);
    clock.set(MONDAY_NINE.plus(Duration.ofDays(2))); // the instance was down over Monday
    digest.schedule(timers); // restart: the passed time is kept
    assertThat(timers.next(WeeklyDigest.TIMER)).contains(MONDAY_NINE);
    timers.fire(WeeklyDigest.TIMER);
    assertThat(slack.deliveredCounts()).isEqualTo(Map.of("U0ADMIN", 1));
    assertThat(timers.next(WeeklyDigest.TIMER)).contains(Instant.parse("2027-03-22T07:00:00Z"));
  }

  @Test
  void isOffWithoutAdministratorsOrWhenSwitchedOff() throws Exception {
    WeeklyDigest digest = digest();
    digest.schedule(timers);
    assertThat(timers.next(WeeklyDigest.TIMER)).isPresent();
    WeeklyDigest nobody = digest(Set.of(), Settings.Digest.standard());
    assertThat(nobody.enabled()).isFalse();
    nobody.schedule(timers);
    assertThat(timers.next(WeeklyDigest.TIMER)).isEmpty();
    WeeklyDigest off =
        digest(
            Set.of("slack:U0ADMIN"),
            new Settings.Digest(false, DayOfWeek.MONDAY, LocalTime.of(9, 0)));
    off.schedule(timers);
    assertThat(timers.next(WeeklyDigest.TIMER)).isEmpty();
    off.run(MONDAY_NINE);
    assertThat(slack.calls()).isZero();
  }

  @Test
  void theDigestCountsTheWeekAndGroupsUnansweredQuestions() {
    for (int i = 0; i < 3; i++) {
      ask("Saako valtuutettu palkkion?", Duration.ofDays(1), null);
    }
    ask("saako  valtuutettu palkkion", Duration.ofDays(2), null);
    ask("Mikä on kuntayhtymä?", Duration.ofDays(3), null);
    for (int i = 0; i < 11; i++) {
      ask("Harvinainen kysymys " + i, Duration.ofDays(4), null);
    }
    String budget = ask("Mikä on talousarvio?", Duration.ofDays(1), "talous.md#talousarvio");
    String tax = ask("Mikä on veroprosentti?", Duration.ofDays(1), "talous.md#vero");
    ask("Mikä on talousarvio?", Duration.ofDays(1), "talous.md#talousarvio");
    ask("Vanha kysymys", Duration.ofDays(8), null); // before the week
    vote(budget, "U1", false, Duration.ofHours(20));
    vote(budget, "U2", false, Duration.ofHours(20));
    vote(budget, "U3", true, Duration.ofHours(20));
    vote(tax, "U1", true, Duration.ofHours(20));
    forwarded("Saako valtuutettu palkkion?", Duration.ofDays(1), "PENDING");
    forwarded("Vastattu jo", Duration.ofDays(1), "ANSWERED");

    Reply reply = digest().compose(NOW, Language.FI);
    assertThat(reply.heading()).contains("Viikkokooste 3.3.2027–10.3.2027");
    List<String> p = reply.paragraphs();
    assertThat(p.get(0)).isEqualTo("Kysymyksiä 19, joista vastasin 3 (16 %).");
    assertThat(p.get(1))
        .isEqualTo("Kysymykset, joihin en osannut vastata (13 erilaista, yleisimmät ensin):");
    assertThat(p.get(2))
        .isEqualTo(
            "• 4 × “Saako valtuutettu palkkion?”\n"
                + "• 1 × “Harvinainen kysymys 0”\n"
                + "• 1 × “Harvinainen kysymys 1”\n"
                + "• 1 × “Harvinainen kysymys 10”\n"
                + "• 1 × “Harvinainen kysymys 2”");
    assertThat(p.get(3).split("\n")).hasSize(5); // 10 groups in all
    assertThat(p.get(4)).isEqualTo("Vastaukset, jotka saivat 👎 (osio ja määrä):");
    assertThat(p.get(5)).isEqualTo("• talous.md#talousarvio — 👎 2");
    assertThat(p.get(6)).isEqualTo("Palaute osioittain (👍 hyödyllinen, 👎 ei auttanut):");
    assertThat(p.get(7))
        .isEqualTo("• talous.md#talousarvio — 👍 1 · 👎 2\n• talous.md#vero — 👍 1 · 👎 0");
    assertThat(p.get(8))
        .isEqualTo("Järjestäjille välitetyt kysymykset, jotka odottavat vastausta: 1.");
    assertThat(p.get(9)).isEqualTo("• K1 · 9.3.2027 · “Saako valtuutettu palkkion?”");
    assertThat(p.get(10)).isEqualTo("Vastaa: vastaa K12 <vastaus>");
    assertThat(reply.plainText()).doesNotContain(pseudonyms.of(Platform.SLACK, "U1"));
  }

  @Test
  void anEmptyWeekSaysSoInEachLanguage() {
    assertThat(digest().compose(NOW, Language.FI).paragraphs())
        .containsExactly(
            "Tällä viikolla ei kysytty mitään.",
            "Kysymykset, joihin en osannut vastata (0 erilaista, yleisimmät ensin):",
            "Ei yhtään.",
            "Vastaukset, jotka saivat 👎 (osio ja määrä):",
            "Ei yhtään.",
            "Palaute osioittain (👍 hyödyllinen, 👎 ei auttanut):",
            "Ei yhtään.",
            "Järjestäjille välitetyt kysymykset, jotka odottavat vastausta: 0.");
    Reply sv = digest().compose(NOW, Language.SV);
    assertThat(sv.heading()).contains("Veckosammanfattning 2027-03-03–2027-03-10");
    assertThat(sv.paragraphs().get(0)).isEqualTo("Inga frågor den här veckan.");
    Reply en = digest().compose(NOW, Language.EN);
    assertThat(en.heading()).contains("Weekly digest 2027-03-03–2027-03-10");
    assertThat(en.paragraphs().get(2)).isEqualTo("None.");
  }

  @Test
  void theCommandShowsTheDigestToAdministratorsOnly() {
    ask("Mikä on kuntayhtymä?", Duration.ofDays(1), null);
    WeeklyDigest digest = digest();
    var command = digest.command();
    Reply shown =
        command.handle(dm(Platform.SLACK, "U0ADMIN", "D1", "Viikkokooste"), Language.FI).get();
    assertThat(shown.paragraphs().get(0)).isEqualTo("Kysymyksiä 1, joista vastasin 0 (0 %).");
    Reply en =
        command.handle(dm(Platform.SLACK, "U0ADMIN", "D1", "weekly digest"), Language.FI).get();
    assertThat(en.paragraphs().get(0)).isEqualTo("Questions: 1, of which I answered 0 (0%).");
    Reply refused =
        command.handle(dm(Platform.SLACK, "U0OTHER", "D2", "viikkokooste"), Language.FI).get();
    assertThat(refused.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(refused.paragraphs()).containsExactly("Tämä komento on vain ylläpitäjille.");
    assertThat(command.handle(dm(Platform.SLACK, "U0ADMIN", "D1", "mikä on viikko"), Language.FI))
        .isEmpty();
    assertThat(audit.recent(5))
        .extracting(e -> e.action())
        .contains("admin.digest", "admin.denied");
  }

  @Test
  void reachesATeamsAdministratorInThePersonalChatTheyLastWroteFrom() throws Exception {
    WeeklyDigest digest =
        digest(Set.of("slack:U0ADMIN", "teams:aad-admin"), Settings.Digest.standard());
    assertThat(digest.recipients()).extracting(Object::toString).containsExactly("slack:U0ADMIN");
    var command = digest.command();
    // Any message in a personal chat, even a question that is not a command, is remembered.
    assertThat(
            command.handle(
                dm(Platform.TEAMS, "aad-admin", "a:admin-chat", "Mikä on X?"), Language.FI))
        .isEmpty();
    command.handle(
        new IncomingMessage(
            Platform.TEAMS,
            "aad-admin",
            "19:channel",
            "hei",
            Button.Action.NONE,
            Optional.empty(),
            false),
        Language.FI);
    assertThat(digest.recipients())
        .extracting(Object::toString)
        .containsExactly("slack:U0ADMIN", "teams:a:admin-chat");
    digest.send(MONDAY_NINE);
    assertThat(teams.deliveredCounts()).isEqualTo(Map.of("a:admin-chat", 1));
    assertThat(slack.deliveredCounts()).isEqualTo(Map.of("U0ADMIN", 1));
  }

  private static IncomingMessage dm(
      Platform platform, String user, String conversation, String text) {
    return new IncomingMessage(
        platform, user, conversation, text, Button.Action.NONE, Optional.empty(), true);
  }
}
