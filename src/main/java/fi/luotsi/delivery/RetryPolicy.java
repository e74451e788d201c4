package fi.luotsi.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for throttled (429) and retryable (5xx, 412, timeouts) sends:
 * attempt {@code n} (from 1) waits a random time between half and all of {@code base·2^(n-1)},
 * capped at {@code cap}, and never less than the platform's {@code Retry-After}. After {@code
 * maxAttempts} attempts the message is dead-lettered.
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

  public RetryPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (maxAttempts < 1 || base.isNegative() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("bad retry policy");
    }
  }

  /**
   * About 1 s first, 10 attempts, at most 60 s between them: the retries span at least two minutes
   * (the jitter's lower bounds add up to 121.5 s), so a platform outage or a run of 429s of a
   * minute or two delays a message rather than dead-lettering it.
   */
  public static RetryPolicy standard() {
    return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 10);
  }

  /** The wait before the next attempt after {@code attempts} failed ones. */
  Duration delay(int attempts, Duration retryAfter, RandomGenerator random) {
    long ceiling = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
    ceiling = Math.min(ceiling, cap.toMillis());
    long floor = ceiling / 2;
    long jittered = ceiling <= floor ? ceiling : floor + random.nextLong(ceiling - floor + 1);
    Duration wait = Duration.ofMillis(jittered);
    return retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
  }
}
