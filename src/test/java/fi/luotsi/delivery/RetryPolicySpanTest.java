package fi.luotsi.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicySpanTest {

  @Test
  void standardRetriesRideOutAnOutageOfTwoMinutesEvenWithTheShortestJitter() {
    RetryPolicy policy = RetryPolicy.standard();
    RandomGenerator shortest =
        new RandomGenerator() {
          @Override
          public long nextLong() {
            return 0;
          }

          @Override
          public long nextLong(long bound) {
            return 0;
          }
        };
    Duration span = Duration.ZERO;
    for (int failed = 1; failed < policy.maxAttempts(); failed++) {
      span = span.plus(policy.delay(failed, Duration.ZERO, shortest));
    }
    assertThat(span).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
  }
}
