package fi.luotsi.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DeliveryLedger} in the shared database (table {@code slack_delivery}, migration V2), so
 * that instances behind one load balancer, or one instance after a restart, answer a Slack retry
 * once between them. A key is claimed by inserting it: the primary key lets exactly one instance
 * succeed. Rows older than an hour are deleted now and then.
 *
 * <p>When the database cannot be reached the ledger falls back to memory and says so once per
 * outage: answering a retry twice is better than not answering at all. Thread-safe.
 */
final class JdbcLedger implements DeliveryLedger {
  private static final Logger log = LoggerFactory.getLogger(JdbcLedger.class);
  private static final Duration KEEP = Duration.ofHours(1);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
  private static final int MAX_KEY = 200;
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final Clock clock;
  private final MemoryLedger fallback;
  private final AtomicReference<Instant> nextPurge;
  private volatile boolean degraded;

  JdbcLedger(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fallback = new MemoryLedger(clock, 20_000);
    this.nextPurge = new AtomicReference<>(clock.instant());
  }

  @Override
  public boolean firstSighting(String key) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      purgeIfDue(c, now);
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO slack_delivery (delivery_key, seen_at) VALUES (?, ?)")) {
        insert.setString(1, fit(key));
        insert.setTimestamp(2, Timestamp.from(now));
        insert.executeUpdate();
      }
      if (degraded) {
        degraded = false;
        log.info("Slack delivery ledger is back in the database");
      }
      fallback.firstSighting(key);
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      if (!degraded) {
        degraded = true;
        log.warn(
            "Slack delivery ledger cannot use the database ({}); remembering in memory meanwhile",
            e.getMessage());
      }
      return fallback.firstSighting(key);
    }
  }

  private void purgeIfDue(Connection c, Instant now) throws SQLException {
    Instant due = nextPurge.get();
    if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
      return;
    }
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM slack_delivery WHERE seen_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(now.minus(KEEP)));
      delete.executeUpdate();
    }
  }

  /** Keys are Slack ids and timestamps; anything longer is stored as its SHA-256. */
  private static String fit(String key) {
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
