package fi.luotsi.chat.slack;

import static fi.luotsi.chat.slack.SlackListeners.destination;
import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Button;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackListenersTest {
  private static final Optional<String> URL = Optional.of("https://hooks.slack.test/r");
  private static final Optional<String> THREAD = Optional.of("1.1");

  @Test
  void sharingPostsInTheChannelAndRemovesThePrivateCopy() {
    assertThat(destination(Button.Action.SHARE, "U1", "C1", true, Optional.empty(), URL))
        .isEqualTo(new Destination.Share("C1", Optional.empty(), URL));
    assertThat(destination(Button.Action.SHARE, "U1", "C1", false, THREAD, URL))
        .isEqualTo(new Destination.Share("C1", THREAD, Optional.empty()));
  }

  @Test
  void followUpsAreAnsweredWhereTheAnswerWas() {
    assertThat(destination(Button.Action.ASK, "U1", "C1", true, Optional.empty(), URL))
        .isEqualTo(new Destination.Ephemeral(URL.get(), true));
    assertThat(destination(Button.Action.ASK, "U1", "C1", false, THREAD, URL))
        .isEqualTo(new Destination.Post("C1", THREAD));
  }

  @Test
  void feedbackIsAcknowledgedPrivately() {
    assertThat(destination(Button.Action.FEEDBACK_UP, "U1", "C1", false, THREAD, URL))
        .isEqualTo(new Destination.Ephemeral(URL.get(), false));
  }

  @Test
  void pressesOnTheHomeTabAreAnsweredInTheDm() {
    assertThat(
            destination(Button.Action.ASK, "U1", null, false, Optional.empty(), Optional.empty()))
        .isEqualTo(new Destination.Post("U1", Optional.empty()));
  }
}
