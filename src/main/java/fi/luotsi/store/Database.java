package fi.luotsi.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store: an H2 file database in the data directory by default, PostgreSQL in
 * production. Opening it migrates the schema with Flyway: {@code db/migration} for every database,
 * plus {@code db/vendor/h2} or {@code db/vendor/postgresql} for DDL that differs (the Quartz
 * tables).
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final String url;

  private Database(HikariDataSource dataSource, String url) {
    this.dataSource = dataSource;
    this.url = url;
  }

  /** The default database: an H2 file {@code luotsi} under {@code dataDir}. */
  public static String defaultUrl(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.toAbsolutePath().resolve("luotsi")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  /** An in-memory H2 database, for tests and the {@code ask} command. */
  public static String inMemoryUrl(String name) {
    return "jdbc:h2:mem:"
        + name
        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  /**
   * Connects and migrates.
   *
   * @throws StoreException when the database cannot be reached or migrated; the message names the
   *     URL (without credentials)
   */
  public static Database open(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user == null ? "" : user);
    config.setPassword(password == null ? "" : password);
    config.setMaximumPoolSize(10);
    config.setPoolName("luotsi-db");
    config.setInitializationFailTimeout(10_000);
    // While the database is away, callers learn it in seconds rather than Hikari's default 30 s.
    config.setConnectionTimeout(5_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to database " + redact(url) + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure().dataSource(ds).locations(migrations(url)).load().migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new StoreException("cannot migrate database " + redact(url) + ": " + rootMessage(e), e);
    }
    log.info("Database ready: {}", redact(url));
    return new Database(ds, url);
  }

  /**
   * Migrations for every database, plus the vendor folder for DDL that differs ({@code
   * db/vendor/h2} or {@code db/vendor/postgresql}; same version numbers in both).
   */
  static String[] migrations(String url) {
    String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
    return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor};
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** Whether a connection can be made now (readiness). */
  public boolean isReachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
