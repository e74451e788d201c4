package fi.luotsi.chat.slack;

import static fi.luotsi.chat.slack.SlackPayloads.blockAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import fi.luotsi.Application;
import fi.luotsi.config.Environment;
import fi.luotsi.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application with Slack switched on by its environment variables: the real chat core
 * answers from the shipped knowledge base, and the answer travels through Slack's slash command,
 * share button and feedback button.
 */
class SlackApplicationIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-03-04T08:00:00Z"), ZoneOffset.UTC);
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @TempDir Path dataDir;

  @Test
  void aTrusteeAsksPrivatelySharesTheAnswerAndGivesFeedback() throws Exception {
    try (FakeSlackApi slackApi = new FakeSlackApi()) {
      Environment env =
          new Environment(
              Map.of(
                  "LUOTSI_PORT",
                  "0",
                  "LUOTSI_DATA_DIR",
                  dataDir.toString(),
                  "LUOTSI_DB_URL",
                  Database.inMemoryUrl("slack-app-" + System.nanoTime()),
                  "SLACK_BOT_TOKEN",
                  "xoxb-app-test",
                  "SLACK_SIGNING_SECRET",
                  "app-secret",
                  "SLACK_API_URL",
                  slackApi.apiUrl()));
      try (Application app = Application.start(env, CLOCK)) {
        SignedSlackClient slack = new SignedSlackClient(app.port(), "app-secret", CLOCK);

        var ack =
            slack.form(
                Map.of(
                    "command", "/luotsi",
                    "text", "Milloin olen esteellinen?",
                    "team_id", "T1",
                    "channel_id", "CVALTUUSTO",
                    "user_id", "UTRUSTEE",
                    "response_url", slackApi.responseUrl("ask")));
        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> !slackApi.calls("respond/ask").isEmpty());
        JsonObject answer = slackApi.calls("respond/ask").get(0).json();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        String answerRef = buttonValue(answer.getAsJsonArray("blocks"), "luotsi.share.0");
        assertThat(answerRef).isNotBlank();

        slack.interaction(
            blockAction(
                "UTRUSTEE",
                "CVALTUUSTO",
                true,
                null,
                "luotsi.share.0",
                answerRef,
                slackApi.responseUrl("share")));
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    !slackApi
                        .calls("chat.postMessage", c -> "CVALTUUSTO".equals(c.param("channel")))
                        .isEmpty());
        String shared =
            slackApi
                .calls("chat.postMessage", c -> "CVALTUUSTO".equals(c.param("channel")))
                .get(0)
                .param("blocks");
        assertThat(shared).contains("luotsi.heading").doesNotContain("luotsi.share");

        slack.interaction(
            blockAction(
                "UTRUSTEE",
                "CVALTUUSTO",
                true,
                null,
                "luotsi.feedback_up.0",
                answerRef,
                slackApi.responseUrl("fb")));
        await().atMost(PATIENCE).until(() -> !slackApi.calls("respond/fb").isEmpty());
        assertThat(slackApi.calls("respond/fb").get(0).json().get("text").getAsString())
            .isNotBlank();
      }
    }
  }

  private static String buttonValue(JsonArray blocks, String actionId) {
    for (JsonElement block : blocks) {
      JsonObject b = block.getAsJsonObject();
      if (b.has("elements")) {
        for (JsonElement element : b.getAsJsonArray("elements")) {
          JsonObject e = element.getAsJsonObject();
          if (e.has("action_id") && actionId.equals(e.get("action_id").getAsString())) {
            return e.get("value").getAsString();
          }
        }
      }
    }
    return Optional.<String>empty().orElseThrow(() -> new AssertionError("no button " + actionId));
  }
}
