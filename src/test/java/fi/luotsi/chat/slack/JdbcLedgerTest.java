package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.store.Database;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcLedgerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-04T08:00:00Z"));
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(Database.inMemoryUrl("ledger-" + System.nanoTime()), "sa", "");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void claimsAKeyOnceAcrossInstances() {
    JdbcLedger first = new JdbcLedger(database.dataSource(), clock);
    JdbcLedger second = new JdbcLedger(database.dataSource(), clock);

    assertThat(first.firstSighting("event:Ev1")).isTrue();
    assertThat(second.firstSighting("event:Ev1")).isFalse();
    assertThat(first.firstSighting("event:Ev1")).isFalse();
    assertThat(second.firstSighting("event:Ev2")).isTrue();
  }

  @Test
  void forgetsKeysAfterAnHour() {
    JdbcLedger ledger = new JdbcLedger(database.dataSource(), clock);
    ledger.firstSighting("event:Ev1");
    clock.advance(Duration.ofMinutes(30));
    assertThat(ledger.firstSighting("event:Ev1")).isFalse();

    clock.advance(Duration.ofMinutes(31));
    assertThat(new JdbcLedger(database.dataSource(), clock).firstSighting("event:Ev1")).isTrue();
  }

  @Test
  void storesOverlongKeysAsTheirHash() {
    JdbcLedger ledger = new JdbcLedger(database.dataSource(), clock);
    String longKey = "message:" + "C".repeat(300);

    assertThat(ledger.firstSighting(longKey)).isTrue();
    assertThat(ledger.firstSighting(longKey)).isFalse();
    assertThat(ledger.firstSighting(longKey + "x")).isTrue();
  }

  @Test
  void fallsBackToMemoryWhenTheDatabaseIsGone() {
    JdbcLedger ledger = new JdbcLedger(database.dataSource(), clock);
    database.close();

    assertThat(ledger.firstSighting("event:Ev9")).isTrue();
    assertThat(ledger.firstSighting("event:Ev9")).isFalse();
  }
}
