package fi.luotsi.admin;

import fi.luotsi.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The knowledge version store on PostgreSQL (production with several instances). */
class KnowledgeVersionsPostgresIT extends KnowledgeVersionsContract {
  private static EmbeddedPostgres postgres;
  // Made with the instance (after @BeforeAll), so that the contract's @BeforeEach can use it.
  private final Database database = Postgres.freshDatabase(postgres);

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  DataSource dataSource() {
    return database.dataSource();
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** A new, migrated database on the embedded server. */
  static final class Postgres {
    private Postgres() {}

    static Database freshDatabase(EmbeddedPostgres server) {
      String name = "k" + System.nanoTime();
      try (var c = server.getPostgresDatabase().getConnection()) {
        c.createStatement().execute("CREATE DATABASE " + name);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      Database db = Database.open(server.getJdbcUrl("postgres", name), "postgres", "postgres");
      if (!db.isPostgres()) {
        throw new IllegalStateException("not PostgreSQL");
      }
      return db;
    }
  }
}
