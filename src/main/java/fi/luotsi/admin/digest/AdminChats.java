package fi.luotsi.admin.digest;

import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The personal chat each Teams administrator last wrote to the bot from (table {@code admin_chat},
 * migration V12). Teams delivers only to a conversation whose reference the bot saved; a Teams user
 * id in the roles is not one, so the digest reaches a Teams administrator here. Thread-safe.
 */
final class AdminChats {
  private final DataSource dataSource;
  private final Map<String, String> known = new ConcurrentHashMap<>();

  AdminChats(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Remembers where {@code roleKey} can be reached; writes only when it changed. */
  void remember(String roleKey, String conversationId, Instant at) {
    if (conversationId.equals(known.get(roleKey))) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE admin_chat SET conversation_id = ?, updated_at = ? WHERE role_key = ?")) {
        update.setString(1, conversationId);
        update.setTimestamp(2, Timestamp.from(at));
        update.setString(3, roleKey);
        if (update.executeUpdate() == 0) {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO admin_chat (role_key, conversation_id, updated_at)"
                      + " VALUES (?, ?, ?)")) {
            insert.setString(1, roleKey);
            insert.setString(2, conversationId);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
          } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // another instance inserted it meanwhile
              throw e;
            }
          }
        }
      }
      known.put(roleKey, conversationId);
    } catch (SQLException e) {
      throw new StoreException("cannot remember an administrator's chat", e);
    }
  }

  Optional<String> find(String roleKey) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT conversation_id FROM admin_chat WHERE role_key = ?")) {
      ps.setString(1, roleKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read an administrator's chat", e);
    }
  }
}
