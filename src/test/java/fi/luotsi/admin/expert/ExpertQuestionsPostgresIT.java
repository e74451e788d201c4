package fi.luotsi.admin.expert;

import fi.luotsi.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The expert-question store on an embedded PostgreSQL, migrated by the same Flyway scripts. */
class ExpertQuestionsPostgresIT extends ExpertQuestionsContract {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  Database open() throws Exception {
    String name = "e" + System.nanoTime();
    try (var c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return Database.open(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
  }
}
