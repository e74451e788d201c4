package fi.luotsi.chat.slack;

import static fi.luotsi.chat.slack.SlackPayloads.eventCallback;
import static fi.luotsi.chat.slack.SlackPayloads.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Socket Mode end to end: the adapter opens a connection with {@code apps.connections.open} at a
 * fake Web API, which hands out the URL of a local Java-WebSocket server; envelopes pushed over it
 * are acknowledged and answered, and a dropped connection is replaced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class SlackSocketModeIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-03-04T08:00:00Z"), ZoneOffset.UTC);

  private FakeSlackApi slackApi;
  private FakeSocketModeServer socket;
  private ScriptedConversation core;
  private SlackAdapter adapter;

  @BeforeAll
  void start() throws Exception {
    slackApi = new FakeSlackApi();
    socket = new FakeSocketModeServer();
    socket.startAndWait();
    slackApi.socketUrl(socket.url());
    core = new ScriptedConversation();
    adapter =
        new SlackAdapter(
            new SlackAdapter.Settings(
                "xoxb-fake",
                Optional.empty(),
                Optional.of("xapp-fake"),
                Optional.of(slackApi.apiUrl())),
            core,
            CLOCK);
    adapter.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> !socket.opened.isEmpty());
  }

  @AfterAll
  void stop() throws Exception {
    adapter.close();
    socket.stop(1000);
    slackApi.close();
  }

  @Test
  void a_acknowledgesAndAnswersAnEventOverTheSocket() {
    socket.push(
        envelope(
            "env-1",
            "events_api",
            eventCallback(
                "EvSock1",
                message("USOCK", "DSOCK", "im", "1804000000.000001", "Mitä on esteellisyys?"))));

    await().atMost(Duration.ofSeconds(10)).until(() -> acked("env-1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !slackApi
                    .calls("chat.postMessage", c -> "DSOCK".equals(c.param("channel")))
                    .isEmpty());
    assertThat(core.withText("Mitä on esteellisyys?")).hasSize(1);
    assertThat(slackApi.calls("apps.connections.open").get(0).authorization())
        .isEqualTo("Bearer xapp-fake");
  }

  @Test
  void b_answersASlashCommandOverTheSocketPrivately() {
    JsonObject command = new JsonObject();
    command.addProperty("token", "legacy");
    command.addProperty("team_id", "T1");
    command.addProperty("channel_id", "CSOCK");
    command.addProperty("user_id", "USOCK");
    command.addProperty("command", "/luotsi");
    command.addProperty("text", "apua");
    command.addProperty("response_url", slackApi.responseUrl("sock-cmd"));
    command.addProperty("trigger_id", "1.2.3");
    socket.push(envelope("env-2", "slash_commands", command.toString()));

    await().atMost(Duration.ofSeconds(10)).until(() -> acked("env-2"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !slackApi.calls("respond/sock-cmd").isEmpty());
    assertThat(slackApi.calls("respond/sock-cmd").get(0).json().get("response_type").getAsString())
        .isEqualTo("ephemeral");
  }

  @Test
  void c_reconnectsAfterTheConnectionDrops() {
    int opensBefore = socket.opened.size();
    int issuedBefore = slackApi.calls("apps.connections.open").size();
    socket.drop();

    await().atMost(Duration.ofSeconds(30)).until(() -> socket.opened.size() > opensBefore);
    assertThat(slackApi.calls("apps.connections.open").size()).isGreaterThan(issuedBefore);
    socket.push(
        envelope(
            "env-3",
            "events_api",
            eventCallback(
                "EvSock3",
                message("USOCK", "DSOCK2", "im", "1804000000.000003", "taas yhteydessä"))));
    await().atMost(Duration.ofSeconds(10)).until(() -> acked("env-3"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !slackApi
                    .calls("chat.postMessage", c -> "DSOCK2".equals(c.param("channel")))
                    .isEmpty());
  }

  private boolean acked(String envelopeId) {
    return socket.received.stream()
        .map(m -> JsonParser.parseString(m).getAsJsonObject())
        .anyMatch(
            m -> m.has("envelope_id") && envelopeId.equals(m.get("envelope_id").getAsString()));
  }

  private static String envelope(String id, String type, String payloadJson) {
    JsonObject envelope = new JsonObject();
    envelope.addProperty("envelope_id", id);
    envelope.add("payload", JsonParser.parseString(payloadJson));
    envelope.addProperty("type", type);
    envelope.addProperty("accepts_response_payload", type.equals("slash_commands"));
    envelope.addProperty("retry_attempt", 0);
    envelope.addProperty("retry_reason", "");
    return envelope.toString();
  }
}
