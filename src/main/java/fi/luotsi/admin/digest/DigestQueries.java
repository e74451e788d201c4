package fi.luotsi.admin.digest;

import fi.luotsi.admin.expert.ExpertQuestions;
import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads a period's figures from the question log, the feedback and the forwarded questions. Rows
 * carry pseudonyms only, and the digest shows none of them. Thread-safe.
 */
final class DigestQueries {
  /** How many rows each list of the digest shows. */
  static final int TOP = 10;

  /** Unanswered questions read per period at most; a week has far fewer. */
  private static final int MAX_UNANSWERED = 20_000;

  private final DataSource dataSource;
  private final ExpertQuestions experts;

  DigestQueries(DataSource dataSource, ExpertQuestions experts) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.experts = Objects.requireNonNull(experts, "experts");
  }

  DigestReport report(Instant from, Instant to) {
    try (Connection c = dataSource.getConnection()) {
      int questions;
      int answered;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT COUNT(*), COALESCE(SUM(CASE WHEN answered THEN 1 ELSE 0 END), 0)"
                  + " FROM question_log WHERE asked_at >= ? AND asked_at < ?")) {
        bindPeriod(ps, from, to);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          questions = rs.getInt(1);
          answered = rs.getInt(2);
        }
      }
      List<DigestReport.Count> groups = unanswered(c, from, to);
      List<DigestReport.SectionFeedback> feedback = feedback(c, from, to);
      List<DigestReport.Count> downvoted =
          feedback.stream()
              .filter(f -> f.notHelpful() > 0)
              .sorted(
                  Comparator.comparingInt(DigestReport.SectionFeedback::notHelpful)
                      .reversed()
                      .thenComparing(DigestReport.SectionFeedback::sectionId))
              .limit(TOP)
              .map(f -> new DigestReport.Count(f.sectionId(), f.notHelpful()))
              .toList();
      List<DigestReport.Pending> pending =
          experts.pending(TOP).stream()
              .map(q -> new DigestReport.Pending(q.shortId(), q.createdAt(), q.question()))
              .toList();
      return new DigestReport(
          from,
          to,
          questions,
          answered,
          groups.subList(0, Math.min(TOP, groups.size())),
          groups.size(),
          downvoted,
          feedback.subList(0, Math.min(TOP, feedback.size())),
          pending,
          experts.pendingCount());
    } catch (SQLException e) {
      throw new StoreException("cannot read the digest figures", e);
    }
  }

  /** Unanswered questions grouped by normalised text, most frequent first, then alphabetically. */
  private static List<DigestReport.Count> unanswered(Connection c, Instant from, Instant to)
      throws SQLException {
    Map<String, String> shown = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT question FROM question_log WHERE answered = FALSE AND asked_at >= ?"
                + " AND asked_at < ? ORDER BY asked_at DESC LIMIT "
                + MAX_UNANSWERED)) {
      bindPeriod(ps, from, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String question = rs.getString(1);
          String key = normalize(question);
          shown.putIfAbsent(key, question.replaceAll("\\s+", " ").strip()); // the newest form
          counts.merge(key, 1, Integer::sum);
        }
      }
    }
    List<DigestReport.Count> out = new ArrayList<>();
    counts.forEach((key, n) -> out.add(new DigestReport.Count(shown.get(key), n)));
    out.sort(
        Comparator.comparingInt(DigestReport.Count::count)
            .reversed()
            .thenComparing(DigestReport.Count::text));
    return out;
  }

  /** Lower case, single spaces, no closing punctuation: "Mikä on X?" and "mikä on x" group. */
  static String normalize(String question) {
    return question
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .replaceAll("[\\s!.?]+$", "")
        .strip();
  }

  /** 👍/👎 per section in the period, most 👎 first, then most 👍. */
  private static List<DigestReport.SectionFeedback> feedback(Connection c, Instant from, Instant to)
      throws SQLException {
    List<DigestReport.SectionFeedback> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT section_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) FROM feedback"
                + " WHERE given_at >= ? AND given_at < ? AND section_id IS NOT NULL"
                + " GROUP BY section_id")) {
      bindPeriod(ps, from, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new DigestReport.SectionFeedback(rs.getString(1), rs.getInt(2), rs.getInt(3)));
        }
      }
    }
    out.sort(
        Comparator.comparingInt(DigestReport.SectionFeedback::notHelpful)
            .reversed()
            .thenComparing(
                Comparator.comparingInt(DigestReport.SectionFeedback::helpful).reversed())
            .thenComparing(DigestReport.SectionFeedback::sectionId));
    return out;
  }

  private static void bindPeriod(PreparedStatement ps, Instant from, Instant to)
      throws SQLException {
    ps.setTimestamp(1, Timestamp.from(from));
    ps.setTimestamp(2, Timestamp.from(to));
  }
}
