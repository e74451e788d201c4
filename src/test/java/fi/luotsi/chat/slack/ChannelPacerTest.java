package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChannelPacerTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), nanos::get);

  @Test
  void spacesPostsToOneChannelASecondApart() {
    assertThat(pacer.reserve("C1")).isZero();
    assertThat(pacer.reserve("C1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacer.reserve("C1")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void channelsDoNotWaitForEachOther() {
    pacer.reserve("C1");
    pacer.reserve("C1");

    assertThat(pacer.reserve("C2")).isZero();
  }

  @Test
  void aQuietChannelIsFreeAgain() {
    pacer.reserve("C1");
    pacer.reserve("C1");
    nanos.addAndGet(Duration.ofMillis(2500).toNanos());

    assertThat(pacer.reserve("C1")).isZero();
  }

  @Test
  void waitsOnlyForWhatIsLeftOfTheInterval() {
    pacer.reserve("C1");
    nanos.addAndGet(Duration.ofMillis(400).toNanos());

    assertThat(pacer.reserve("C1")).isEqualTo(Duration.ofMillis(600));
  }
}
