package fi.luotsi.delivery;

import fi.luotsi.chat.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaces the sends of one platform so that neither any conversation's limits nor the platform's
 * overall limits are exceeded. Each limit is a sliding window ("at most N in any P"), which is how
 * the platforms state them. A caller asks for a permit and either gets one now or learns how long
 * to wait before asking again; nothing is booked in the future, so one busy channel never holds up
 * the others. When most recent sends come back throttled, the whole platform pauses: the platform
 * is telling us the limits we assume are too generous. Thread-safe.
 */
final class Pacer {
  private static final Logger log = LoggerFactory.getLogger(Pacer.class);
  private static final int WINDOW = 20;
  private static final int PAUSE_WHEN_THROTTLED = 10;
  static final Duration PAUSE = Duration.ofSeconds(60);

  private final Platform platform;
  private final Clock clock;
  private final List<Rate> conversationRates;
  private final List<Window> platformWindows = new ArrayList<>();
  private final Map<String, List<Window>> conversations = new HashMap<>();
  private final Deque<Boolean> recent = new ArrayDeque<>();
  private Instant pausedUntil = Instant.MIN;

  Pacer(Platform platform, Clock clock, List<Rate> perConversation, List<Rate> perPlatform) {
    this.platform = platform;
    this.clock = clock;
    this.conversationRates = List.copyOf(perConversation);
    perPlatform.forEach(r -> platformWindows.add(new Window(r)));
  }

  /**
   * Takes a permit to send to {@code address} now and returns zero, or returns how long to wait
   * before asking again (no permit taken).
   */
  synchronized Duration tryAcquire(String address) {
    Instant now = clock.instant();
    if (now.isBefore(pausedUntil)) {
      return Duration.between(now, pausedUntil);
    }
    List<Window> own =
        conversations.computeIfAbsent(
            address, a -> conversationRates.stream().map(Window::new).toList());
    Instant at = now;
    for (Window w : platformWindows) {
      at = later(at, w.earliest(now));
    }
    for (Window w : own) {
      at = later(at, w.earliest(now));
    }
    if (at.isAfter(now)) {
      return Duration.between(now, at);
    }
    platformWindows.forEach(w -> w.take(now));
    own.forEach(w -> w.take(now));
    if (conversations.size() > 50_000) {
      conversations.values().removeIf(list -> list.stream().allMatch(w -> w.idle(now)));
    }
    return Duration.ZERO;
  }

  /** Records a send's outcome; mostly-throttled recent sends pause the platform. */
  synchronized void outcome(boolean throttled, Duration retryAfter) {
    recent.addLast(throttled);
    if (recent.size() > WINDOW) {
      recent.removeFirst();
    }
    long count = recent.stream().filter(t -> t).count();
    if (throttled && count >= PAUSE_WHEN_THROTTLED) {
      Duration pause = retryAfter.compareTo(PAUSE) > 0 ? retryAfter : PAUSE;
      pausedUntil = clock.instant().plus(pause);
      recent.clear();
      log.warn(
          "{} throttled {} of the last {} sends; pausing all {} sends for {} s",
          platform,
          count,
          WINDOW,
          platform,
          pause.toSeconds());
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The send times within the last period of one limit. */
  private static final class Window {
    private final Rate rate;
    private final Deque<Instant> sends = new ArrayDeque<>();

    Window(Rate rate) {
      this.rate = rate;
    }

    Instant earliest(Instant now) {
      evict(now);
      return sends.size() < rate.permits() ? now : sends.peekFirst().plus(rate.per());
    }

    void take(Instant now) {
      sends.addLast(now);
    }

    boolean idle(Instant now) {
      evict(now);
      return sends.isEmpty();
    }

    private void evict(Instant now) {
      while (!sends.isEmpty() && !sends.peekFirst().plus(rate.per()).isAfter(now)) {
        sends.removeFirst();
      }
    }
  }
}
