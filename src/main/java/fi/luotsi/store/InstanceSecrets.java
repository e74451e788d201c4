package fi.luotsi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets that every instance sharing the database holds alike (table {@code instance_secrets},
 * migration V13): the first instance to ask for one creates it, every other instance reads the same
 * bytes. Creation is an insert guarded by the primary key, so instances starting at the same moment
 * agree on whichever insert won. Secrets are never logged. Thread-safe.
 */
public final class InstanceSecrets {
  private static final Logger log = LoggerFactory.getLogger(InstanceSecrets.class);

  /** The HMAC key that turns user ids into pseudonyms in logs. */
  public static final String PSEUDONYM_KEY = "pseudonym-key";

  private final DataSource dataSource;
  private final Clock clock;

  public InstanceSecrets(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The pseudonym key shared by all instances. When the database has none yet and {@code
   * legacyFile} (a single instance's {@code data/pseudonym.key} from before keys were shared) holds
   * one, that key is imported, so existing pseudonyms keep matching, and the file is renamed to
   * {@code pseudonym.key.imported}; otherwise 32 random bytes are created.
   *
   * @throws StoreException when the database cannot be read or written
   */
  public byte[] pseudonymKey(Path legacyFile) {
    Optional<byte[]> stored = find(PSEUDONYM_KEY);
    Optional<byte[]> legacy = readLegacy(legacyFile);
    if (stored.isPresent()) {
      if (legacy.isPresent() && !Arrays.equals(legacy.get(), stored.get())) {
        log.warn(
            "{} differs from the pseudonym key in the database; the database's key is used (shared"
                + " by every instance), so this instance's earlier pseudonyms do not match new"
                + " ones. The file is not used any more.",
            legacyFile);
      }
      return stored.get();
    }
    byte[] key = legacy.orElseGet(InstanceSecrets::random32);
    String origin = legacy.isPresent() ? "imported from " + legacyFile.getFileName() : "generated";
    byte[] winner = createOrRead(PSEUDONYM_KEY, key, origin);
    if (Arrays.equals(winner, key)) {
      log.info("Pseudonym key {} and stored in the database for every instance", origin);
      legacy.ifPresent(k -> retire(legacyFile));
    } else if (legacy.isPresent()) {
      log.warn(
          "{} differs from the pseudonym key another instance stored a moment ago; the database's"
              + " key is used, so this instance's earlier pseudonyms do not match new ones",
          legacyFile);
    }
    return winner;
  }

  /** A secret by name; empty when no instance has created it. */
  Optional<byte[]> find(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT secret FROM instance_secrets WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(Base64.getDecoder().decode(rs.getString(1)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read instance secret " + name, e);
    }
  }

  /** Stores {@code secret} unless another instance stored one first; returns the one stored. */
  byte[] createOrRead(String name, byte[] secret, String origin) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO instance_secrets (name, secret, origin, created_at) VALUES (?, ?, ?,"
                    + " ?)")) {
      ps.setString(1, name);
      ps.setString(2, Base64.getEncoder().encodeToString(secret));
      ps.setString(3, origin);
      ps.setTimestamp(4, Timestamp.from(clock.instant()));
      ps.executeUpdate();
      return secret.clone();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw new StoreException("cannot store instance secret " + name, e);
      }
      // another instance created it a moment ago: use theirs
      return find(name)
          .orElseThrow(() -> new StoreException("instance secret " + name + " vanished", e));
    }
  }

  private static Optional<byte[]> readLegacy(Path file) {
    try {
      if (file != null && Files.isRegularFile(file) && Files.size(file) >= 32) {
        return Optional.of(Files.readAllBytes(file));
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read " + file, e);
    }
  }

  private static void retire(Path file) {
    Path imported = file.resolveSibling(file.getFileName() + ".imported");
    try {
      Files.move(file, imported, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      log.warn("Imported {} but could not rename it to {}: {}", file, imported, e.toString());
    }
  }

  private static byte[] random32() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
