package fi.luotsi.admin;

import fi.luotsi.admin.AdminTexts.Key;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** A person's questions and feedback votes in the question log, found by their pseudonym. */
final class QuestionLogData implements PersonalData {
  private static final int LATEST = 10;
  private static final int MAX_QUESTION = 200;

  private final DataSource dataSource;

  QuestionLogData(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public List<String> describe(Person person, Language language) {
    try (Connection c = dataSource.getConnection()) {
      int questions;
      List<String> lines = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT COUNT(*), MIN(asked_at), MAX(asked_at) FROM question_log WHERE user_ref = ?")) {
        ps.setString(1, person.userRef());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          questions = rs.getInt(1);
          int votes = votes(c, person.userRef());
          if (questions == 0 && votes == 0) {
            return List.of();
          }
          String first =
              questions == 0 ? "–" : AdminTexts.date(rs.getTimestamp(2).toInstant(), language);
          String last =
              questions == 0 ? "–" : AdminTexts.date(rs.getTimestamp(3).toInstant(), language);
          lines.add(
              AdminTexts.format(Key.STORED_QUESTIONS, language, questions, first, last, votes));
        }
      }
      if (questions > 0) {
        List<String> latest = new ArrayList<>();
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT asked_at, question FROM question_log WHERE user_ref = ?"
                    + " ORDER BY asked_at DESC LIMIT "
                    + LATEST)) {
          ps.setString(1, person.userRef());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              latest.add(
                  AdminTexts.dateTime(rs.getTimestamp(1).toInstant(), language)
                      + ": "
                      + shorten(rs.getString(2)));
            }
          }
        }
        lines.add(
            AdminTexts.get(Key.STORED_LATEST, language) + "\n• " + String.join("\n• ", latest));
      }
      return lines;
    } catch (SQLException e) {
      throw new StoreException("cannot read a person's question log", e);
    }
  }

  private static int votes(Connection c, String userRef) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM feedback WHERE user_ref = ?")) {
      ps.setString(1, userRef);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Override
  public int erase(Person person) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ownVotes =
              c.prepareStatement("DELETE FROM feedback WHERE user_ref = ?");
          PreparedStatement votesOnOwnQuestions =
              c.prepareStatement(
                  "DELETE FROM feedback WHERE question_id IN"
                      + " (SELECT id FROM question_log WHERE user_ref = ?)");
          PreparedStatement questions =
              c.prepareStatement("DELETE FROM question_log WHERE user_ref = ?")) {
        ownVotes.setString(1, person.userRef());
        votesOnOwnQuestions.setString(1, person.userRef());
        questions.setString(1, person.userRef());
        int deleted =
            ownVotes.executeUpdate()
                + votesOnOwnQuestions.executeUpdate()
                + questions.executeUpdate();
        c.commit();
        return deleted;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot erase a person's question log", e);
    }
  }

  static String shorten(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= MAX_QUESTION ? flat : flat.substring(0, MAX_QUESTION - 1) + "…";
  }
}
