package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped Slack app manifest parses and matches what the adapter serves. */
class SlackManifestTest {
  private static final Path MANIFEST = Path.of("config", "slack-manifest.yml");

  private final JsonNode manifest = read();

  @Test
  void subscribesToExactlyTheEventsTheAdapterListensTo() {
    assertThat(strings(manifest.at("/settings/event_subscriptions/bot_events")))
        .containsExactlyInAnyOrderElementsOf(SlackListeners.BOT_EVENTS);
  }

  @Test
  void sendsEventsCommandsAndInteractivityToTheOneEndpoint() {
    assertThat(manifest.at("/settings/event_subscriptions/request_url").asText())
        .endsWith("/slack/events");
    assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/settings/interactivity/request_url").asText())
        .endsWith("/slack/events");
    JsonNode command = manifest.at("/features/slash_commands/0");
    assertThat(command.get("command").asText()).isEqualTo("/luotsi");
    assertThat(command.get("url").asText()).endsWith("/slack/events");
  }

  @Test
  void enablesTheHomeTabAndTheScopesTheAdapterUses() {
    assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/features/app_home/messages_tab_enabled").asBoolean()).isTrue();
    assertThat(strings(manifest.at("/oauth_config/scopes/bot")))
        .contains(
            "app_mentions:read",
            "chat:write",
            "chat:write.public",
            "commands",
            "files:read",
            "im:history",
            "users:read");
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + MANIFEST, e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
