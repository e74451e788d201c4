package fi.luotsi.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A sliding one-minute window per key. Thread-safe; idle keys are dropped as time passes. */
final class RateLimiter {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int perMinute;
  private final Clock clock;
  private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

  RateLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Counts one event for {@code key}; false when the key is over its limit (not counted). */
  boolean tryAcquire(String key) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(WINDOW);
    boolean[] allowed = new boolean[1];
    windows.compute(
        key,
        (k, events) -> {
          Deque<Instant> window = events == null ? new ArrayDeque<>() : events;
          while (!window.isEmpty() && !window.peekFirst().isAfter(cutoff)) {
            window.pollFirst();
          }
          allowed[0] = window.size() < perMinute;
          if (allowed[0]) {
            window.addLast(now);
          }
          return window;
        });
    if (windows.size() > 10_000) {
      windows.entrySet().removeIf(e -> e.getValue().isEmpty());
    }
    return allowed[0];
  }
}
