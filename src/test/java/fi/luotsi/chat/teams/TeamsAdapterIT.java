package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryResult;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.knowledge.Language;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
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
  private LocalTeams local;
  private TeamsActivities activities;

  @BeforeAll
  void start() throws Exception {
    local = new LocalTeams();
    activities = local.teams;
  }

  @BeforeEach
  void reset() throws SQLException {
    local.reset();
  }

  @AfterAll
  void stop() {
    local.close();
  }

  @Test
  void answersPersonalMessageWithAdaptiveCard() throws Exception {
    HttpResponse<String> response =
        local.post(
            activities.personalMessage("user-1", "a:personal-1", "Mitä esteellisyys on?", "sv-SE"));

    assertThat(response.statusCode()).isEqualTo(202);
    IncomingMessage message = local.handler.last();
    assertThat(message.platform()).isEqualTo(Platform.TEAMS);
    assertThat(message.userId()).isEqualTo("aad-user-1");
    assertThat(message.conversationId()).isEqualTo("a:personal-1");
    assertThat(message.text()).isEqualTo("Mitä esteellisyys on?");
    assertThat(message.action()).isEqualTo(Button.Action.NONE);
    assertThat(message.userLanguage()).contains(Language.SV);
    assertThat(message.direct()).isTrue();

    List<FakeConnector.Call> sent = local.connector.activityCalls();
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
    assertThat(local.storedConversations()).containsExactly("a:personal-1");
  }

  @Test
  void answersChannelMentionInTheThreadWithoutTheMention() throws Exception {
    String channel = "19:chan-1@thread.tacv2";
    String root = TeamsActivities.nextId();

    HttpResponse<String> response =
        local.post(activities.channelMention("user-1", channel, root, "Mikä on kunnanhallitus?"));

    assertThat(response.statusCode()).isEqualTo(202);
    IncomingMessage message = local.handler.last();
    assertThat(message.text()).isEqualTo("Mikä on kunnanhallitus?");
    assertThat(message.direct()).isFalse();
    assertThat(message.conversationId()).isEqualTo(channel);
    assertThat(message.userLanguage()).contains(Language.FI);
    FakeConnector.Call reply = local.connector.activityCalls().get(0);
    assertThat(reply.path())
        .isEqualTo(
            "/emea/v3/conversations/" + channel + ";messageid=" + root + "/activities/" + root);
    assertThat(reply.body().path("replyToId").asText()).isEqualTo(root);
    assertThat(local.storedConversations()).containsExactly(channel);
  }

  @Test
  void ignoresChannelMessagesThatDoNotMentionTheBot() throws Exception {
    HttpResponse<String> response =
        local.post(
            activities.channelMessageWithoutMention(
                "user-1", "19:chan-2@thread.tacv2", "Huomenta"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(local.handler.received).isEmpty();
    assertThat(local.connector.activityCalls()).isEmpty();
  }

  @Test
  void passesCardButtonPressToTheCoreAsItsAction() throws Exception {
    local.post(activities.submit("user-1", "a:personal-1", "ASK", "Mitä on jääviys?"));
    local.post(activities.submit("user-1", "a:personal-1", "FEEDBACK_DOWN", "q-1"));
    local.post(activities.submit("user-1", "a:personal-1", "NOT_AN_ACTION", "x"));

    assertThat(local.handler.received)
        .extracting(IncomingMessage::action, IncomingMessage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Button.Action.ASK, "Mitä on jääviys?"),
            org.assertj.core.groups.Tuple.tuple(Button.Action.FEEDBACK_DOWN, "q-1"));
    assertThat(local.connector.activityCalls()).hasSize(2);
    assertThat(local.connector.activityCalls().get(1).cardTexts())
        .containsExactly("Kiitos palautteesta!");
  }

  @Test
  void welcomesAndRemembersPersonalInstallThenForgetsOnUninstall() throws Exception {
    assertThat(
            local
                .post(activities.botInstalledPersonally("user-2", "a:personal-2", "en-GB"))
                .statusCode())
        .isEqualTo(202);

    FakeConnector.Call welcome = local.connector.activityCalls().get(0);
    assertThat(welcome.path()).startsWith("/emea/v3/conversations/a:personal-2/activities");
    assertThat(welcome.cardTexts().get(0)).startsWith("Hi! I am Luotsi");
    assertThat(local.storedConversations()).containsExactly("a:personal-2");

    assertThat(
            local
                .post(activities.installationUpdate("user-2", "a:personal-2", "remove"))
                .statusCode())
        .isEqualTo(202);
    assertThat(local.storedConversations()).isEmpty();
    assertThat(local.messenger().send(new Recipient(Platform.TEAMS, "a:personal-2"), reminder()))
        .isInstanceOf(DeliveryResult.Gone.class);
  }

  @Test
  void welcomesTeamOnceAndForgetsAllItsChannelsWhenRemoved() throws Exception {
    String general = TeamsActivities.TEAM;
    local.post(activities.botAddedToTeam("user-1", general));
    local.post(
        activities.channelMention(
            "user-1", "19:chan-3@thread.tacv2", TeamsActivities.nextId(), "Hei"));
    assertThat(local.storedConversations()).containsExactly("19:chan-3@thread.tacv2", general);
    FakeConnector.Call welcome = local.connector.activityCalls().get(0);
    assertThat(welcome.cardTexts().get(0)).startsWith("Hei kaikki! Olen Luotsi");

    local.connector.clear();
    local.post(activities.userJoinedTeam("user-1", general, "29:user-9"));
    assertThat(local.connector.calls())
        .extracting(FakeConnector.Call::method, FakeConnector.Call::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "GET", "/emea/v3/conversations/" + TeamsActivities.TEAM + "/members/29:user-9"));

    local.post(activities.botRemovedFromTeam("user-1", general));
    assertThat(local.storedConversations()).isEmpty();
  }

  @Test
  void refusesEmptyAndNonJsonBodiesWith400() throws Exception {
    assertThat(local.post("").statusCode()).isEqualTo(400);
    assertThat(local.post("not json").statusCode()).isEqualTo(400);
    assertThat(local.post("[1,2]").statusCode()).isEqualTo(400);
    assertThat(local.post("{\"text\":\"no type\"}").statusCode()).isEqualTo(400);
    ObjectNode noServiceUrl = activities.personalMessage("user-1", "a:p", "hei", "fi-FI");
    noServiceUrl.remove("serviceUrl");
    assertThat(local.post(noServiceUrl).statusCode()).isEqualTo(400);
    assertThat(local.handler.received).isEmpty();
  }

  @Test
  void refusesServiceUrlsOffThisMachineInLocalMode() throws Exception {
    ObjectNode activity = activities.personalMessage("user-1", "a:p", "hei", "fi-FI");
    activity.put("serviceUrl", "https://attacker.example/");

    HttpResponse<String> response = local.post(activity);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("local mode");
    assertThat(local.handler.received).isEmpty();
  }

  @Test
  void leavesTheJvmDefaultLocaleAlone() throws Exception {
    Locale before = Locale.getDefault();

    local.post(activities.personalMessage("user-1", "a:personal-1", "Kysymys", "tr-TR"));

    assertThat(local.handler.received).hasSize(1);
    assertThat(Locale.getDefault()).isEqualTo(before);
  }

  @Test
  void answersEvenWhenTheConversationReferenceCannotBeSaved() throws Exception {
    rename("teams_conversation_reference", "teams_conversation_reference_away");
    try {
      HttpResponse<String> response =
          local.post(activities.personalMessage("user-1", "a:personal-9", "Kysymys", "fi-FI"));

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(local.connector.activityCalls()).hasSize(1);
      assertThat(local.connector.activityCalls().get(0).cardTexts())
          .contains("Esteellisyyden perusteet");
    } finally {
      rename("teams_conversation_reference_away", "teams_conversation_reference");
    }
    assertThat(local.storedConversations()).isEmpty();
  }

  private void rename(String from, String to) throws SQLException {
    try (java.sql.Connection c = local.database.dataSource().getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.executeUpdate("ALTER TABLE " + from + " RENAME TO " + to);
    }
  }

  @Test
  void apologisesWhenTheCoreFails() throws Exception {
    HttpResponse<String> response =
        local.post(activities.personalMessage("user-1", "a:personal-1", "boom", "fi-FI"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(local.connector.activityCalls().get(0).cardTexts().get(0)).startsWith("Pahoittelen");
  }

  private static Reply reminder() {
    return Reply.info(Language.FI, "Muistutus: sparraus huomenna klo 17.");
  }
}
