package fi.luotsi.reminder;

import fi.luotsi.chat.Platform;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code broadcast} and {@code audit_log} tables. */
final class BroadcastStore {
  private final DataSource dataSource;

  BroadcastStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  long create(
      String author,
      Platform platform,
      String address,
      List<String> groups,
      String body,
      Language language,
      Instant now) {
    String sql =
        "INSERT INTO broadcast (author, author_platform, author_address, group_ids, body,"
            + " language, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, author);
      ps.setString(2, platform.name().toLowerCase(Locale.ROOT));
      ps.setString(3, address);
      ps.setString(4, String.join(",", groups));
      ps.setString(5, body);
      ps.setString(6, language.code());
      ps.setTimestamp(7, Timestamp.from(now));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store a broadcast", e);
    }
  }

  Optional<Broadcast> find(long id) {
    String sql =
        "SELECT id, author, author_platform, author_address, group_ids, body, language, status,"
            + " send_at FROM broadcast WHERE id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Timestamp sendAt = rs.getTimestamp(9);
        return Optional.of(
            new Broadcast(
                rs.getLong(1),
                rs.getString(2),
                Platform.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                rs.getString(4),
                Arrays.stream(rs.getString(5).split(",")).filter(s -> !s.isBlank()).toList(),
                rs.getString(6),
                Language.fromTag(rs.getString(7)).orElse(Language.FI),
                rs.getString(8),
                Optional.ofNullable(sendAt).map(Timestamp::toInstant)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read broadcast " + id, e);
    }
  }

  /** The newest broadcast by an author, for "tiedote raportti" without a number. */
  Optional<Long> latestBy(String author) {
    String sql = "SELECT MAX(id) FROM broadcast WHERE author = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, author);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long id = rs.getLong(1);
        return rs.wasNull() ? Optional.empty() : Optional.of(id);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read broadcasts", e);
    }
  }

  /** Moves to {@code status} if the current status is one of {@code from}; false otherwise. */
  boolean transition(long id, String status, Instant sendAt, Instant now, String... from) {
    String in = String.join(",", java.util.Collections.nCopies(from.length, "?"));
    String sql =
        "UPDATE broadcast SET status = ?, send_at = COALESCE(?, send_at), sent_at = CASE WHEN ?"
            + " = 'SENT' THEN ? ELSE sent_at END WHERE id = ? AND status IN ("
            + in
            + ")";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, status);
      ps.setTimestamp(2, sendAt == null ? null : Timestamp.from(sendAt));
      ps.setString(3, status);
      ps.setTimestamp(4, Timestamp.from(now));
      ps.setLong(5, id);
      for (int i = 0; i < from.length; i++) {
        ps.setString(6 + i, from[i]);
      }
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot update broadcast " + id, e);
    }
  }

  void editBody(long id, String body, Instant now) {
    String sql = "UPDATE broadcast SET body = ?, edited_at = ? WHERE id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, body);
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setLong(3, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot edit broadcast " + id, e);
    }
  }

  /** Ids of broadcasts left SENDING (an instance stopped mid-send), to resume. */
  List<Long> unfinished() {
    String sql = "SELECT id FROM broadcast WHERE status = 'SENDING' ORDER BY id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<Long> ids = new java.util.ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new StoreException("cannot read broadcasts", e);
    }
  }

  void audit(String actor, String action, String detail, Instant now) {
    String sql = "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, detail.length() > 4000 ? detail.substring(0, 4000) : detail);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write the audit log", e);
    }
  }
}
