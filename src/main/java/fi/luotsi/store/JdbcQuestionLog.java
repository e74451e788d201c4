package fi.luotsi.store;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.QuestionLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The question log and feedback in the relational store (tables of migration V1). */
public final class JdbcQuestionLog implements QuestionLog {
  private final DataSource dataSource;

  public JdbcQuestionLog(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public void record(Entry entry) {
    String sql =
        "INSERT INTO question_log (id, asked_at, user_ref, platform, language, question, answered,"
            + " section_id, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, entry.id());
      ps.setTimestamp(2, Timestamp.from(entry.askedAt()));
      ps.setString(3, entry.userRef());
      ps.setString(4, entry.platform().name());
      ps.setString(5, entry.language());
      ps.setString(6, entry.question());
      ps.setBoolean(7, entry.answered());
      ps.setString(8, entry.sectionId().orElse(null));
      ps.setDouble(9, entry.coverage());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot log question " + entry.id(), e);
    }
  }

  @Override
  public Optional<Entry> find(String id) {
    String sql =
        "SELECT id, asked_at, user_ref, platform, language, question, section_id, score"
            + " FROM question_log WHERE id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Entry(
                rs.getString(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                Platform.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                Optional.ofNullable(rs.getString(7)),
                rs.getDouble(8)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read question " + id, e);
    }
  }

  @Override
  public boolean feedback(String questionId, String userRef, boolean helpful, Instant at) {
    Optional<Entry> entry = find(questionId);
    if (entry.isEmpty()) {
      return false;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM feedback WHERE question_id = ? AND user_ref = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO feedback (question_id, user_ref, helpful, section_id, given_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
        delete.setString(1, questionId);
        delete.setString(2, userRef);
        delete.executeUpdate();
        insert.setString(1, questionId);
        insert.setString(2, userRef);
        insert.setBoolean(3, helpful);
        insert.setString(4, entry.get().sectionId().orElse(null));
        insert.setTimestamp(5, Timestamp.from(at));
        insert.executeUpdate();
        c.commit();
        return true;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store feedback for question " + questionId, e);
    }
  }

  /** Helpful and unhelpful votes for a section, for administrators and tests. */
  public long[] votes(String sectionId) {
    String sql =
        "SELECT SUM(CASE WHEN helpful THEN 1 ELSE 0 END), SUM(CASE WHEN helpful THEN 0 ELSE 1 END)"
            + " FROM feedback WHERE section_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sectionId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count feedback for " + sectionId, e);
    }
  }
}
