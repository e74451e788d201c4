package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendPacerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T08:00:00Z"));
  private final List<Duration> sleeps = new ArrayList<>();
  private final SendPacer pacer =
      new SendPacer(
          clock,
          duration -> {
            sleeps.add(duration);
            clock.advance(duration);
          },
          SendPacer.TEAMS_PER_CONVERSATION,
          SendPacer.TEAMS_PER_TENANT);

  @Test
  void allowsSevenSendsToAConversationInOneSecond() {
    for (int i = 0; i < 7; i++) {
      assertThat(pacer.tryAcquire("a:1", "t")).isZero();
    }
    assertThat(pacer.tryAcquire("a:1", "t")).isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofMillis(999));
    assertThat(pacer.tryAcquire("a:1", "t")).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void allowsOnlyEightInTwoSeconds() {
    for (int i = 0; i < 7; i++) {
      pacer.tryAcquire("a:1", "t");
    }
    clock.advance(Duration.ofMillis(1000));
    assertThat(pacer.tryAcquire("a:1", "t")).isZero(); // the 8th
    assertThat(pacer.tryAcquire("a:1", "t")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void allowsSixtyInThirtySeconds() throws InterruptedException {
    Instant start = clock.instant();
    for (int i = 0; i < 60; i++) {
      pacer.acquire("a:1", "t");
    }
    // Eight per two seconds: the sixtieth goes out after about 15 s.
    assertThat(clock.instant()).isBefore(start.plusSeconds(16));

    pacer.acquire("a:1", "t");

    assertThat(clock.instant()).isEqualTo(start.plusSeconds(30));
  }

  @Test
  void pacesAllConversationsOfATenantToThirtyASecond() {
    for (int i = 0; i < 30; i++) {
      assertThat(pacer.tryAcquire("a:" + i, "tenant-1")).isZero();
    }
    assertThat(pacer.tryAcquire("a:new", "tenant-1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacer.tryAcquire("a:new", "tenant-2")).isZero();
  }

  @Test
  void waitsUntilBothLimitsAllowAndRecordsOnlyTheSendItAllowed() throws InterruptedException {
    for (int i = 0; i < 8; i++) {
      pacer.acquire("a:1", "t");
    }

    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-01T08:00:01Z"));
  }

  @Test
  void forgetsIdleConversations() {
    for (int i = 0; i < 1_000; i++) {
      pacer.tryAcquire("a:" + i, "t" + i);
      clock.advance(Duration.ofMillis(100));
    }
    // Sends older than the longest window (30 s) are forgotten with their conversations.
    assertThat(pacer.trackedKeys()).isLessThanOrEqualTo(2 * 301 + 2);
  }
}
