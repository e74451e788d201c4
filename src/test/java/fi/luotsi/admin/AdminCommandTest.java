package fi.luotsi.admin;

import static fi.luotsi.admin.AdminFixture.text;
import static fi.luotsi.admin.AdminFixture.typed;
import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandTest {
  private static final String ADMIN = "UADMIN";

  @TempDir Path knowledgeDir;
  private final AdminFixture db = new AdminFixture();
  private final LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null);
  private AdminCommand command;

  @BeforeEach
  void setUp() {
    KnowledgeFiles.write(
        knowledgeDir, "hyva.md", KnowledgeFiles.file("Hyvä", "Mikä on kellari?", "Tila."));
    KnowledgeFiles.write(
        knowledgeDir, "rikki.md", "---\ntitle: Rikki\nupdated: eilen\n---\n## Otsikko\nTeksti.\n");
    LiveKnowledge knowledge = new LiveKnowledge(knowledgeDir, index, db.clock);
    command =
        new AdminCommand(
            new Roles(Set.of(), Set.of("slack:" + ADMIN)),
            new QuestionReports(db.database.dataSource()),
            knowledge,
            db.audit,
            db.pseudonyms,
            db.clock);
  }

  @AfterEach
  void tearDown() {
    index.close();
    db.close();
  }

  private Reply admin(String text) {
    return command.handle(typed(Platform.SLACK, ADMIN, text), Language.FI).orElseThrow();
  }

  @Test
  void listsTheUnansweredQuestionsOfTheLastWeekByPseudonym() {
    db.ask(Platform.WEB, "web-anna", "Saako kokouksessa syödä?", Duration.ofDays(1), null);
    db.ask(Platform.SLACK, "U42", "Kuka maksaa kahvit?", Duration.ofHours(2), null);
    db.ask(Platform.WEB, "web-anna", "Vanha kysymys", Duration.ofDays(10), null);
    db.ask(Platform.WEB, "web-anna", "Vastattu", Duration.ofHours(1), "a.md#x");

    Reply reply = admin("Vastaamattomat");

    assertThat(reply.language()).isEqualTo(Language.FI);
    assertThat(reply.paragraphs().get(0))
        .startsWith("Vastaamattomat kysymykset, viimeiset 7 päivää: 2 kpl.");
    String list = text(reply);
    assertThat(list)
        .contains("“Kuka maksaa kahvit?”")
        .contains("“Saako kokouksessa syödä?”")
        .contains(db.pseudonyms.of(Platform.SLACK, "U42").substring(0, 8))
        .contains("10.3.2027 klo 12.00")
        .doesNotContain("Vanha kysymys")
        .doesNotContain("Vastattu")
        .doesNotContain("U42")
        .doesNotContain("web-anna");
    assertThat(list.indexOf("Kuka maksaa")).isLessThan(list.indexOf("Saako kokouksessa"));
  }

  @Test
  void takesTheNumberOfDaysAndAnswersInTheAliasLanguage() {
    db.ask(Platform.WEB, "web-anna", "Vanha kysymys", Duration.ofDays(10), null);

    assertThat(text(admin("obesvarade 30")))
        .startsWith("Obesvarade frågor, senaste 30 dagarna: 1 st.");
    assertThat(text(admin("unanswered 30"))).startsWith("Unanswered questions, last 30 days: 1.");
  }

  @Test
  void showsTheNewestTwentyAndSaysHowManyThereAre() {
    for (int i = 0; i < 25; i++) {
      db.ask(Platform.WEB, "w", "Kysymys " + i, Duration.ofMinutes(i), null);
    }

    Reply reply = admin("vastaamattomat");

    assertThat(reply.paragraphs().get(0)).contains("25 kpl").contains("Näytän uusimmat 20.");
    assertThat(text(reply)).contains("Kysymys 19”").doesNotContain("Kysymys 20”");
    assertThat(reply.paragraphs()).hasSize(1 + 4);
  }

  @Test
  void listsTheAnswersThatGotAThumbDown() {
    String bad =
        db.ask(
            Platform.SLACK,
            "U1",
            "Milloin olen jäävi?",
            Duration.ofDays(2),
            "esteellisyys.md#jaavi");
    String good =
        db.ask(Platform.SLACK, "U2", "Mikä on kellari?", Duration.ofDays(2), "hyva.md#kellari");
    db.vote(bad, Platform.SLACK, "U1", false, Duration.ofDays(1));
    db.vote(good, Platform.SLACK, "U2", true, Duration.ofDays(1));

    Reply reply = admin("alapeukut");

    assertThat(reply.paragraphs().get(0))
        .startsWith("👎-palautteen saaneet vastaukset, viimeiset 7 päivää: 1 kpl.");
    assertThat(text(reply))
        .contains("“Milloin olen jäävi?” → esteellisyys.md#jaavi")
        .doesNotContain("kellari");
  }

  @Test
  void reportsFeedbackPerSectionMostUnhelpfulFirst() {
    for (int i = 0; i < 3; i++) {
      String q = db.ask(Platform.SLACK, "U" + i, "q", Duration.ofDays(3), "a.md#hyva");
      db.vote(q, Platform.SLACK, "U" + i, true, Duration.ofDays(3));
    }
    String q1 = db.ask(Platform.SLACK, "U7", "q", Duration.ofDays(3), "b.md#huono");
    db.vote(q1, Platform.SLACK, "U7", false, Duration.ofDays(3));
    String q2 = db.ask(Platform.SLACK, "U8", "q", Duration.ofDays(3), "b.md#huono");
    db.vote(q2, Platform.SLACK, "U8", true, Duration.ofDays(3));
    String old = db.ask(Platform.SLACK, "U9", "q", Duration.ofDays(60), "c.md#vanha");
    db.vote(old, Platform.SLACK, "U9", false, Duration.ofDays(60));

    Reply reply = admin("palauteraportti");

    assertThat(reply.paragraphs())
        .containsExactly(
            "Palaute osioittain, viimeiset 30 päivää (👍 hyödyllinen, 👎 ei auttanut):",
            "• b.md#huono — 👍 1 · 👎 1\n• a.md#hyva — 👍 3 · 👎 0");
    assertThat(text(admin("feedback report 90"))).contains("c.md#vanha — 👍 0 · 👎 1");
  }

  @Test
  void showsTheKnowledgeStatusWithRefusedFilesTheirLineAndReason() {
    Reply reply = admin("tietopankki");

    assertThat(reply.paragraphs())
        .containsExactly(
            "Tietopankki: versio 1, 1 osiota 1 tiedostossa, luettu 10.3.2027 klo 14.00.",
            "Hylätyt tiedostot (korjaa ja tallenna, niin luen ne uudelleen):",
            "• rikki.md:3: updated must be a date YYYY-MM-DD, was 'eilen'");
  }

  @Test
  void refusesPeopleWhoAreNotAdministratorsAndAuditsTheAttempt() {
    db.ask(Platform.WEB, "web-anna", "Salainen kysymys", Duration.ofDays(1), null);

    Reply reply =
        command
            .handle(typed(Platform.SLACK, "UOTHER", "vastaamattomat"), Language.FI)
            .orElseThrow();

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(text(reply))
        .isEqualTo("Tämä komento on vain ylläpitäjille.")
        .doesNotContain("Salainen");
    AuditLog.Entry entry = db.audit.recent(1).get(0);
    assertThat(entry.action()).isEqualTo("admin.denied");
    assertThat(entry.actor()).isEqualTo("pseudonym:" + db.pseudonyms.of(Platform.SLACK, "UOTHER"));
  }

  @Test
  void doesNotTakeAnAdministratorOnAnotherPlatformForOne() {
    Reply reply = command.handle(typed(Platform.TEAMS, ADMIN, "admin"), Language.EN).orElseThrow();

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
  }

  @Test
  void auditsEveryAdministratorAction() {
    admin("ylläpito");
    admin("vastaamattomat 3");
    admin("alapeukut");
    admin("palauteraportti");
    admin("tietopankki");

    List<AuditLog.Entry> entries = db.audit.recent(10);
    assertThat(entries).extracting(AuditLog.Entry::actor).containsOnly("slack:" + ADMIN);
    assertThat(entries)
        .extracting(e -> e.action() + " " + e.detail())
        .containsExactlyInAnyOrder(
            "admin.help ",
            "admin.unanswered days=3",
            "admin.downvoted days=7",
            "admin.feedback days=30",
            "admin.knowledge ");
  }

  @Test
  void leavesOtherTextToTheRestOfTheConversation() {
    assertThat(
            command.handle(typed(Platform.SLACK, ADMIN, "vastaamattomat kysymykset"), Language.FI))
        .isEmpty();
    assertThat(command.handle(typed(Platform.SLACK, ADMIN, "tietopankki 5"), Language.FI))
        .isEmpty();
    assertThat(command.handle(typed(Platform.SLACK, ADMIN, "Mikä on kellari?"), Language.FI))
        .isEmpty();
  }

  @Test
  void listsTheCommandsForAdministrators() {
    assertThat(text(admin("admin")))
        .startsWith("Admin commands:")
        .contains("unanswered [days]")
        .contains("knowledge status");
  }
}
