package fi.luotsi.admin.expert;

import fi.luotsi.admin.AuditLog;
import fi.luotsi.admin.KnowledgeEditor;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A database, question log, recording messengers for Slack and Teams, the real delivery service,
 * and the expert command with an in-memory knowledge editor.
 */
final class ExpertFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");
  static final String CHANNEL = "C0EXPERTS";
  static final String TEAMS_CHANNEL = "19:experts@thread.tacv2";
  static final String ASKER = "U0ASKER";
  static final String ASKER_DM = "D0ASKER";
  static final String ORGANISER = "U0ORG";
  static final String ADMIN = "U0ADMIN";
  static final String KNOWN_SECTION = "talous/talousarvio.md#mikä-on-talousarvio";

  final Database database;
  final JdbcQuestionLog questionLog;
  final Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
  final MutableClock clock = new MutableClock(NOW);
  final AuditLog audit;
  final FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock);
  final FakePlatformMessenger teams = new FakePlatformMessenger(Platform.TEAMS, clock);
  final DeliveryService delivery;
  final FakeKnowledgeEditor editor = new FakeKnowledgeEditor(KNOWN_SECTION);
  final Roles roles = new Roles(Set.of("slack:" + ORGANISER), Set.of("slack:" + ADMIN));
  final ExpertQuestions store;
  final Outbox outbox;
  final ExpertCommand command;

  ExpertFixture() {
    this(TestDatabases.h2(), new Settings.Experts(Optional.of(CHANNEL), Optional.empty()), true);
  }

  ExpertFixture(Database database, Settings.Experts destinations, boolean withEditor) {
    this.database = database;
    this.questionLog = new JdbcQuestionLog(database.dataSource());
    this.audit = new AuditLog(database.dataSource(), clock);
    this.delivery =
        new DeliveryService(
            database.dataSource(),
            List.of(slack, teams),
            clock,
            Pacing.unlimited(),
            new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 2),
            DeliveryService.Sleeper.real(),
            2,
            Duration.ofSeconds(30));
    this.store = new ExpertQuestions(database.dataSource());
    this.outbox = new Outbox(delivery, Executors.newVirtualThreadPerTaskExecutor());
    Optional<KnowledgeEditor> knowledgeEditor = withEditor ? Optional.of(editor) : Optional.empty();
    this.command =
        new ExpertCommand(
            store,
            questionLog,
            pseudonyms,
            roles,
            destinations,
            outbox,
            audit,
            knowledgeEditor,
            (question, language) ->
                List.of(
                    new SectionSuggestions.Suggestion(KNOWN_SECTION, "Mikä on talousarvio?"),
                    new SectionSuggestions.Suggestion("other.md#x", "Muu")),
            clock);
  }

  /** Logs a question the bot could not answer; returns its reference. */
  String unanswered(Platform platform, String user, String question, String language) {
    String id = UUID.randomUUID().toString();
    questionLog.record(
        new QuestionLog.Entry(
            id,
            clock.instant(),
            pseudonyms.of(platform, user),
            platform,
            language,
            question,
            Optional.empty(),
            0));
    return id;
  }

  /** A direct message from a Slack user. */
  static IncomingMessage dm(String user, String text) {
    return new IncomingMessage(
        Platform.SLACK,
        user,
        user.equals(ASKER) ? ASKER_DM : "D" + user,
        text,
        Button.Action.NONE,
        Optional.empty(),
        true);
  }

  /** The same text said in the organisers' channel. */
  static IncomingMessage inChannel(String user, String text) {
    return new IncomingMessage(
        Platform.SLACK, user, CHANNEL, text, Button.Action.NONE, Optional.empty(), false);
  }

  static IncomingMessage press(String user, Button button) {
    return new IncomingMessage(
        Platform.SLACK,
        user,
        user.equals(ASKER) ? ASKER_DM : "D" + user,
        button.value(),
        button.action(),
        Optional.empty(),
        true);
  }

  Reply handle(IncomingMessage message) {
    return command.handle(message, Language.FI).orElseThrow();
  }

  static String text(Reply reply) {
    return String.join("\n\n", reply.paragraphs());
  }

  int count(String sql) {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    outbox.close();
    database.close();
  }
}
