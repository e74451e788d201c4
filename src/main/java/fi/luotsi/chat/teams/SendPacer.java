package fi.luotsi.chat.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps proactive sends within Teams' documented limits: per conversation 7 in 1 s, 8 in 2 s and 60
 * in 30 s; per tenant 30 requests a second. A sliding-window log per conversation and per tenant;
 * {@link #acquire} waits until both allow one more send and records it.
 *
 * <p>This paces one instance only. Retries after a 429 are the delivery service's business.
 * Thread-safe.
 */
final class SendPacer {

  /** At most {@code permits} sends in any {@code window}. */
  record Limit(int permits, Duration window) {
    Limit {
      if (permits < 1) {
        throw new IllegalArgumentException("permits must be positive");
      }
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive");
      }
    }
  }

  /** Waits; tests advance a clock instead. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final List<Limit> TEAMS_PER_CONVERSATION =
      List.of(
          new Limit(7, Duration.ofSeconds(1)),
          new Limit(8, Duration.ofSeconds(2)),
          new Limit(60, Duration.ofSeconds(30)));
  static final List<Limit> TEAMS_PER_TENANT = List.of(new Limit(30, Duration.ofSeconds(1)));

  private static final int SWEEP_EVERY = 1_000;

  private final Clock clock;
  private final Sleeper sleeper;
  private final List<Limit> perConversation;
  private final List<Limit> perTenant;
  private final Duration horizon;
  private final Map<String, Deque<Instant>> logs = new HashMap<>();
  private int sinceSweep;

  SendPacer(Clock clock, Sleeper sleeper, List<Limit> perConversation, List<Limit> perTenant) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.perConversation = List.copyOf(perConversation);
    this.perTenant = List.copyOf(perTenant);
    this.horizon =
        java.util.stream.Stream.concat(this.perConversation.stream(), this.perTenant.stream())
            .map(Limit::window)
            .max(Duration::compareTo)
            .orElse(Duration.ofSeconds(1));
  }

  static SendPacer teams(Clock clock) {
    return new SendPacer(clock, Thread::sleep, TEAMS_PER_CONVERSATION, TEAMS_PER_TENANT);
  }

  /** Waits until one more send to the conversation (in the tenant) is allowed, and records it. */
  void acquire(String conversationId, String tenantId) throws InterruptedException {
    Duration wait;
    while (!(wait = tryAcquire(conversationId, tenantId)).isZero()) {
      sleeper.sleep(wait);
    }
  }

  /**
   * Records a send and returns zero when one is allowed now; otherwise records nothing and returns
   * how long to wait before asking again.
   */
  synchronized Duration tryAcquire(String conversationId, String tenantId) {
    Instant now = clock.instant();
    String conversationKey = "c:" + conversationId;
    String tenantKey = "t:" + (tenantId == null ? "" : tenantId);
    Deque<Instant> conversationLog = log(conversationKey, now);
    Deque<Instant> tenantLog = log(tenantKey, now);
    Duration wait =
        max(waitFor(conversationLog, perConversation, now), waitFor(tenantLog, perTenant, now));
    if (wait.isZero()) {
      conversationLog.addLast(now);
      tenantLog.addLast(now);
      if (++sinceSweep >= SWEEP_EVERY) {
        sweep(now);
      }
    }
    return wait;
  }

  private Deque<Instant> log(String key, Instant now) {
    Deque<Instant> log = logs.computeIfAbsent(key, k -> new ArrayDeque<>());
    Instant oldestRelevant = now.minus(horizon);
    while (!log.isEmpty() && !log.peekFirst().isAfter(oldestRelevant)) {
      log.removeFirst();
    }
    return log;
  }

  /**
   * For each limit, the sends inside the window ending now are e0 < … < e(k-1); with k ≥ permits,
   * the next send must wait until e(k-permits) has left the window.
   */
  private static Duration waitFor(Deque<Instant> log, List<Limit> limits, Instant now) {
    Duration wait = Duration.ZERO;
    Instant[] sends = log.toArray(Instant[]::new);
    for (Limit limit : limits) {
      Instant windowStart = now.minus(limit.window());
      int first = 0;
      while (first < sends.length && !sends[first].isAfter(windowStart)) {
        first++;
      }
      int inWindow = sends.length - first;
      if (inWindow >= limit.permits()) {
        Instant leaving = sends[first + inWindow - limit.permits()];
        wait = max(wait, Duration.between(now, leaving.plus(limit.window())));
      }
    }
    return wait;
  }

  private void sweep(Instant now) {
    sinceSweep = 0;
    Instant oldestRelevant = now.minus(horizon);
    for (Iterator<Deque<Instant>> it = logs.values().iterator(); it.hasNext(); ) {
      Deque<Instant> log = it.next();
      if (log.isEmpty() || !log.peekLast().isAfter(oldestRelevant)) {
        it.remove();
      }
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** How many conversations and tenants are being tracked (for tests of the memory bound). */
  synchronized int trackedKeys() {
    return logs.size();
  }
}
