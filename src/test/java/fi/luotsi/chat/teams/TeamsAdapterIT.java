package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryResult;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.http.HttpServer;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Posts activities to {@code /api/messages} as Teams does (local mode, on loopback) and reads the
 * bot's replies from a fake Bot Connector at the activities' {@code serviceUrl}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsAdapterIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC);

  private final HttpClient client = HttpClient.newHttpClient();
  private final RecordingHandler handler = new RecordingHandler();
  private final List<Duration> pacerSleeps = new ArrayList<>();
  private MutableClock pacerClock;
  private FakeConnector connector;
  private Database database;
  private TeamsAdapter adapter;
  private HttpServer server;
  private TeamsActivities teams;

  @BeforeAll
  void start() throws Exception {
    connector = new FakeConnector();
    teams = new TeamsActivities(connector.serviceUrl());
    database = Database.open(Database.inMemoryUrl("teams-" + UUID.randomUUID()), "", "");
    pacerClock = new MutableClock(Instant.parse("2027-03-01T10:00:00Z"));
    SendPacer pacer =
        new SendPacer(
            pacerClock,
            duration -> {
              pacerSleeps.add(duration);
              pacerClock.advance(duration);
            },
            SendPacer.TEAMS_PER_CONVERSATION,
            SendPacer.TEAMS_PER_TENANT);
    adapter =
        new TeamsAdapter(
            localSettings(),
            handler,
            database.dataSource(),
            CLOCK,
            new TeamsAdapter.Wiring(
                Optional.empty(), TeamsBotAdapter.CredentialsFactory.ENTRA_ID, pacer));
    server = new HttpServer("127.0.0.1", 0, 1_000_000);
    adapter.register(server);
    server.start();
  }

  @BeforeEach
  void reset() throws SQLException {
    connector.clear();
    handler.received.clear();
    pacerSleeps.clear();
    pacerClock.advance(Duration.ofMinutes(5));
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM teams_conversation_reference");
    }
  }

  @AfterAll
  void stop() {
    server.close();
    adapter.close();
    database.close();
    connector.close();
  }

  private static TeamsAdapter.Settings localSettings() {
    return new TeamsAdapter.Settings(
        Optional.empty(), Optional.empty(), Optional.empty(), true, false);
  }

  private HttpResponse<String> post(String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(JsonNode activity) throws Exception {
    return post(activity.toString());
  }

  private List<String> storedConversations() throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT conversation_id FROM teams_conversation_reference ORDER BY conversation_id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  @Test
  void answersPersonalMessageWithAdaptiveCard() throws Exception {
    HttpResponse<String> response =
        post(teams.personalMessage("user-1", "a:personal-1", "Mitä esteellisyys on?", "sv-SE"));

    assertThat(response.statusCode()).isEqualTo(202);
    IncomingMessage message = handler.last();
    assertThat(message.platform()).isEqualTo(Platform.TEAMS);
    assertThat(message.userId()).isEqualTo("aad-user-1");
    assertThat(message.conversationId()).isEqualTo("a:personal-1");
    assertThat(message.text()).isEqualTo("Mitä esteellisyys on?");
    assertThat(message.action()).isEqualTo(Button.Action.NONE);
    assertThat(message.userLanguage()).contains(Language.SV);
    assertThat(message.direct()).isTrue();

    List<FakeConnector.Call> sent = connector.activityCalls();
    assertThat(sent).hasSize(1);
    FakeConnector.Call reply = sent.get(0);
    assertThat(reply.method()).isEqualTo("POST");
    assertThat(reply.path()).startsWith("/emea/v3/conversations/a:personal-1/activities/");
    assertThat(reply.body().path("attachments").path(0).path("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(reply.body().path("locale").asText()).isEqualTo("sv");
    assertThat(reply.cardTexts())
        .contains(
            "Esteellisyyden perusteet",
            "Kysyit: Mitä esteellisyys on?",
            "Jäsen on \\*esteellinen\\*, jos \\[asianosainen\\] on läheinen.",
            "Källor",
            "• Esteellisyyden perusteet (hallintolaki 434/2003 28 §)",
            "Var svaret till hjälp?");
    String card = reply.card().toString();
    assertThat(card)
        .contains(
            "\"type\":\"Action.OpenUrl\"",
            "https://www.finlex.fi/fi/laki/ajantasa/2003/20030434",
            "{\"luotsiAction\":\"ASK\",\"luotsiValue\":\"Mitä on jääviys?\"}",
            "{\"luotsiAction\":\"FEEDBACK_UP\",\"luotsiValue\":\"q-1\"}",
            "{\"luotsiAction\":\"FEEDBACK_DOWN\",\"luotsiValue\":\"q-1\"}");
    assertThat(storedConversations()).containsExactly("a:personal-1");
  }

  @Test
  void answersChannelMentionInTheThreadWithoutTheMention() throws Exception {
    String channel = "19:chan-1@thread.tacv2";
    String root = TeamsActivities.nextId();

    HttpResponse<String> response =
        post(teams.channelMention("user-1", channel, root, "Mikä on kunnanhallitus?"));

    assertThat(response.statusCode()).isEqualTo(202);
    IncomingMessage message = handler.last();
    assertThat(message.text()).isEqualTo("Mikä on kunnanhallitus?");
    assertThat(message.direct()).isFalse();
    assertThat(message.conversationId()).isEqualTo(channel);
    assertThat(message.userLanguage()).contains(Language.FI);
    FakeConnector.Call reply = connector.activityCalls().get(0);
    assertThat(reply.path())
        .isEqualTo(
            "/emea/v3/conversations/" + channel + ";messageid=" + root + "/activities/" + root);
    assertThat(reply.body().path("replyToId").asText()).isEqualTo(root);
    assertThat(storedConversations()).containsExactly(channel);
  }

  @Test
  void ignoresChannelMessagesThatDoNotMentionTheBot() throws Exception {
    HttpResponse<String> response =
        post(teams.channelMessageWithoutMention("user-1", "19:chan-2@thread.tacv2", "Huomenta"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(handler.received).isEmpty();
    assertThat(connector.activityCalls()).isEmpty();
  }

  @Test
  void passesCardButtonPressToTheCoreAsItsAction() throws Exception {
    post(teams.submit("user-1", "a:personal-1", "ASK", "Mitä on jääviys?"));
    post(teams.submit("user-1", "a:personal-1", "FEEDBACK_DOWN", "q-1"));
    post(teams.submit("user-1", "a:personal-1", "NOT_AN_ACTION", "x"));

    assertThat(handler.received)
        .extracting(IncomingMessage::action, IncomingMessage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Button.Action.ASK, "Mitä on jääviys?"),
            org.assertj.core.groups.Tuple.tuple(Button.Action.FEEDBACK_DOWN, "q-1"));
    assertThat(connector.activityCalls()).hasSize(2);
    assertThat(connector.activityCalls().get(1).cardTexts())
        .containsExactly("Kiitos palautteesta!");
  }

  @Test
  void welcomesAndRemembersPersonalInstallThenForgetsOnUninstall() throws Exception {
    assertThat(post(teams.botInstalledPersonally("user-2", "a:personal-2", "en-GB")).statusCode())
        .isEqualTo(202);

    FakeConnector.Call welcome = connector.activityCalls().get(0);
    assertThat(welcome.path()).startsWith("/emea/v3/conversations/a:personal-2/activities");
    assertThat(welcome.cardTexts().get(0)).startsWith("Hi! I am Luotsi");
    assertThat(storedConversations()).containsExactly("a:personal-2");

    assertThat(post(teams.installationUpdate("user-2", "a:personal-2", "remove")).statusCode())
        .isEqualTo(202);
    assertThat(storedConversations()).isEmpty();
    assertThat(adapter.messenger().send(new Recipient(Platform.TEAMS, "a:personal-2"), reminder()))
        .isInstanceOf(DeliveryResult.Gone.class);
  }

  @Test
  void welcomesTeamOnceAndForgetsAllItsChannelsWhenRemoved() throws Exception {
    String general = TeamsActivities.TEAM;
    post(teams.botAddedToTeam("user-1", general));
    post(teams.channelMention("user-1", "19:chan-3@thread.tacv2", TeamsActivities.nextId(), "Hei"));
    assertThat(storedConversations()).containsExactly("19:chan-3@thread.tacv2", general);
    FakeConnector.Call welcome = connector.activityCalls().get(0);
    assertThat(welcome.cardTexts().get(0)).startsWith("Hei kaikki! Olen Luotsi");

    connector.clear();
    post(teams.userJoinedTeam("user-1", general, "29:user-9"));
    assertThat(connector.calls())
        .extracting(FakeConnector.Call::method, FakeConnector.Call::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "GET", "/emea/v3/conversations/" + TeamsActivities.TEAM + "/members/29:user-9"));

    post(teams.botRemovedFromTeam("user-1", general));
    assertThat(storedConversations()).isEmpty();
  }

  @Test
  void sendsUpdatesAndDeletesProactively() throws Exception {
    post(teams.botInstalledPersonally("user-3", "a:personal-3", "fi-FI"));
    connector.clear();
    Recipient recipient = new Recipient(Platform.TEAMS, "a:personal-3");

    DeliveryResult sent = adapter.messenger().send(recipient, reminder());
    assertThat(sent).isInstanceOf(DeliveryResult.Sent.class);
    String ref = ((DeliveryResult.Sent) sent).messageRef();
    assertThat(ref).startsWith("activity-");
    FakeConnector.Call post = connector.activityCalls().get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/emea/v3/conversations/a:personal-3/activities");
    assertThat(post.authorization()).isNull(); // local mode sends no token
    assertThat(post.body().path("channelData").path("notification").path("alert").asBoolean())
        .isTrue();
    assertThat(post.body().path("from").path("id").asText()).isEqualTo(TeamsActivities.BOT_ID);
    assertThat(post.cardTexts()).contains("Muistutus: sparraus huomenna klo 17.");

    assertThat(adapter.messenger().update(recipient, ref, Reply.info(Language.FI, "Peruttu.")))
        .isEqualTo(new DeliveryResult.Sent(ref));
    assertThat(adapter.messenger().delete(recipient, ref)).isEqualTo(new DeliveryResult.Sent(ref));
    assertThat(connector.activityCalls())
        .extracting(FakeConnector.Call::method, FakeConnector.Call::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "POST", "/emea/v3/conversations/a:personal-3/activities"),
            org.assertj.core.groups.Tuple.tuple(
                "PUT", "/emea/v3/conversations/a:personal-3/activities/" + ref),
            org.assertj.core.groups.Tuple.tuple(
                "DELETE", "/emea/v3/conversations/a:personal-3/activities/" + ref));
  }

  @Test
  void reportsThrottlingOnceThenSendsOnTheNextCall() throws Exception {
    post(teams.botInstalledPersonally("user-4", "a:personal-4", "fi-FI"));
    connector.clear();
    Recipient recipient = new Recipient(Platform.TEAMS, "a:personal-4");
    connector.failNext(
        429, Map.of("Retry-After", "3"), "{\"error\":{\"code\":\"TooManyRequests\"}}");

    assertThat(adapter.messenger().send(recipient, reminder()))
        .isEqualTo(new DeliveryResult.Throttled(Duration.ofSeconds(3)));
    assertThat(connector.activityCalls()).hasSize(1); // one attempt: the SDK does not retry 429

    assertThat(adapter.messenger().send(recipient, reminder()))
        .isInstanceOf(DeliveryResult.Sent.class);
    assertThat(connector.activityCalls()).hasSize(2);
  }

  @Test
  void reportsEachFailureFaithfullyAfterOneAttempt() throws Exception {
    post(teams.botInstalledPersonally("user-5", "a:personal-5", "fi-FI"));
    Recipient recipient = new Recipient(Platform.TEAMS, "a:personal-5");
    String notFound = "{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"gone\"}}";
    record Case(int status, DeliveryResult expected) {}
    List<Case> cases =
        List.of(
            new Case(403, new DeliveryResult.Gone("HTTP 403")),
            new Case(404, new DeliveryResult.Gone("HTTP 404 ConversationNotFound")),
            new Case(412, new DeliveryResult.Failed("HTTP 412", true)),
            new Case(502, new DeliveryResult.Failed("HTTP 502", true)),
            new Case(504, new DeliveryResult.Failed("HTTP 504", true)),
            new Case(400, new DeliveryResult.Failed("HTTP 400", false)));
    for (Case c : cases) {
      connector.clear();
      connector.failNext(c.status(), Map.of(), c.status() == 404 ? notFound : "");
      pacerClock.advance(Duration.ofMinutes(1));
      assertThat(adapter.messenger().send(recipient, reminder()))
          .as("HTTP %d", c.status())
          .isEqualTo(c.expected());
      assertThat(connector.activityCalls()).as("attempts for HTTP %d", c.status()).hasSize(1);
    }
  }

  @Test
  void reportsUnknownConversationAsGoneWithoutCallingTeams() {
    assertThat(adapter.messenger().send(new Recipient(Platform.TEAMS, "a:nobody"), reminder()))
        .isInstanceOf(DeliveryResult.Gone.class);
    assertThat(adapter.messenger().send(new Recipient(Platform.SLACK, "C123"), reminder()))
        .isEqualTo(new DeliveryResult.Failed("not a Teams recipient: slack:C123", false));
    assertThat(connector.calls()).isEmpty();
  }

  @Test
  void reportsUnreachableConnectorAsRetryableFailure() throws Exception {
    FakeConnector elsewhere = new FakeConnector();
    post(
        new TeamsActivities(elsewhere.serviceUrl())
            .botInstalledPersonally("user-6", "a:personal-6", "fi-FI"));
    elsewhere.close();

    DeliveryResult result =
        adapter.messenger().send(new Recipient(Platform.TEAMS, "a:personal-6"), reminder());

    assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
    assertThat(((DeliveryResult.Failed) result).retryable()).isTrue();
    assertThat(((DeliveryResult.Failed) result).reason())
        .startsWith("cannot reach the Bot Connector");
  }

  @Test
  void pacesProactiveSendsToSevenPerSecondPerConversation() throws Exception {
    post(teams.botInstalledPersonally("user-7", "a:personal-7", "fi-FI"));
    Recipient recipient = new Recipient(Platform.TEAMS, "a:personal-7");

    for (int i = 0; i < 8; i++) {
      assertThat(adapter.messenger().send(recipient, reminder()))
          .isInstanceOf(DeliveryResult.Sent.class);
    }

    assertThat(pacerSleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void refusesEmptyAndNonJsonBodiesWith400() throws Exception {
    assertThat(post("").statusCode()).isEqualTo(400);
    assertThat(post("not json").statusCode()).isEqualTo(400);
    assertThat(post("[1,2]").statusCode()).isEqualTo(400);
    assertThat(post("{\"text\":\"no type\"}").statusCode()).isEqualTo(400);
    ObjectNode noServiceUrl = teams.personalMessage("user-1", "a:p", "hei", "fi-FI");
    noServiceUrl.remove("serviceUrl");
    assertThat(post(noServiceUrl).statusCode()).isEqualTo(400);
    assertThat(handler.received).isEmpty();
  }

  @Test
  void refusesServiceUrlsOffThisMachineInLocalMode() throws Exception {
    ObjectNode activity = teams.personalMessage("user-1", "a:p", "hei", "fi-FI");
    activity.put("serviceUrl", "https://attacker.example/");

    HttpResponse<String> response = post(activity);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("local mode");
    assertThat(handler.received).isEmpty();
  }

  @Test
  void leavesTheJvmDefaultLocaleAlone() throws Exception {
    Locale before = Locale.getDefault();

    post(teams.personalMessage("user-1", "a:personal-1", "Kysymys", "tr-TR"));

    assertThat(handler.received).hasSize(1);
    assertThat(Locale.getDefault()).isEqualTo(before);
  }

  @Test
  void apologisesWhenTheCoreFails() throws Exception {
    HttpResponse<String> response =
        post(teams.personalMessage("user-1", "a:personal-1", "boom", "fi-FI"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(connector.activityCalls().get(0).cardTexts().get(0)).startsWith("Pahoittelen");
  }

  private static Reply reminder() {
    return Reply.info(Language.FI, "Muistutus: sparraus huomenna klo 17.");
  }
}
