package fi.luotsi.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Platform;
import fi.luotsi.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final Pacing limits = Pacing.platformDefaults();

  private Pacer pacer(Platform p) {
    return new Pacer(p, clock, limits.conversation(p), limits.platform(p));
  }

  /** Sends {@code n} messages to {@code address}, advancing the clock as told; the total time. */
  private Duration send(Pacer pacer, String address, int n) {
    Instant start = clock.instant();
    for (int i = 0; i < n; i++) {
      Duration wait;
      while (!(wait = pacer.tryAcquire(address)).isZero()) {
        clock.advance(wait);
      }
    }
    return Duration.between(start, clock.instant());
  }

  @Test
  void slackSendsOnePerSecondToOneChannelWithoutHoldingUpOthers() {
    Pacer slack = pacer(Platform.SLACK);
    assertThat(slack.tryAcquire("C1")).isZero();
    assertThat(slack.tryAcquire("C1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(slack.tryAcquire("C2")).isZero();
    assertThat(send(slack, "C1", 3)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void slackKeepsTheWorkspaceUnderThreeHundredPerMinute() {
    Pacer slack = pacer(Platform.SLACK);
    Instant start = clock.instant();
    for (int i = 0; i < 301; i++) {
      send(slack, "C" + i, 1);
    }
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void teamsAllowsSevenPerSecondPerConversation() {
    Pacer teams = pacer(Platform.TEAMS);
    for (int i = 0; i < 7; i++) {
      assertThat(teams.tryAcquire("a:1")).isZero();
    }
    assertThat(teams.tryAcquire("a:1")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void teamsKeepsThirtyPerSecondPerTenant() {
    Pacer teams = pacer(Platform.TEAMS);
    for (int i = 0; i < 30; i++) {
      assertThat(teams.tryAcquire("a:" + i)).isZero();
    }
    assertThat(teams.tryAcquire("a:30")).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(teams.tryAcquire("a:30")).isZero();
  }

  @Test
  void teamsKeepsSixtyPerThirtySecondsPerConversation() {
    Pacer teams = pacer(Platform.TEAMS);
    // 60 go out at 7 per second (about 8.6 s); the 61st waits until the first is 30 s old
    assertThat(send(teams, "a:1", 61)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void mostlyThrottledSendsPauseThePlatform() {
    Pacer slack = pacer(Platform.SLACK);
    for (int i = 0; i < 9; i++) {
      slack.outcome(true, Duration.ofSeconds(1));
    }
    assertThat(slack.tryAcquire("C9")).isZero();
    slack.outcome(true, Duration.ofSeconds(1));
    assertThat(slack.tryAcquire("C10")).isEqualTo(Pacer.PAUSE);
  }

  @Test
  void backoffGrowsWithJitterAndHonoursRetryAfter() {
    RetryPolicy policy = RetryPolicy.standard();
    Random random = new Random(42);
    for (int n = 1; n <= 8; n++) {
      long ceiling = Math.min(1000L << (n - 1), 60_000);
      for (int k = 0; k < 50; k++) {
        Duration d = policy.delay(n, Duration.ZERO, random);
        assertThat(d.toMillis()).isBetween(ceiling / 2, ceiling);
      }
    }
    assertThat(policy.delay(1, Duration.ofSeconds(30), random)).isEqualTo(Duration.ofSeconds(30));
  }
}
