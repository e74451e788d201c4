package fi.luotsi.chat.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers which Slack deliveries were already taken on, so that Slack's retries ({@code
 * X-Slack-Retry-Num}) and duplicate {@code event_id}s are answered once. Slack retries for about
 * five minutes; keys are kept for an hour and at most {@code capacity} of them. Thread-safe.
 *
 * <p>The memory is this process's: a retry that reaches another instance behind a load balancer, or
 * this one after a restart, is answered again.
 */
final class EventLedger {
  private static final Duration KEEP = Duration.ofHours(1);

  private final Clock clock;
  private final int capacity;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  EventLedger(Clock clock, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** Records {@code key}; true the first time, false for a repeat within the keeping period. */
  synchronized boolean firstSighting(String key) {
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
