package fi.luotsi.admin.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.KnowledgeFixture;
import fi.luotsi.admin.AuditLog;
import fi.luotsi.admin.PersonalData;
import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.Conversation;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.config.Settings;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.FakePlatformMessenger;
import fi.luotsi.delivery.Pacing;
import fi.luotsi.delivery.RetryPolicy;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import fi.luotsi.store.Database;
import fi.luotsi.store.JdbcQuestionLog;
import fi.luotsi.testing.MutableClock;
import fi.luotsi.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole "ask an expert" path through the real chat core, index, database and delivery service
 * with a recording Slack messenger: a question the bot cannot answer, forwarded openly and
 * anonymously, answered by an organiser, relayed to the asker exactly once, and turned into a
 * section by an administrator; then retention and erasure.
 */
class ExpertFlowIT {
  static final String CHANNEL = "C0EXPERTS";
  static final String UNKNOWN = "Miten lumityöt järjestetään kirkonkylällä?";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-10T12:00:00Z"));
  private final Database db = TestDatabases.h2();
  private final Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
  private final FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock);
  private final FakeKnowledgeEditor editor = new FakeKnowledgeEditor();
  private LuceneKnowledgeIndex index;
  private Experts experts;
  private Conversation conversation;

  @BeforeEach
  void start() {
    index = new LuceneKnowledgeIndex(null);
    index.rebuild(new KnowledgeLoader().load(KnowledgeFixture.write(dir)));
    Settings settings =
        new Settings(
            Map.of(Language.FI, "Kysy järjestäjiltä."),
            new Roles(Set.of("slack:U0ORG"), Set.of("slack:U0ADMIN")),
            20,
            Duration.ofDays(90),
            1_000_000,
            new Settings.Experts(Optional.of(CHANNEL), Optional.empty()),
            Settings.Digest.standard());
    DeliveryService delivery =
        new DeliveryService(
            db.dataSource(),
            List.of(slack),
            clock,
            Pacing.unlimited(),
            new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 2),
            DeliveryService.Sleeper.real(),
            2,
            Duration.ofSeconds(30));
    JdbcQuestionLog questionLog = new JdbcQuestionLog(db.dataSource());
    AnswerEngine engine = new AnswerEngine(index);
    experts =
        new Experts(
            db.dataSource(),
            settings,
            questionLog,
            pseudonyms,
            delivery,
            new AuditLog(db.dataSource(), clock),
            Optional.of(editor),
            (question, language) -> List.of(),
            clock);
    conversation =
        new Conversation(
            engine,
            index::sections,
            questionLog,
            pseudonyms,
            settings::contact,
            List.of(experts.command()),
            20,
            clock);
    conversation.offerOnNoAnswer(experts.noAnswerButtons());
  }

  @AfterEach
  void stop() {
    experts.close();
    index.close();
    db.close();
  }

  private static IncomingMessage dm(String user, String text) {
    return IncomingMessage.text(Platform.SLACK, user, "D" + user, text);
  }

  private static IncomingMessage press(String user, Button button) {
    return new IncomingMessage(
        Platform.SLACK, user, "D" + user, button.value(), button.action(), Optional.empty(), true);
  }

  private List<FakePlatformMessenger.Arrival> to(String address) {
    return slack.arrivals().stream().filter(a -> a.recipient().address().equals(address)).toList();
  }

  private Button button(Reply reply, String label) {
    return reply.buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void aForwardedQuestionIsAnsweredOnceAndBecomesASection() {
    Reply dontKnow = conversation.handle(dm("U0ASKER", UNKNOWN));
    assertThat(dontKnow.kind()).isEqualTo(Reply.Kind.NO_ANSWER);
    Button ask = button(dontKnow, "Kysy asiantuntijalta");
    assertThat(ask.value()).doesNotContain("lumityöt");
    assertThat(button(dontKnow, "Kysy nimettömänä").action()).isEqualTo(Button.Action.COMMAND);

    Reply forwarded = conversation.handle(press("U0ASKER", ask));
    assertThat(forwarded.plainText()).contains("(K1)").contains("tähän keskusteluun");
    await().atMost(Duration.ofSeconds(5)).until(() -> to(CHANNEL).size() == 1);
    assertThat(to(CHANNEL).get(0).message().plainText())
        .contains(UNKNOWN, "Kysyjä: Slack U0ASKER", "vastaa K1");

    Reply anonymousDontKnow = conversation.handle(dm("U0SHY", "Kuka korjaa koirapuiston aidan?"));
    conversation.handle(press("U0SHY", button(anonymousDontKnow, "Kysy nimettömänä")));
    await().atMost(Duration.ofSeconds(5)).until(() -> to(CHANNEL).size() == 2);
    assertThat(to(CHANNEL).get(1).message().plainText())
        .contains("K2", "Kysyjä: nimetön")
        .doesNotContain("U0SHY");

    // The organiser mentions the bot in the channel; the adapter strips the mention.
    Reply relaying =
        conversation.handle(
            dm("U0ADMIN", "vastaa K1 Palkkiosta päättää valtuusto palkkiosäännössä.").inChannel());
    assertThat(relaying.plainText()).startsWith("Kiitos! Välitän vastauksen kysymykseen K1");
    conversation.handle(dm("U0ORG", "vastaa K2 Voi, kirjallisella ilmoituksella."));
    await().atMost(Duration.ofSeconds(5)).until(() -> to("DU0ASKER").size() == 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> to("DU0SHY").size() == 1);
    assertThat(to("DU0ASKER").get(0).message().paragraphs())
        .containsExactly(
            "Kysyit: “" + UNKNOWN + "”", "Palkkiosta päättää valtuusto palkkiosäännössä.");

    Reply twice = conversation.handle(dm("U0ORG", "vastaa K1 Vielä tarkennus."));
    assertThat(twice.plainText()).startsWith("Kysymykseen K1 on jo vastattu");
    await().during(Duration.ofMillis(500)).until(() -> to("DU0ASKER").size() == 1);

    Reply made = conversation.handle(press("U0ADMIN", button(relaying, "Tee uusi osio")));
    assertThat(made.plainText()).startsWith("Tein kysymyksestä K1 uuden osion");
    assertThat(editor.sections())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.question()).isEqualTo(UNKNOWN);
              assertThat(s.answer()).isEqualTo("Palkkiosta päättää valtuusto palkkiosäännössä.");
              assertThat(s.author()).isEqualTo("slack:U0ADMIN");
            });
    assertThat(experts.questions().pendingCount()).isZero();
  }

  @Test
  void forwardedQuestionsFollowRetentionAndErasure() {
    Reply dontKnow = conversation.handle(dm("U0ASKER", UNKNOWN));
    conversation.handle(press("U0ASKER", button(dontKnow, "Kysy asiantuntijalta")));
    clock.advance(Duration.ofDays(10));
    Reply second = conversation.handle(dm("U0ASKER", "Milloin kirjaston aukioloajat muuttuvat?"));
    conversation.handle(press("U0ASKER", button(second, "Kysy nimettömänä")));
    Reply other = conversation.handle(dm("U0OTHER", "Milloin kirjaston aukioloajat muuttuvat?"));
    conversation.handle(press("U0OTHER", button(other, "Kysy asiantuntijalta")));
    assertThat(experts.questions().pendingCount()).isEqualTo(3);

    PersonalData.Person asker =
        new PersonalData.Person(
            Platform.SLACK, "U0ASKER", pseudonyms.of(Platform.SLACK, "U0ASKER"));
    assertThat(experts.personalData().describe(asker, Language.FI))
        .containsExactly("Olet välittänyt järjestäjille 2 kysymystä, joista 2 odottaa vastausta.");

    clock.advance(Duration.ofDays(85)); // the first is now 95 days old
    assertThat(experts.purge()).isEqualTo(1);
    assertThat(experts.personalData().erase(asker)).isEqualTo(1);
    assertThat(experts.personalData().describe(asker, Language.FI)).isEmpty();
    assertThat(experts.questions().pending(10))
        .singleElement()
        .satisfies(
            q -> assertThat(q.userRef()).isEqualTo(pseudonyms.of(Platform.SLACK, "U0OTHER")));
    // the erased asker's question cannot be answered or relayed any more
    assertThat(conversation.handle(dm("U0ORG", "vastaa K2 myöhässä")).plainText())
        .startsWith("En tunne kysymystä K2.");
  }

  @Test
  void noButtonsWhenTheBotAnswers() {
    Reply answer = conversation.handle(dm("U0ASKER", "Milloin olen esteellinen?"));
    assertThat(answer.kind()).isEqualTo(Reply.Kind.ANSWER);
    assertThat(answer.buttons()).extracting(Button::label).doesNotContain("Kysy asiantuntijalta");
  }
}
