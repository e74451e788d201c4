package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryLedgerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-04T08:00:00Z"));

  @Test
  void recognisesARepeatWithinTheHour() {
    MemoryLedger ledger = new MemoryLedger(clock, 100);

    assertThat(ledger.firstSighting("Ev1")).isTrue();
    clock.advance(Duration.ofMinutes(5));
    assertThat(ledger.firstSighting("Ev1")).isFalse();
    assertThat(ledger.firstSighting("Ev2")).isTrue();
  }

  @Test
  void forgetsAfterAnHour() {
    MemoryLedger ledger = new MemoryLedger(clock, 100);
    ledger.firstSighting("Ev1");
    clock.advance(Duration.ofMinutes(61));

    assertThat(ledger.firstSighting("Ev1")).isTrue();
  }

  @Test
  void keepsAtMostItsCapacity() {
    MemoryLedger ledger = new MemoryLedger(clock, 2);
    ledger.firstSighting("Ev1");
    ledger.firstSighting("Ev2");
    ledger.firstSighting("Ev3");

    assertThat(ledger.firstSighting("Ev3")).isFalse();
    assertThat(ledger.firstSighting("Ev1")).isTrue();
  }
}
