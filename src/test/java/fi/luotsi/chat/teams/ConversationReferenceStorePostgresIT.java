package fi.luotsi.chat.teams;

import fi.luotsi.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The same contract on PostgreSQL, the production database (migration V3 included). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationReferenceStorePostgresIT extends ConversationReferenceStoreContract {
  private EmbeddedPostgres postgres;
  private Database database;

  @BeforeAll
  void open() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    database = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
  }

  @AfterAll
  void close() throws IOException {
    if (database != null) {
      database.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  Database database() {
    return database;
  }
}
