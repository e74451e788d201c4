package fi.luotsi.delivery;

import java.time.Duration;
import java.util.Objects;

/** A rate limit: at most {@code permits} messages in any window of length {@code per}. */
public record Rate(int permits, Duration per) {

  public Rate {
    Objects.requireNonNull(per, "per");
    if (permits <= 0 || per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("a rate needs positive permits and period");
    }
  }

  public static Rate perSecond(int permits) {
    return new Rate(permits, Duration.ofSeconds(1));
  }

  /** The shortest time in which {@code messages} messages can go out under this limit alone. */
  public Duration minimumTime(int messages) {
    if (messages <= permits) {
      return Duration.ZERO;
    }
    return per.multipliedBy((messages - 1) / permits);
  }
}
