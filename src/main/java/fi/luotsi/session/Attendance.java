package fi.luotsi.session;

import fi.luotsi.chat.Platform;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * RSVPs and reminder preferences, stored in the database (tables {@code rsvp}, {@code
 * reminder_optout}). A person is known by platform and user id; when they answered in a private
 * chat, that chat's id is kept too, because a Teams reminder is addressed to the conversation, not
 * the user. Thread-safe.
 */
public final class Attendance {

  /** Counts of answers for one session. */
  public record Counts(int attending, int declined) {}

  private final DataSource dataSource;
  private final Clock clock;

  public Attendance(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records (or replaces) someone's answer for a session. */
  public void answer(
      String sessionId,
      Platform platform,
      String userId,
      String conversationId,
      boolean direct,
      boolean attending) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM rsvp WHERE session_id = ? AND platform = ? AND user_id = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO rsvp (session_id, platform, user_id, conversation_id, direct,"
                      + " attending, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        delete.setString(1, sessionId);
        delete.setString(2, key(platform));
        delete.setString(3, userId);
        delete.executeUpdate();
        insert.setString(1, sessionId);
        insert.setString(2, key(platform));
        insert.setString(3, userId);
        insert.setString(4, conversationId);
        insert.setBoolean(5, direct);
        insert.setBoolean(6, attending);
        insert.setTimestamp(7, Timestamp.from(clock.instant()));
        insert.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record the RSVP for session " + sessionId, e);
    }
  }

  public Counts counts(String sessionId) {
    String sql =
        "SELECT SUM(CASE WHEN attending THEN 1 ELSE 0 END), SUM(CASE WHEN attending THEN 0 ELSE 1"
            + " END) FROM rsvp WHERE session_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sessionId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Counts(rs.getInt(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count RSVPs for session " + sessionId, e);
    }
  }

  /** Someone's own answer, empty when they have not answered. */
  public java.util.Optional<Boolean> answerOf(String sessionId, Platform platform, String userId) {
    String sql = "SELECT attending FROM rsvp WHERE session_id = ? AND platform = ? AND user_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sessionId);
      ps.setString(2, key(platform));
      ps.setString(3, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? java.util.Optional.of(rs.getBoolean(1)) : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the RSVP for session " + sessionId, e);
    }
  }

  /** Turns reminders off ({@code false}) or on again for someone. */
  public void setReminders(
      Platform platform, String userId, String conversationId, boolean direct, boolean on) {
    update(
        "change reminders",
        "DELETE FROM reminder_optout WHERE platform = ? AND user_id = ?",
        key(platform),
        userId);
    if (!on) {
      update(
          "change reminders",
          "INSERT INTO reminder_optout (platform, user_id, conversation_id, direct, since)"
              + " VALUES (?, ?, ?, ?, ?)",
          key(platform),
          userId,
          conversationId,
          direct,
          Timestamp.from(clock.instant()));
    }
  }

  /**
   * Whether a reminder of {@code sessionId} must not go to {@code recipient}: the person at that
   * address declined the session or turned reminders off. Channels are never skipped.
   */
  public boolean skipsReminder(String sessionId, Recipient recipient) {
    String byAddress = "(user_id = ? OR (direct AND conversation_id = ?))";
    String sql =
        "SELECT 1 FROM rsvp WHERE session_id = ? AND platform = ? AND NOT attending AND "
            + byAddress
            + " UNION ALL SELECT 1 FROM reminder_optout WHERE platform = ? AND "
            + byAddress;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sessionId);
      ps.setString(2, key(recipient.platform()));
      ps.setString(3, recipient.address());
      ps.setString(4, recipient.address());
      ps.setString(5, key(recipient.platform()));
      ps.setString(6, recipient.address());
      ps.setString(7, recipient.address());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read reminder preferences", e);
    }
  }

  private void update(String what, String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot " + what, e);
    }
  }

  private static String key(Platform platform) {
    return platform.name().toLowerCase(Locale.ROOT);
  }
}
