package fi.luotsi.chat.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import fi.luotsi.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Conversation references in the database (table {@code teams_conversation_reference}, migration
 * V3), so that reminders and broadcasts reach a conversation after restarts and from any instance.
 * Thread-safe; every call uses its own connection.
 */
final class ConversationReferenceStore {

  /**
   * A saved reference.
   *
   * @param conversationId the conversation (a channel, not a thread)
   * @param conversationType {@code personal}, {@code groupChat} or {@code channel}
   * @param tenantId the Microsoft 365 tenant; empty when Teams did not say (local tools)
   * @param teamId the team of a channel; empty for chats
   * @param reference the reference to continue the conversation with
   */
  record Saved(
      String conversationId,
      String conversationType,
      Optional<String> tenantId,
      Optional<String> teamId,
      ConversationReference reference) {
    Saved {
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(conversationType, "conversationType");
      Objects.requireNonNull(tenantId, "tenantId");
      Objects.requireNonNull(teamId, "teamId");
      Objects.requireNonNull(reference, "reference");
    }
  }

  private final DataSource dataSource;
  private final Clock clock;

  ConversationReferenceStore(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Inserts or replaces the reference of a conversation.
   *
   * @return true when the conversation was not known before
   */
  boolean save(Saved saved) {
    String json = toJson(saved.reference());
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection connection = dataSource.getConnection()) {
      if (update(connection, saved, json, now) > 0) {
        return false;
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO teams_conversation_reference (conversation_id, conversation_type,"
                  + " tenant_id, team_id, service_url, reference_json, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, saved.conversationId());
        insert.setString(2, saved.conversationType());
        insert.setString(3, saved.tenantId().orElse(null));
        insert.setString(4, saved.teamId().orElse(null));
        insert.setString(5, saved.reference().getServiceUrl());
        insert.setString(6, json);
        insert.setTimestamp(7, now);
        insert.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (isUniqueViolation(e)) { // another request inserted it meanwhile
          update(connection, saved, json, now);
          return false;
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot save the Teams conversation reference of " + saved.conversationId(), e);
    }
  }

  private static int update(Connection connection, Saved saved, String json, Timestamp now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE teams_conversation_reference SET conversation_type = ?, tenant_id = ?,"
                + " team_id = ?, service_url = ?, reference_json = ?, updated_at = ?"
                + " WHERE conversation_id = ?")) {
      update.setString(1, saved.conversationType());
      update.setString(2, saved.tenantId().orElse(null));
      update.setString(3, saved.teamId().orElse(null));
      update.setString(4, saved.reference().getServiceUrl());
      update.setString(5, json);
      update.setTimestamp(6, now);
      update.setString(7, saved.conversationId());
      return update.executeUpdate();
    }
  }

  Optional<Saved> find(String conversationId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT conversation_type, tenant_id, team_id, reference_json"
                    + " FROM teams_conversation_reference WHERE conversation_id = ?")) {
      select.setString(1, conversationId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        ConversationReference reference = readReference(row.getString(4));
        return Optional.of(
            new Saved(
                conversationId,
                row.getString(1),
                Optional.ofNullable(row.getString(2)),
                Optional.ofNullable(row.getString(3)),
                reference));
      }
    } catch (SQLException | IOException e) {
      throw new StoreException(
          "cannot read the Teams conversation reference of " + conversationId, e);
    }
  }

  /** Forgets one conversation; true when it was known. */
  boolean delete(String conversationId) {
    return deleteWhere("conversation_id", conversationId) > 0;
  }

  /** Forgets every channel of a team; returns how many were known. */
  int deleteTeam(String teamId) {
    return deleteWhere("team_id", teamId);
  }

  private int deleteWhere(String column, String value) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM teams_conversation_reference WHERE " + column + " = ?")) {
      delete.setString(1, value);
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot delete Teams conversation references of " + value, e);
    }
  }

  private static String toJson(ConversationReference reference) {
    try {
      return Serialization.toString(reference);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a conversation reference does not serialise", e);
    }
  }

  private static ConversationReference readReference(String json) throws IOException {
    ConversationReference reference =
        Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class);
    if (reference == null) {
      throw new IOException("the stored JSON is not a conversation reference");
    }
    return reference;
  }

  private static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
