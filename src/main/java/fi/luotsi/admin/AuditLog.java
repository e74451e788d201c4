package fi.luotsi.admin;

import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The audit log (table {@code audit_log}): who did what, when. Administrators are recorded by their
 * role key ({@code slack:U…}); people who are not administrators only by pseudonym, and erasures of
 * personal data without any identifier. Thread-safe.
 */
public final class AuditLog {
  private static final int MAX_DETAIL = 4000;

  private final DataSource dataSource;
  private final Clock clock;

  public AuditLog(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * One audit entry.
   *
   * @param at when
   * @param actor who: a role key such as {@code slack:U0123}, {@code pseudonym:…}, or a component
   *     such as {@code knowledge-watcher}
   * @param action what, e.g. {@code admin.unanswered}
   * @param detail parameters and outcome, never message text
   */
  public record Entry(Instant at, String actor, String action, String detail) {
    public Entry {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Records an action now. */
  public void record(String actor, String action, String detail) {
    String sql = "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, truncate(actor, 200));
      ps.setString(3, truncate(action, 100));
      ps.setString(4, truncate(detail, MAX_DETAIL));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write audit entry " + action, e);
    }
  }

  /** The most recent entries, newest first. */
  public List<Entry> recent(int limit) {
    String sql =
        "SELECT at, actor, action, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, limit);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Entry(
                  rs.getTimestamp(1).toInstant(),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit log", e);
    }
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
