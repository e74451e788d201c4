package fi.luotsi.chat.slack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keeps posts to one channel about one second apart, Slack's documented posting rate for {@code
 * chat.postMessage}. Callers reserve the next free slot of the channel and wait until it comes;
 * different channels do not wait for each other. Thread-safe.
 *
 * <p>Pacing is about elapsed time, so it reads a monotonic nanosecond ticker rather than the wall
 * clock.
 */
final class ChannelPacer {
  /** Reservations this far in the past are forgotten when the table grows. */
  private static final int PURGE_ABOVE = 1_000;

  private final Duration interval;
  private final LongSupplier nanoTime;
  private final Map<String, Long> nextSlot = new HashMap<>();

  ChannelPacer(Duration interval, LongSupplier nanoTime) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative");
    }
    this.interval = interval;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  static ChannelPacer slackDefault() {
    return new ChannelPacer(Duration.ofSeconds(1), System::nanoTime);
  }

  /** Reserves the channel's next slot and returns how long to wait for it (zero when free now). */
  synchronized Duration reserve(String channel) {
    long now = nanoTime.getAsLong();
    if (nextSlot.size() > PURGE_ABOVE) {
      nextSlot.values().removeIf(slot -> slot - now < 0);
    }
    Long next = nextSlot.get(channel);
    long slot = next == null || next - now < 0 ? now : next;
    nextSlot.put(channel, slot + interval.toNanos());
    return Duration.ofNanos(slot - now);
  }

  /** Waits for the channel's next slot. */
  void await(String channel) throws InterruptedException {
    Duration wait = reserve(channel);
    if (!wait.isZero()) {
      Thread.sleep(wait);
    }
  }
}
