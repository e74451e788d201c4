package fi.luotsi.chat.teams;

import fi.luotsi.store.Database;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationReferenceStoreH2IT extends ConversationReferenceStoreContract {
  private Database database;

  @BeforeAll
  void open() {
    database = Database.open(Database.inMemoryUrl("refs-" + UUID.randomUUID()), "", "");
  }

  @AfterAll
  void close() {
    database.close();
  }

  @Override
  Database database() {
    return database;
  }
}
