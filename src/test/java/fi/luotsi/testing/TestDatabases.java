package fi.luotsi.testing;

import fi.luotsi.store.Database;
import java.util.UUID;

/** Fresh, migrated in-memory H2 databases for tests. */
public final class TestDatabases {
  private TestDatabases() {}

  public static Database h2() {
    return Database.open(
        Database.inMemoryUrl("t" + UUID.randomUUID().toString().replace("-", "")), "", "");
  }
}
