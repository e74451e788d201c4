package fi.luotsi.chat.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link DeliveryLedger} in this process's memory: keys are kept for an hour and at most {@code
 * capacity} of them. A retry that reaches another instance, or this one after a restart, is
 * answered again; {@link JdbcLedger} closes that gap. Thread-safe.
 */
final class MemoryLedger implements DeliveryLedger {
  private static final Duration KEEP = Duration.ofHours(1);

  private final Clock clock;
  private final int capacity;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  MemoryLedger(Clock clock, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized boolean firstSighting(String key) {
    Objects.requireNonNull(key, "key");
    Instant now = clock.instant();
    var oldest = seen.entrySet().iterator();
    while (oldest.hasNext()) {
      Map.Entry<String, Instant> entry = oldest.next();
      if (seen.size() >= capacity || entry.getValue().isBefore(now.minus(KEEP))) {
        oldest.remove();
      } else {
        break;
      }
    }
    if (seen.containsKey(key)) {
      return false;
    }
    seen.put(key, now);
    return true;
  }
}
