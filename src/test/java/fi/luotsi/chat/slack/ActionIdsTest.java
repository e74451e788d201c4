package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Button;
import org.junit.jupiter.api.Test;

class ActionIdsTest {

  @Test
  void everyButtonActionRoundTrips() {
    for (Button.Action action : Button.Action.values()) {
      if (action == Button.Action.NONE) {
        continue;
      }
      assertThat(ActionIds.parse(ActionIds.actionId(action, 3))).contains(action);
    }
  }

  @Test
  void keepsThePublishedIds() {
    assertThat(ActionIds.actionId(Button.Action.FEEDBACK_UP, 0)).isEqualTo("luotsi.feedback_up.0");
    assertThat(ActionIds.actionId(Button.Action.ASK, 2)).isEqualTo("luotsi.ask.2");
  }

  @Test
  void ignoresForeignOrUnknownIds() {
    assertThat(ActionIds.parse("feedback_up")).isEmpty();
    assertThat(ActionIds.parse("luotsi.none.0")).isEmpty();
    assertThat(ActionIds.parse("luotsi.launch.0")).isEmpty();
    assertThat(ActionIds.parse(null)).isEmpty();
  }
}
