package fi.luotsi.admin.expert;

import fi.luotsi.chat.Platform;
import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Forwarded questions in the database (table {@code expert_question}, migration V12). The asker's
 * platform ids are kept only until the answer has been relayed. Thread-safe; each call uses its own
 * connection, and the state changes that must happen once (answering) are single conditional
 * updates.
 */
public final class ExpertQuestions {
  static final String PENDING = "PENDING";
  static final String ANSWERED = "ANSWERED";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";

  /** The section id while a knowledge edit is being made. */
  static final String EDITING = "…";

  private static final String COLUMNS =
      "id, question_ref, user_ref, platform, language, question, anonymous, asker_user_id,"
          + " asker_conversation_id, asker_direct, status, created_at, answer, answered_by,"
          + " answered_at, relay, section_id";

  private final DataSource dataSource;

  public ExpertQuestions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Where the answer goes.
   *
   * @param userId the asker's platform user id
   * @param conversationId the conversation the question was asked in
   * @param direct whether that conversation is private with the bot
   */
  public record Asker(String userId, String conversationId, boolean direct) {
    public Asker {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(conversationId, "conversationId");
    }
  }

  /**
   * One forwarded question.
   *
   * @param id the number organisers see as {@code K<id>}
   * @param questionRef the question log id it was forwarded from
   * @param userRef the asker's pseudonym
   * @param asker where to relay the answer; empty once relayed (or erased)
   * @param answer the organiser's answer; empty while pending
   * @param answeredBy the organiser's role key
   * @param relay {@link #SENT} or {@link #FAILED} once relayed
   * @param sectionId the knowledge section made or extended from it
   */
  public record Question(
      long id,
      Optional<String> questionRef,
      String userRef,
      Platform platform,
      String language,
      String question,
      boolean anonymous,
      Optional<Asker> asker,
      String status,
      Instant createdAt,
      Optional<String> answer,
      Optional<String> answeredBy,
      Optional<Instant> answeredAt,
      Optional<String> relay,
      Optional<String> sectionId) {

    /** The id as organisers write it: {@code K12}. */
    public String shortId() {
      return "K" + id;
    }

    public boolean pending() {
      return PENDING.equals(status);
    }
  }

  /** A new question to store. */
  record NewQuestion(
      String questionRef,
      String userRef,
      Platform platform,
      String language,
      String question,
      boolean anonymous,
      Asker asker,
      Instant at) {}

  /**
   * Stores a forwarded question.
   *
   * @return the stored question, or empty when this question log entry was already forwarded
   */
  Optional<Question> add(NewQuestion q) {
    String sql =
        "INSERT INTO expert_question (question_ref, user_ref, platform, language, question,"
            + " anonymous, asker_user_id, asker_conversation_id, asker_direct, status, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, q.questionRef());
      ps.setString(2, q.userRef());
      ps.setString(3, q.platform().name());
      ps.setString(4, q.language());
      ps.setString(5, q.question());
      ps.setBoolean(6, q.anonymous());
      ps.setString(7, q.asker().userId());
      ps.setString(8, q.asker().conversationId());
      ps.setBoolean(9, q.asker().direct());
      ps.setString(10, PENDING);
      ps.setTimestamp(11, Timestamp.from(q.at()));
      try {
        ps.executeUpdate();
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState())) {
          return Optional.empty();
        }
        throw e;
      }
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return find(keys.getLong(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store an expert question", e);
    }
  }

  Optional<Question> find(long id) {
    return one("SELECT " + COLUMNS + " FROM expert_question WHERE id = ?", id);
  }

  Optional<Question> findByQuestionRef(String questionRef) {
    return one("SELECT " + COLUMNS + " FROM expert_question WHERE question_ref = ?", questionRef);
  }

  /**
   * Records the answer if the question is still pending: of two organisers answering at once,
   * exactly one gets true.
   */
  boolean answer(long id, String answer, String answeredBy, Instant at) {
    return update(
            "UPDATE expert_question SET status = ?, answer = ?, answered_by = ?, answered_at = ?"
                + " WHERE id = ? AND status = ?",
            ANSWERED,
            answer,
            answeredBy,
            Timestamp.from(at),
            id,
            PENDING)
        == 1;
  }

  /** Records how the relay ended and forgets the asker's platform ids. */
  void relayed(long id, boolean sent) {
    update(
        "UPDATE expert_question SET relay = ?, asker_user_id = NULL, asker_conversation_id = NULL,"
            + " asker_direct = NULL WHERE id = ?",
        sent ? SENT : FAILED,
        id);
  }

  /** Marks the question while a knowledge edit from it is made; false when one was made. */
  boolean claimKnowledge(long id) {
    return update(
            "UPDATE expert_question SET section_id = ? WHERE id = ? AND section_id IS NULL",
            EDITING,
            id)
        == 1;
  }

  /** Undoes {@link #claimKnowledge} after a refused edit. */
  void releaseKnowledge(long id) {
    update(
        "UPDATE expert_question SET section_id = NULL WHERE id = ? AND section_id = ?",
        id,
        EDITING);
  }

  /** Records the knowledge section made or extended from the question. */
  void madeKnowledge(long id, String sectionId) {
    update("UPDATE expert_question SET section_id = ? WHERE id = ?", sectionId, id);
  }

  /** Questions still waiting for an organiser, oldest first. */
  public List<Question> pending(int limit) {
    return many(
        "SELECT "
            + COLUMNS
            + " FROM expert_question WHERE status = ? ORDER BY created_at, id LIMIT ?",
        PENDING,
        limit);
  }

  /** How many questions wait for an organiser. */
  public int pendingCount() {
    return count("SELECT COUNT(*) FROM expert_question WHERE status = ?", PENDING);
  }

  /** A person's questions (by pseudonym), newest first. */
  List<Question> byUser(String userRef) {
    return many(
        "SELECT " + COLUMNS + " FROM expert_question WHERE user_ref = ? ORDER BY created_at DESC",
        userRef);
  }

  /** Deletes a person's questions; returns how many. */
  int eraseUser(String userRef) {
    return update("DELETE FROM expert_question WHERE user_ref = ?", userRef);
  }

  /** Deletes questions forwarded before {@code cutoff}; returns how many. */
  int purge(Instant cutoff) {
    return update("DELETE FROM expert_question WHERE created_at < ?", Timestamp.from(cutoff));
  }

  private Optional<Question> one(String sql, Object... args) {
    List<Question> rows = many(sql, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private List<Question> many(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      List<Question> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read expert questions", e);
    }
  }

  private int count(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count expert questions", e);
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update expert questions", e);
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      switch (a) {
        case null -> ps.setNull(i + 1, Types.VARCHAR);
        case String s -> ps.setString(i + 1, s);
        case Long l -> ps.setLong(i + 1, l);
        case Integer n -> ps.setInt(i + 1, n);
        case Timestamp t -> ps.setTimestamp(i + 1, t);
        default -> throw new IllegalArgumentException("cannot bind " + a.getClass());
      }
    }
  }

  private static Question read(ResultSet rs) throws SQLException {
    String askerUser = rs.getString(8);
    Optional<Asker> asker =
        askerUser == null
            ? Optional.empty()
            : Optional.of(new Asker(askerUser, rs.getString(9), rs.getBoolean(10)));
    Timestamp answeredAt = rs.getTimestamp(15);
    return new Question(
        rs.getLong(1),
        Optional.ofNullable(rs.getString(2)),
        rs.getString(3),
        Platform.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getBoolean(7),
        asker,
        rs.getString(11),
        rs.getTimestamp(12).toInstant(),
        Optional.ofNullable(rs.getString(13)),
        Optional.ofNullable(rs.getString(14)),
        Optional.ofNullable(answeredAt).map(Timestamp::toInstant),
        Optional.ofNullable(rs.getString(16)),
        Optional.ofNullable(rs.getString(17)));
  }
}
