package fi.luotsi.delivery;

import fi.luotsi.chat.Platform;
import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code delivery_log} table: one row per message and recipient (unique), with the status of
 * its delivery. Rows are claimed with a conditional update, so concurrent workers and instances
 * never send the same row twice.
 */
final class DeliveryLog {
  static final String PENDING = "PENDING";
  static final String RETRY = "RETRY";
  static final String SENDING = "SENDING";
  static final String SENT = "SENT";
  static final String GONE = "GONE";
  static final String FAILED = "FAILED";
  static final String DEAD = "DEAD";
  static final String UNCERTAIN = "UNCERTAIN";
  static final String RETRACTED = "RETRACTED";

  /** A claimed row. */
  record Row(long id, Recipient recipient, int attempts, Optional<String> messageRef) {}

  private final DataSource dataSource;

  DeliveryLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Adds a PENDING row for every recipient that has none for this message yet. */
  int addRecipients(String key, List<Recipient> recipients, Instant now) {
    String sql =
        "INSERT INTO delivery_log (message_key, platform, address, status, attempts,"
            + " next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?)";
    int added = 0;
    try (Connection c = dataSource.getConnection()) {
      for (Recipient r : recipients) {
        if (exists(c, key, r)) {
          continue;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          Timestamp ts = Timestamp.from(now);
          ps.setString(1, key);
          ps.setString(2, platform(r.platform()));
          ps.setString(3, r.address());
          ps.setTimestamp(4, ts);
          ps.setTimestamp(5, ts);
          ps.setTimestamp(6, ts);
          added += ps.executeUpdate();
        } catch (SQLException e) {
          if (!"23505".equals(e.getSQLState())) {
            throw e;
          }
          // another instance added it first: the unique key did its job
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot add recipients of " + key + " to the delivery log", e);
    }
    return added;
  }

  private static boolean exists(Connection c, String key, Recipient r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM delivery_log WHERE message_key = ? AND platform = ? AND address = ?")) {
      ps.setString(1, key);
      ps.setString(2, platform(r.platform()));
      ps.setString(3, r.address());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Claims one row that is due, for {@code worker}; empty when none is due now. */
  Optional<Row> claim(String key, Instant now, String worker) {
    String select =
        "SELECT id, platform, address, attempts, message_ref FROM delivery_log WHERE message_key"
            + " = ? AND status IN ('PENDING', 'RETRY') AND next_attempt_at <= ? ORDER BY"
            + " next_attempt_at, id LIMIT 16";
    // the row must still be as read: due, and not attempted by someone else in between
    String update =
        "UPDATE delivery_log SET status = 'SENDING', claimed_by = ?, claimed_at = ?, updated_at ="
            + " ? WHERE id = ? AND status IN ('PENDING', 'RETRY') AND attempts = ? AND"
            + " next_attempt_at <= ?";
    try (Connection c = dataSource.getConnection()) {
      List<Row> candidates = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(select)) {
        ps.setString(1, key);
        ps.setTimestamp(2, Timestamp.from(now));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            candidates.add(row(rs));
          }
        }
      }
      Collections.shuffle(candidates);
      for (Row row : candidates) {
        try (PreparedStatement ps = c.prepareStatement(update)) {
          ps.setString(1, worker);
          ps.setTimestamp(2, Timestamp.from(now));
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setLong(4, row.id());
          ps.setInt(5, row.attempts());
          ps.setTimestamp(6, Timestamp.from(now));
          if (ps.executeUpdate() == 1) {
            return Optional.of(row);
          }
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new StoreException("cannot claim a delivery of " + key, e);
    }
  }

  /** The earliest retry time of rows still waiting, empty when none waits. */
  Optional<Instant> nextDue(String key) {
    String sql =
        "SELECT MIN(next_attempt_at) FROM delivery_log WHERE message_key = ? AND status IN"
            + " ('PENDING', 'RETRY')";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp ts = rs.getTimestamp(1);
        return ts == null ? Optional.empty() : Optional.of(ts.toInstant());
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the delivery log of " + key, e);
    }
  }

  /**
   * Rows left SENDING by a sender that stopped (crash, kill) before recording the outcome. The
   * platform may or may not have the message; to never send twice, they become UNCERTAIN.
   */
  int expireClaims(String key, Instant claimedBefore, Instant now) {
    return update(
        "UPDATE delivery_log SET status = 'UNCERTAIN', last_error = 'the sender stopped during"
            + " the send; not repeated to avoid a duplicate', updated_at = ? WHERE message_key = ?"
            + " AND status = 'SENDING' AND claimed_at < ?",
        Timestamp.from(now),
        key,
        Timestamp.from(claimedBefore));
  }

  /**
   * Rows left SENDING by an earlier process of the same instance ({@code claimant} starts with
   * {@code instancePrefix} but is not {@code current}): that process died, so they become UNCERTAIN
   * without waiting for the lease.
   */
  int expireEarlierClaims(String instancePrefix, String current, Instant now) {
    return update(
        "UPDATE delivery_log SET status = 'UNCERTAIN', last_error = 'this instance stopped during"
            + " the send (restart after a crash); not repeated to avoid a duplicate', updated_at ="
            + " ? WHERE status = 'SENDING' AND claimed_by LIKE ? AND claimed_by <> ?",
        Timestamp.from(now),
        instancePrefix.replace("%", "\\%").replace("_", "\\_") + "%",
        current);
  }

  /** Gives a claimed row back unsent (the sender was stopped before sending). */
  void release(long id, Instant now) {
    update(
        "UPDATE delivery_log SET status = CASE WHEN attempts = 0 THEN 'PENDING' ELSE 'RETRY' END,"
            + " claimed_by = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING'",
        Timestamp.from(now),
        id);
  }

  void sent(long id, String messageRef, int attempts, Instant now) {
    update(
        "UPDATE delivery_log SET status = 'SENT', message_ref = ?, attempts = ?, last_error ="
            + " NULL, updated_at = ? WHERE id = ?",
        messageRef,
        attempts,
        Timestamp.from(now),
        id);
  }

  void retry(long id, int attempts, Instant next, String error, Instant now) {
    update(
        "UPDATE delivery_log SET status = 'RETRY', attempts = ?, next_attempt_at = ?, last_error"
            + " = ?, claimed_by = NULL, updated_at = ? WHERE id = ?",
        attempts,
        Timestamp.from(next),
        truncate(error),
        Timestamp.from(now),
        id);
  }

  void finish(long id, String status, int attempts, String error, Instant now) {
    update(
        "UPDATE delivery_log SET status = ?, attempts = ?, last_error = ?, updated_at = ? WHERE"
            + " id = ?",
        status,
        attempts,
        truncate(error),
        Timestamp.from(now),
        id);
  }

  void updateRef(long id, String status, String messageRef, Instant now) {
    update(
        "UPDATE delivery_log SET status = ?, message_ref = ?, updated_at = ? WHERE id = ?",
        status,
        messageRef,
        Timestamp.from(now),
        id);
  }

  /** Rows the platform accepted (status SENT), for edits and retractions. */
  List<Row> sentRows(String key) {
    String sql =
        "SELECT id, platform, address, attempts, message_ref FROM delivery_log WHERE message_key"
            + " = ? AND status = 'SENT' ORDER BY id";
    List<Row> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the delivery log of " + key, e);
    }
    return rows;
  }

  DeliveryReport report(String key) {
    int reached = 0;
    int failed = 0;
    int pending = 0;
    int retracted = 0;
    List<DeliveryReport.Failure> failures = new ArrayList<>();
    String sql =
        "SELECT platform, address, status, last_error FROM delivery_log WHERE message_key = ?"
            + " ORDER BY id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String status = rs.getString(3);
          switch (status) {
            case SENT -> reached++;
            case RETRACTED -> retracted++;
            case PENDING, RETRY, SENDING -> pending++;
            default -> {
              failed++;
              if (failures.size() < 50) {
                failures.add(
                    new DeliveryReport.Failure(
                        new Recipient(platform(rs.getString(1)), rs.getString(2)),
                        status,
                        rs.getString(4) == null ? "" : rs.getString(4)));
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the delivery log of " + key, e);
    }
    return new DeliveryReport(key, reached, failed, pending, retracted, failures);
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong(1),
        new Recipient(platform(rs.getString(2)), rs.getString(3)),
        rs.getInt(4),
        Optional.ofNullable(rs.getString(5)));
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update the delivery log", e);
    }
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }

  static String platform(Platform p) {
    return p.name().toLowerCase(Locale.ROOT);
  }

  static Platform platform(String s) {
    return Platform.valueOf(s.toUpperCase(Locale.ROOT));
  }
}
