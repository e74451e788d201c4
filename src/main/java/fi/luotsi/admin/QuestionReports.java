package fi.luotsi.admin;

import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What administrators learn from the question log: questions the bot could not answer, answers that
 * got 👎, and feedback per section. Rows carry pseudonyms only. Thread-safe.
 */
final class QuestionReports {
  private final DataSource dataSource;

  QuestionReports(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * A logged question.
   *
   * @param at when it was asked, or when the 👎 was given
   * @param userRef the asker's pseudonym
   * @param language the reply language
   * @param question the question as asked
   * @param sectionId the section that answered; empty when none did
   */
  record Row(
      Instant at, String userRef, String language, String question, Optional<String> sectionId) {}

  /**
   * Some rows and how many there are in all.
   *
   * @param rows the newest rows, newest first
   * @param total all rows in the period
   */
  record Page(List<Row> rows, int total) {}

  /**
   * Feedback on one section.
   *
   * @param sectionId the section
   * @param helpful 👍 count
   * @param notHelpful 👎 count
   */
  record SectionFeedback(String sectionId, int helpful, int notHelpful) {}

  Page unanswered(Instant since, int limit) {
    return page(
        "SELECT asked_at, user_ref, language, question, section_id FROM question_log"
            + " WHERE answered = FALSE AND asked_at >= ? ORDER BY asked_at DESC LIMIT ?",
        "SELECT COUNT(*) FROM question_log WHERE answered = FALSE AND asked_at >= ?",
        since,
        limit);
  }

  Page downvoted(Instant since, int limit) {
    return page(
        "SELECT f.given_at, q.user_ref, q.language, q.question, f.section_id FROM feedback f"
            + " JOIN question_log q ON q.id = f.question_id"
            + " WHERE f.helpful = FALSE AND f.given_at >= ? ORDER BY f.given_at DESC LIMIT ?",
        "SELECT COUNT(*) FROM feedback WHERE helpful = FALSE AND given_at >= ?",
        since,
        limit);
  }

  /** Sections with feedback in the period, the most 👎 first. */
  List<SectionFeedback> feedbackBySection(Instant since) {
    String sql =
        "SELECT section_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) FROM feedback"
            + " WHERE given_at >= ? AND section_id IS NOT NULL GROUP BY section_id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(since));
      List<SectionFeedback> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SectionFeedback(rs.getString(1), rs.getInt(2), rs.getInt(3)));
        }
      }
      out.sort(
          java.util.Comparator.comparingInt(SectionFeedback::notHelpful)
              .reversed()
              .thenComparing(java.util.Comparator.comparingInt(SectionFeedback::helpful).reversed())
              .thenComparing(SectionFeedback::sectionId));
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot count feedback per section", e);
    }
  }

  private Page page(String rowsSql, String countSql, Instant since, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement rows = c.prepareStatement(rowsSql);
        PreparedStatement count = c.prepareStatement(countSql)) {
      rows.setTimestamp(1, Timestamp.from(since));
      rows.setInt(2, limit);
      List<Row> out = new ArrayList<>();
      try (ResultSet rs = rows.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Row(
                  rs.getTimestamp(1).toInstant(),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  Optional.ofNullable(rs.getString(5))));
        }
      }
      count.setTimestamp(1, Timestamp.from(since));
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return new Page(out, rs.getInt(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the question log", e);
    }
  }
}
