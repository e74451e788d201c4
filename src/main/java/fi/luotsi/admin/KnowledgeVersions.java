package fi.luotsi.admin;

import fi.luotsi.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The versions of knowledge files managed through the database (table {@code knowledge_version}).
 * Rows are only ever added; the id of a row is the global knowledge change number. Changes are
 * written one at a time under a lock row, so change numbers become visible in order.
 *
 * <p>Thread-safe; safe to use from several processes on one database.
 */
final class KnowledgeVersions {
  /** What a change did. */
  enum Action {
    /** The file as it was on disk before its first managed change (so it can be restored). */
    IMPORT,
    ADD,
    REPLACE,
    REMOVE,
    ROLLBACK;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Action of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One stored version.
   *
   * @param id the knowledge change number
   * @param path the file, relative to the knowledge directory
   * @param content the file's text; empty when this version removed the file
   * @param sha256 the content's SHA-256 in hex; empty for a removal
   * @param action what the change did
   * @param author a role key such as {@code slack:U0123} or {@code cli:anna}
   * @param at when it was stored
   * @param note e.g. "rollback to version 17"; empty string when none
   */
  record Version(
      long id,
      String path,
      Optional<String> content,
      Optional<String> sha256,
      Action action,
      String author,
      Instant at,
      String note) {
    Version {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(note, "note");
    }

    boolean removed() {
      return content.isEmpty();
    }
  }

  /**
   * A change to store.
   *
   * @param path the file
   * @param content the new text; empty to remove the file
   * @param action what it does
   * @param author who
   * @param note why or how, for the history; may be empty
   */
  record Change(String path, Optional<String> content, Action action, String author, String note) {
    Change {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(note, "note");
    }
  }

  private static final String COLUMNS =
      "id, path, content, sha256, action, author, created_at, note";

  private final DataSource dataSource;
  private final Clock clock;

  KnowledgeVersions(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The newest change number; 0 when knowledge was never changed through the database. */
  long head() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM knowledge_version");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot read the newest knowledge change", e);
    }
  }

  /** The newest version of every managed path as of change {@code upTo}, by path. */
  Map<String, Version> latest(long upTo) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM knowledge_version v WHERE v.id = (SELECT MAX(w.id) FROM knowledge_version w"
            + " WHERE w.path = v.path AND w.id <= ?) ORDER BY v.path";
    Map<String, Version> out = new LinkedHashMap<>();
    for (Version version : query(sql, upTo)) {
      out.put(version.path(), version);
    }
    return out;
  }

  /** The newest version of a path; empty when the path was never managed. */
  Optional<Version> latest(String path) {
    List<Version> rows =
        query(
            "SELECT "
                + COLUMNS
                + " FROM knowledge_version WHERE path = ? ORDER BY id DESC"
                + " FETCH FIRST 1 ROWS ONLY",
            path);
    return rows.stream().findFirst();
  }

  /** A path's versions, newest first. */
  List<Version> history(String path, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM knowledge_version WHERE path = ? ORDER BY id DESC FETCH FIRST "
            + Math.max(1, limit)
            + " ROWS ONLY",
        path);
  }

  /** One version by its change number. */
  Optional<Version> version(long id) {
    return query("SELECT " + COLUMNS + " FROM knowledge_version WHERE id = ?", id).stream()
        .findFirst();
  }

  /**
   * Stores changes in one transaction, if the newest version of each change's path is still what
   * the caller saw.
   *
   * @param changes the changes, in order (all of one path, e.g. an import and a replace)
   * @param expectedBase the newest change number of the path the caller saw; 0 for "never managed"
   * @return the last stored change number; empty (nothing stored) when the path changed meanwhile
   */
  OptionalLong publish(List<Change> changes, long expectedBase) {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("no changes");
    }
    String path = changes.get(0).path();
    if (changes.stream().anyMatch(ch -> !ch.path().equals(path))) {
      throw new IllegalArgumentException("changes of one path only");
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
                c.prepareStatement("SELECT id FROM knowledge_lock WHERE id = 1 FOR UPDATE");
            ResultSet rs = lock.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("knowledge_lock has no row");
          }
        }
        long base;
        try (PreparedStatement ps =
            c.prepareStatement("SELECT MAX(id) FROM knowledge_version WHERE path = ?")) {
          ps.setString(1, path);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            base = rs.getLong(1);
          }
        }
        if (base != expectedBase) {
          c.rollback();
          return OptionalLong.empty();
        }
        long last = 0;
        Instant now = clock.instant();
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO knowledge_version"
                    + " (path, content, sha256, action, author, created_at, note)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
          for (Change change : changes) {
            ps.setString(1, change.path());
            if (change.content().isPresent()) {
              ps.setString(2, change.content().get());
              ps.setString(3, sha256(change.content().get()));
            } else {
              ps.setNull(2, Types.VARCHAR);
              ps.setNull(3, Types.VARCHAR);
            }
            ps.setString(4, change.action().code());
            ps.setString(5, truncate(change.author(), 200));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setString(7, truncate(change.note(), 1000));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              last = keys.getLong(1);
            }
          }
        }
        c.commit();
        return OptionalLong.of(last);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store a knowledge change of " + path, e);
    }
  }

  private List<Version> query(String sql, Object parameter) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, parameter);
      List<Version> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Version(
                  rs.getLong(1),
                  rs.getString(2),
                  Optional.ofNullable(rs.getString(3)),
                  Optional.ofNullable(rs.getString(4)),
                  Action.of(rs.getString(5)),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant(),
                  rs.getString(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read knowledge versions", e);
    }
  }

  /** The SHA-256 of a text's UTF-8 bytes, in lower-case hex. */
  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
