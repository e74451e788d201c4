package fi.luotsi.admin;

import fi.luotsi.store.StoreException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Knowledge changes waiting for their author's confirmation (table {@code knowledge_pending}): an
 * upload shown as a preview, or a removal. Kept in the database so that the confirming button press
 * may reach any instance. A pending change is taken once and expires after {@link #LIFETIME}.
 *
 * <p>Thread-safe.
 */
final class PendingChanges {
  /** How long a preview can be published. */
  static final Duration LIFETIME = Duration.ofMinutes(30);

  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

  /**
   * A change waiting for confirmation.
   *
   * @param id the short id the confirming command carries
   * @param path the file
   * @param content the new text; empty for a removal
   * @param baseId the path's newest change number when the preview was made; 0 when none
   * @param author who asked for it (only they may confirm it)
   * @param expires when it can no longer be confirmed
   */
  record Pending(
      String id,
      String path,
      Optional<String> content,
      long baseId,
      String author,
      Instant expires) {
    Pending {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(expires, "expires");
    }
  }

  private final DataSource dataSource;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  PendingChanges(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Stores a change to confirm; forgets expired ones. */
  Pending add(String path, Optional<String> content, long baseId, String author) {
    Instant now = clock.instant();
    Pending pending = new Pending(newId(), path, content, baseId, author, now.plus(LIFETIME));
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement purge =
          c.prepareStatement("DELETE FROM knowledge_pending WHERE expires_at < ?")) {
        purge.setTimestamp(1, Timestamp.from(now));
        purge.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO knowledge_pending"
                  + " (id, path, content, base_id, author, created_at, expires_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, pending.id());
        ps.setString(2, path);
        if (content.isPresent()) {
          ps.setString(3, content.get());
        } else {
          ps.setNull(3, Types.VARCHAR);
        }
        ps.setLong(4, baseId);
        ps.setString(5, author);
        ps.setTimestamp(6, Timestamp.from(now));
        ps.setTimestamp(7, Timestamp.from(pending.expires()));
        ps.executeUpdate();
      }
      return pending;
    } catch (SQLException e) {
      throw new StoreException("cannot store a pending knowledge change", e);
    }
  }

  /**
   * Takes a pending change of this author: removes and returns it. Empty when there is none with
   * that id, it is someone else's, or it has expired (an expired one is removed as well).
   */
  Optional<Pending> take(String id, String author) {
    try (Connection c = dataSource.getConnection()) {
      Optional<Pending> found;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, path, content, base_id, author, expires_at FROM knowledge_pending"
                  + " WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          found =
              rs.next()
                  ? Optional.of(
                      new Pending(
                          rs.getString(1),
                          rs.getString(2),
                          Optional.ofNullable(rs.getString(3)),
                          rs.getLong(4),
                          rs.getString(5),
                          rs.getTimestamp(6).toInstant()))
                  : Optional.empty();
        }
      }
      if (found.isEmpty() || !found.get().author().equals(author)) {
        return Optional.empty();
      }
      int deleted;
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM knowledge_pending WHERE id = ?")) {
        ps.setString(1, id);
        deleted = ps.executeUpdate();
      }
      // Two presses at once: only the one that deleted the row goes on.
      if (deleted == 0 || found.get().expires().isBefore(clock.instant())) {
        return Optional.empty();
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read a pending knowledge change", e);
    }
  }

  private String newId() {
    char[] id = new char[8];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
