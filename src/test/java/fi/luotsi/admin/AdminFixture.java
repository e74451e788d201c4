package fi.luotsi.admin;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.QuestionLog;
import fi.luotsi.store.Database;
import fi.luotsi.store.JdbcQuestionLog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** A fresh in-memory database with a question log that tests fill. */
final class AdminFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");

  final Database database =
      Database.open(Database.inMemoryUrl("admin-" + UUID.randomUUID()), "sa", "");
  final JdbcQuestionLog questionLog = new JdbcQuestionLog(database.dataSource());
  final Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
  final AdjustableClock clock = new AdjustableClock(NOW);
  final AuditLog audit = new AuditLog(database.dataSource(), clock);

  /** Logs a question asked {@code ago} before now; returns its id. */
  String ask(Platform platform, String user, String question, Duration ago, String sectionId) {
    String id = UUID.randomUUID().toString();
    questionLog.record(
        new QuestionLog.Entry(
            id,
            clock.instant().minus(ago),
            pseudonyms.of(platform, user),
            platform,
            "fi",
            question,
            Optional.ofNullable(sectionId),
            sectionId == null ? 0 : 0.8));
    return id;
  }

  void vote(String questionId, Platform platform, String user, boolean helpful, Duration ago) {
    questionLog.feedback(
        questionId, pseudonyms.of(platform, user), helpful, clock.instant().minus(ago));
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

  static IncomingMessage typed(Platform platform, String user, String text) {
    return IncomingMessage.text(platform, user, platform + ":" + user, text);
  }

  static IncomingMessage pressed(Platform platform, String user, Button button) {
    return new IncomingMessage(
        platform,
        user,
        platform + ":" + user,
        button.value(),
        button.action(),
        Optional.empty(),
        true);
  }

  static String text(fi.luotsi.chat.Reply reply) {
    return String.join("\n\n", reply.paragraphs());
  }

  static boolean containsAny(String text, String... needles) {
    return Arrays.stream(needles).anyMatch(text::contains);
  }

  @Override
  public void close() {
    database.close();
  }
}
