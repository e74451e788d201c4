package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void slackStaysOffWithoutSlackVariables() {
    assertThat(SlackAdapter.Settings.from(new Environment(Map.of("LUOTSI_PORT", "3978"))))
        .isEmpty();
  }

  @Test
  void readsHttpAndSocketModeFromTheEnvironment() {
    var settings =
        SlackAdapter.Settings.from(
                new Environment(
                    Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-1-2-abc",
                        "SLACK_SIGNING_SECRET", "s3cr3t",
                        "SLACK_APP_TOKEN", "xapp-1-A1-xyz",
                        "SLACK_API_URL", "http://127.0.0.1:9/api")))
            .orElseThrow();

    assertThat(settings.httpMode()).isTrue();
    assertThat(settings.socketMode()).isTrue();
    assertThat(settings.apiUrl()).contains("http://127.0.0.1:9/api/");
    assertThat(settings.toString())
        .doesNotContain("xoxb")
        .doesNotContain("s3cr3t")
        .doesNotContain("xapp")
        .contains("HTTP+Socket Mode");
  }

  @Test
  void namesEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                SlackAdapter.Settings.from(
                    new Environment(
                        Map.of("SLACK_APP_TOKEN", "xoxb-wrong", "SLACK_API_URL", "slack.com"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not")
        .hasMessageContaining("SLACK_APP_TOKEN must be an app-level token")
        .hasMessageContaining("SLACK_API_URL must be an http(s) URL")
        .hasMessageNotContaining("xoxb-wrong");
  }

  @Test
  void needsASigningSecretOrAnAppToken() {
    assertThatThrownBy(
            () -> SlackAdapter.Settings.from(new Environment(Map.of("SLACK_BOT_TOKEN", "xoxb-1"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode)");
  }
}
