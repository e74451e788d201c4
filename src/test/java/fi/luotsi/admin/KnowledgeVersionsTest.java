package fi.luotsi.admin;

import fi.luotsi.store.Database;
import fi.luotsi.testing.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The knowledge version store on H2 (the default database). */
class KnowledgeVersionsTest extends KnowledgeVersionsContract {
  private final Database database = TestDatabases.h2();

  @Override
  DataSource dataSource() {
    return database.dataSource();
  }

  @AfterEach
  void close() {
    database.close();
  }
}
