package fi.luotsi.chat.slack;

import static fi.luotsi.chat.slack.SlackPayloads.blockAction;
import static fi.luotsi.chat.slack.SlackPayloads.eventCallback;
import static fi.luotsi.chat.slack.SlackPayloads.homeOpened;
import static fi.luotsi.chat.slack.SlackPayloads.mention;
import static fi.luotsi.chat.slack.SlackPayloads.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.config.ConfigException;
import fi.luotsi.http.HttpServer;
import fi.luotsi.knowledge.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Slack adapter over HTTP, end to end: signed requests to the real server on a free port, Bolt,
 * the adapter's listeners, and a fake Slack Web API that records what the bot sends. Each test uses
 * its own channel or user, so they share one running adapter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackAdapterIT {
  private static final String SECRET = "test-signing-secret";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-03-04T08:00:00Z"), ZoneOffset.UTC);
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private FakeSlackApi slackApi;
  private ScriptedConversation core;
  private HttpServer server;
  private SlackAdapter adapter;
  private SignedSlackClient slack;

  @BeforeAll
  void start() throws Exception {
    slackApi = new FakeSlackApi();
    core = new ScriptedConversation();
    server = new HttpServer("127.0.0.1", 0, 4 * 1024 * 1024);
    adapter =
        new SlackAdapter(
            new SlackAdapter.Settings(
                "xoxb-fake", Optional.of(SECRET), Optional.empty(), Optional.of(slackApi.apiUrl())),
            core,
            CLOCK);
    adapter.register(server);
    server.start();
    adapter.start();
    slack = new SignedSlackClient(server.port(), SECRET, CLOCK);
  }

  @AfterAll
  void stop() {
    adapter.close();
    server.close();
    slackApi.close();
  }

  @Test
  void checksTheBotTokenWithAuthTestAtStartUp() {
    assertThat(slackApi.calls("auth.test")).isNotEmpty();
    assertThat(slackApi.calls("auth.test").get(0).authorization()).isEqualTo("Bearer xoxb-fake");
  }

  @Test
  void answersMentionInTheMessagesThread() {
    var response =
        slack.json(
            eventCallback(
                "EvMention1",
                mention(
                    "U1", "CMENTION", "1804000000.000001", null, "<@UBOT> Mikä on esteellisyys?")));

    assertThat(response.statusCode()).isEqualTo(200);
    var post = awaitPost("CMENTION");
    assertThat(post.param("thread_ts")).isEqualTo("1804000000.000001");
    IncomingMessage asked = core.withText("Mikä on esteellisyys?").get(0);
    assertThat(asked.direct()).isFalse();
    assertThat(asked.conversationId()).isEqualTo("CMENTION");
    assertThat(asked.userLanguage()).contains(Language.FI);
  }

  @Test
  void answersAMentionInsideAThreadInThatThread() {
    slack.json(
        eventCallback(
            "EvMention2",
            mention(
                "U1",
                "CTHREAD",
                "1804000000.000009",
                "1804000000.000005",
                "<@UBOT> jatkokysymys")));

    assertThat(awaitPost("CTHREAD").param("thread_ts")).isEqualTo("1804000000.000005");
  }

  @Test
  void rendersTheAnswerAsEscapedBlockKit() {
    slack.json(
        eventCallback(
            "EvRender", mention("U1", "CRENDER", "1804000000.000001", null, "<@UBOT> kerro")));

    var post = awaitPost("CRENDER");
    // Re-serialised, so that the JSON's \u003c escapes read as the characters Slack sees.
    String blocks = JsonParser.parseString(post.param("blocks")).toString();
    assertThat(blocks)
        .contains("\"block_id\":\"luotsi.heading\"")
        .contains("\"block_id\":\"luotsi.text.0\"")
        .contains("\"block_id\":\"luotsi.sources\"")
        .contains("\"block_id\":\"luotsi.note\"")
        .contains("\"block_id\":\"luotsi.related\"")
        .contains("\"block_id\":\"luotsi.feedback\"")
        .contains("\"action_id\":\"luotsi.ask.0\"")
        .contains("\"action_id\":\"luotsi.feedback_up.0\"")
        .contains("\"action_id\":\"luotsi.feedback_down.1\"")
        .doesNotContain("luotsi.share")
        .contains("<https://www.finlex.fi/fi/laki/ajantasa/2015/20150410|Esteellisyys>")
        .contains("&lt;!channel&gt; &amp; &lt;@U999&gt; &lt;https://evil.example|klikkaa&gt;")
        .doesNotContain("<!channel>")
        .doesNotContain("<@U999>")
        .doesNotContain("<https://evil.example");
    assertThat(post.param("text")).isEqualTo("Esteellisyys");
  }

  @Test
  void answersADirectMessageInTheDm() {
    slack.json(
        eventCallback(
            "EvDm1", message("UDM", "DDM1", "im", "1804000000.000001", "Mitä on jääviys?")));

    var post = awaitPost("DDM1");
    assertThat(post.param("thread_ts")).isNull();
    IncomingMessage asked = core.withText("Mitä on jääviys?").get(0);
    assertThat(asked.direct()).isTrue();
    assertThat(asked.userId()).isEqualTo("UDM");
  }

  @Test
  void usesTheUsersSlackLocaleAndLooksItUpOnce() {
    slackApi.locale("USV", "sv-SE");
    slack.json(
        eventCallback("EvSv1", message("USV", "DSV", "im", "1804000000.000001", "fråga ett")));
    slack.json(
        eventCallback("EvSv2", message("USV", "DSV", "im", "1804000000.000002", "fråga två")));

    await().atMost(PATIENCE).until(() -> slackApi.calls("chat.postMessage", in("DSV")).size() == 2);
    assertThat(core.withText("fråga ett").get(0).userLanguage()).contains(Language.SV);
    assertThat(core.withText("fråga två").get(0).userLanguage()).contains(Language.SV);
    assertThat(slackApi.calls("users.info", c -> "USV".equals(c.param("user")))).hasSize(1);
    assertThat(slackApi.calls("users.info").get(0).param("include_locale")).isEqualTo("1");
  }

  @Test
  void doesNotAnswerChannelMessagesWithoutAMentionNorBotsNorEdits() {
    String ts = "1804000000.000001";
    slack.json(eventCallback("EvChan", message("U1", "CQUIET", "channel", ts, "ei minulle")));
    JsonObject fromBot = message("U2", "DQUIET", "im", ts, "botin viesti");
    fromBot.addProperty("bot_id", "BOTHER");
    slack.json(eventCallback("EvBot", fromBot));
    JsonObject edit = message("U1", "DQUIET", "im", "1804000000.000002", "muokattu");
    edit.addProperty("subtype", "message_changed");
    var editResponse = slack.json(eventCallback("EvEdit", edit));
    JsonObject join = message("U1", "DQUIET", "im", "1804000000.000003", "liittyi");
    join.addProperty("subtype", "channel_join");
    slack.json(eventCallback("EvJoin", join));
    // A message that is answered, sent after the ignored ones.
    slack.json(
        eventCallback("EvSentinel", message("U1", "DQUIET", "im", "1804000000.000004", "vartija")));

    assertThat(editResponse.statusCode()).isEqualTo(200);
    awaitPost("DQUIET");
    assertThat(core.received)
        .extracting(IncomingMessage::text)
        .doesNotContain("ei minulle", "botin viesti", "muokattu", "liittyi");
    assertThat(slackApi.calls("chat.postMessage", in("CQUIET"))).isEmpty();
    assertThat(slackApi.calls("chat.postMessage", in("DQUIET"))).hasSize(1);
  }

  @Test
  void answersSlackRetriesAndDuplicateEventsOnce() {
    String body =
        eventCallback(
            "EvRetry", mention("U1", "CRETRY", "1804000000.000001", null, "<@UBOT> kerran"));
    assertThat(slack.json(body).statusCode()).isEqualTo(200);
    awaitPost("CRETRY");

    var retry = slack.json(body, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
    var duplicate = slack.json(body);
    slack.json(
        eventCallback(
            "EvRetryNext", mention("U1", "CRETRY", "1804000000.000002", null, "<@UBOT> toinen")));

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(duplicate.statusCode()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .until(() -> slackApi.calls("chat.postMessage", in("CRETRY")).size() == 2);
    assertThat(core.withText("kerran")).hasSize(1);
  }

  @Test
  void acknowledgesBeforeTheAnswerIsReady() {
    var response =
        slack.json(
            eventCallback("EvSlow", message("USLOW", "DSLOW", "im", "1804000000.000001", "hidas")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(slackApi.calls("chat.postMessage", in("DSLOW"))).isEmpty();
    core.slowGate.countDown();
    awaitPost("DSLOW");
  }

  @Test
  void answersPolitelyWhenTheCoreFails() {
    slack.json(
        eventCallback("EvBroken", message("U1", "DBROKEN", "im", "1804000000.000001", "kaadu")));

    assertThat(awaitPost("DBROKEN").param("text")).contains("Luotsi ei juuri nyt pysty vastaamaan");
  }

  @Test
  void slashCommandAnswersOnlyTheAskerWithAShareButton() {
    var response =
        slack.form(
            Map.of(
                "command", "/luotsi",
                "text", "Olenko esteellinen?",
                "team_id", "T1",
                "channel_id", "CSLASH",
                "user_id", "USLASH",
                "response_url", slackApi.responseUrl("slash1"),
                "trigger_id", "1.2.3"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    JsonObject reply = awaitRespond("slash1");
    assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
    String blocks = reply.get("blocks").toString();
    assertThat(blocks).contains("\"action_id\":\"luotsi.share.0\"").contains("\"value\":\"ans-");
    assertThat(slackApi.calls("chat.postMessage", in("CSLASH"))).isEmpty();
    assertThat(core.withText("Olenko esteellinen?").get(0).conversationId()).isEqualTo("CSLASH");
  }

  @Test
  void slashCommandPassesHelpToTheCore() {
    slack.form(
        Map.of(
            "command", "/luotsi",
            "text", "apua",
            "channel_id", "CHELP",
            "user_id", "UHELP",
            "response_url", slackApi.responseUrl("help1")));

    JsonObject reply = awaitRespond("help1");
    assertThat(reply.get("blocks").toString()).contains("Kysy esimerkiksi esteellisyydest");
  }

  @Test
  void shareButtonPostsThePrivateAnswerInTheChannel() {
    String responseUrl = slackApi.responseUrl("share1");
    var response =
        slack.interaction(
            blockAction("USHARE", "CSHARE", true, null, "luotsi.share.0", "ans-77", responseUrl));

    assertThat(response.statusCode()).isEqualTo(200);
    var post = awaitPost("CSHARE");
    assertThat(post.param("thread_ts")).isNull();
    IncomingMessage pressed = core.withText("ans-77").get(0);
    assertThat(pressed.action()).isEqualTo(Button.Action.SHARE);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                slackApi.calls("respond/share1").stream()
                    .anyMatch(c -> c.json().has("delete_original")));
  }

  @Test
  void shareFallsBackToTheResponseUrlWhereTheBotIsNotAMember() {
    slackApi.scriptNext(
        "chat.postMessage", 200, "{\"ok\":false,\"error\":\"not_in_channel\"}", null);
    String responseUrl = slackApi.responseUrl("share2");
    slack.interaction(
        blockAction("USHARE2", "CNOTMEMBER", true, null, "luotsi.share.0", "ans-78", responseUrl));

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                slackApi.calls("respond/share2").stream()
                    .anyMatch(
                        c ->
                            c.json().has("response_type")
                                && "in_channel"
                                    .equals(c.json().get("response_type").getAsString())));
  }

  @Test
  void feedbackButtonReachesTheCoreAndIsAcknowledgedPrivately() {
    String responseUrl = slackApi.responseUrl("fb1");
    slack.interaction(
        blockAction(
            "UFB",
            "CFB",
            false,
            "1804000000.000001",
            "luotsi.feedback_down.1",
            "ans-5",
            responseUrl));

    JsonObject reply = awaitRespond("fb1");
    assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(reply.get("replace_original").getAsBoolean()).isFalse();
    IncomingMessage pressed = core.withText("ans-5").get(0);
    assertThat(pressed.action()).isEqualTo(Button.Action.FEEDBACK_DOWN);
    assertThat(pressed.userId()).isEqualTo("UFB");
  }

  @Test
  void followUpButtonAsksInTheSameThread() {
    slack.interaction(
        blockAction(
            "UASK",
            "CASK",
            false,
            "1804000000.000001",
            "luotsi.ask.0",
            "Mitä tarkoittaa intressijäävi?",
            slackApi.responseUrl("ask1")));

    assertThat(awaitPost("CASK").param("thread_ts")).isEqualTo("1804000000.000001");
    assertThat(core.withText("Mitä tarkoittaa intressijäävi?").get(0).action())
        .isEqualTo(Button.Action.ASK);
  }

  @Test
  void followUpOfAPrivateAnswerStaysPrivate() {
    slack.interaction(
        blockAction(
            "UASK2",
            "CASK2",
            true,
            null,
            "luotsi.ask.0",
            "Entä jääviys?",
            slackApi.responseUrl("ask2")));

    JsonObject reply = awaitRespond("ask2");
    assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(slackApi.calls("chat.postMessage", in("CASK2"))).isEmpty();
  }

  @Test
  void unknownButtonsAreAcknowledgedAndIgnored() {
    var response =
        slack.interaction(
            blockAction(
                "UX", "CX", false, null, "someone_elses_button", "x", slackApi.responseUrl("x")));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void appHomeShowsHowToAskTheCoresHelpAndUpcomingSessions() {
    slack.json(eventCallback("EvHome", homeOpened("UHOME")));

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !slackApi
                    .calls("views.publish", c -> "UHOME".equals(c.param("user_id")))
                    .isEmpty());
    var publish = slackApi.calls("views.publish", c -> "UHOME".equals(c.param("user_id"))).get(0);
    JsonObject view = JsonParser.parseString(publish.param("view")).getAsJsonObject();
    assertThat(view.get("type").getAsString()).isEqualTo("home");
    assertThat(view.get("blocks").toString())
        .contains("Kysy minulta")
        .contains("Kysy esimerkiksi esteellisyydest")
        .contains("luotsi.ask.0")
        .contains("Seuraavat tilaisuutesi")
        .contains("Eettisyys ja esteellisyys")
        .contains("sparraus-esteellisyys");
    assertThat(core.received)
        .anyMatch(m -> m.userId().equals("UHOME") && m.text().equals("apua") && m.direct())
        .anyMatch(m -> m.userId().equals("UHOME") && m.text().equals("seuraavat") && m.direct());
  }

  @Test
  void echoesTheUrlVerificationChallenge() {
    var response =
        slack.json("{\"token\":\"t\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("c-123");
  }

  @Test
  void rejectsForgedSlackSignature() {
    String body =
        eventCallback("EvForged", message("U1", "DFORGED", "im", "1804000000.000001", "x"));
    String ts = String.valueOf(CLOCK.instant().getEpochSecond());
    var response = slack.raw(body, "application/json", ts, "v0=" + "0".repeat(64));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(slack.raw(body, "application/json", null, null).statusCode()).isEqualTo(401);
    assertThat(core.received).noneMatch(m -> m.conversationId().equals("DFORGED"));
  }

  @Test
  void rejectsStaleSlackSignature() {
    String body = eventCallback("EvStale", message("U1", "DSTALE", "im", "1804000000.000001", "x"));

    assertThat(slack.send(body, "application/json", -301).statusCode()).isEqualTo(401);
    assertThat(slack.send(body, "application/json", -600).statusCode()).isEqualTo(401);
  }

  @Test
  void rejectsFutureSlackSignature() {
    String body =
        eventCallback("EvFuture", message("U1", "DFUTURE", "im", "1804000000.000001", "x"));

    assertThat(slack.send(body, "application/json", 301).statusCode()).isEqualTo(401);
    assertThat(slack.send(body, "application/json", 3600).statusCode()).isEqualTo(401);
  }

  @Test
  void acceptsClockSkewWithinFiveMinutes() {
    String body = "{\"token\":\"t\",\"challenge\":\"skew\",\"type\":\"url_verification\"}";

    assertThat(slack.send(body, "application/json", 299).statusCode()).isEqualTo(200);
    assertThat(slack.send(body, "application/json", -299).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesOversizedBodies() {
    String body = "{\"type\":\"event_callback\",\"padding\":\"" + "x".repeat(1_200_000) + "\"}";

    assertThat(slack.json(body).statusCode()).isEqualTo(413);
  }

  @Test
  void rejectsMalformedPayloads() {
    assertThat(slack.json("{not json").statusCode()).isEqualTo(400);
    assertThat(slack.json("{\"type\":\"event_callback\"}").statusCode()).isEqualTo(400);
    assertThat(slack.json("[1,2,3]").statusCode()).isEqualTo(400);
    assertThat(slack.form(Map.of("hello", "world")).statusCode()).isEqualTo(400);
    assertThat(slack.interaction("{\"type\":\"block_actions\",\"actions\":\"nope\"}").statusCode())
        .isEqualTo(400);
    assertThat(slack.interaction("not json").statusCode()).isEqualTo(400);
  }

  @Test
  void retriesAReplyAfterSlacksRetryAfter() {
    slackApi.scriptNext("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", "1");
    slack.json(eventCallback("Ev429", message("U429", "D429", "im", "1804000000.000001", "kiire")));

    await()
        .atMost(PATIENCE)
        .until(() -> slackApi.calls("chat.postMessage", in("D429")).size() == 2);
    assertThat(core.withText("kiire")).hasSize(1);
  }

  @Test
  void messengerSendsAndReportsThrottlingAndGoneRecipients() {
    SlackMessenger messenger = adapter.messenger();
    var recipient = new fi.luotsi.delivery.Recipient(fi.luotsi.chat.Platform.SLACK, "CBROADCAST");
    var reminder = fi.luotsi.chat.Reply.info(Language.FI, "Huomenna sparraus klo 17.");

    var sent = messenger.send(recipient, reminder);
    assertThat(sent).isInstanceOf(fi.luotsi.delivery.DeliveryResult.Sent.class);
    String ref = ((fi.luotsi.delivery.DeliveryResult.Sent) sent).messageRef();
    assertThat(ref).startsWith("CBROADCAST:");
    assertThat(messenger.update(recipient, ref, reminder))
        .isEqualTo(new fi.luotsi.delivery.DeliveryResult.Sent(ref));
    assertThat(messenger.delete(recipient, ref))
        .isEqualTo(new fi.luotsi.delivery.DeliveryResult.Sent(ref));

    slackApi.scriptNext("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", "7");
    assertThat(messenger.send(recipient, reminder))
        .isEqualTo(new fi.luotsi.delivery.DeliveryResult.Throttled(Duration.ofSeconds(7)));

    slackApi.scriptNext(
        "chat.postMessage", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}", null);
    assertThat(messenger.send(recipient, reminder))
        .isEqualTo(new fi.luotsi.delivery.DeliveryResult.Gone("channel_not_found"));

    slackApi.scriptNext("chat.postMessage", 503, "upstream down", null);
    assertThat(messenger.send(recipient, reminder))
        .isEqualTo(new fi.luotsi.delivery.DeliveryResult.Failed("HTTP 503", true));

    assertThat(messenger.update(recipient, "no-colon", reminder))
        .isInstanceOf(fi.luotsi.delivery.DeliveryResult.Failed.class);
  }

  @Test
  void refusesToStartWhenSlackRefusesTheBotToken() throws Exception {
    try (FakeSlackApi refusing = new FakeSlackApi()) {
      refusing.refuseAuth();
      SlackAdapter refused =
          new SlackAdapter(
              new SlackAdapter.Settings(
                  "xoxb-revoked",
                  Optional.of(SECRET),
                  Optional.empty(),
                  Optional.of(refusing.apiUrl())),
              core,
              CLOCK);
      try {
        assertThatThrownBy(refused::start)
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("invalid_auth")
            .hasMessageNotContaining("xoxb-revoked");
      } finally {
        refused.close();
      }
    }
  }

  private FakeSlackApi.Call awaitPost(String channel) {
    await()
        .atMost(PATIENCE)
        .until(() -> !slackApi.calls("chat.postMessage", in(channel)).isEmpty());
    return slackApi.calls("chat.postMessage", in(channel)).get(0);
  }

  private JsonObject awaitRespond(String id) {
    await().atMost(PATIENCE).until(() -> !slackApi.calls("respond/" + id).isEmpty());
    return slackApi.calls("respond/" + id).get(0).json();
  }

  private static java.util.function.Predicate<FakeSlackApi.Call> in(String channel) {
    return c -> channel.equals(c.param("channel"));
  }
}
