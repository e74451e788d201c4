package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryResult;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.knowledge.Language;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sends, replaces and deletes messages proactively through {@link TeamsMessenger} to conversations
 * the bot was installed in, against a fake Bot Connector that can answer with failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsMessengerIT {
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
  void sendsUpdatesAndDeletesProactively() throws Exception {
    local.post(activities.botInstalledPersonally("user-3", "a:personal-3", "fi-FI"));
    local.connector.clear();
    Recipient recipient = new Recipient(Platform.TEAMS, "a:personal-3");

    DeliveryResult sent = local.messenger().send(recipient, reminder());
    assertThat(sent).isInstanceOf(DeliveryResult.Sent.class);
    String ref = ((DeliveryResult.Sent) sent).messageRef();
    assertThat(ref).startsWith("activity-");
    FakeConnector.Call post = local.connector.activityCalls().get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/emea/v3/conversations/a:personal-3/activities");
    assertThat(post.authorization()).isNull(); // local mode sends no token
    assertThat(post.body().path("channelData").path("notification").path("alert").asBoolean())
        .isTrue();
    assertThat(post.body().path("from").path("id").asText()).isEqualTo(TeamsActivities.BOT_ID);
    assertThat(post.cardTexts()).contains("Muistutus: sparraus huomenna klo 17.");

    assertThat(local.messenger().update(recipient, ref, Reply.info(Language.FI, "Peruttu.")))
        .isEqualTo(new DeliveryResult.Sent(ref));
    assertThat(local.messenger().delete(recipient, ref)).isEqualTo(new DeliveryResult.Sent(ref));
    assertThat(local.connector.activityCalls())
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
    local.post(activities.botInstalledPersonally("user-4", "a:personal-4", "fi-FI"));
    local.connector.clear();
    Recipient recipient = new Recipient(Platform.TEAMS, "a:personal-4");
    local.connector.failNext(
        429, Map.of("Retry-After", "3"), "{\"error\":{\"code\":\"TooManyRequests\"}}");

    assertThat(local.messenger().send(recipient, reminder()))
        .isEqualTo(new DeliveryResult.Throttled(Duration.ofSeconds(3)));
    assertThat(local.connector.activityCalls())
        .hasSize(1); // one attempt: the SDK does not retry 429

    assertThat(local.messenger().send(recipient, reminder()))
        .isInstanceOf(DeliveryResult.Sent.class);
    assertThat(local.connector.activityCalls()).hasSize(2);
  }

  @Test
  void reportsEachFailureFaithfullyAfterOneAttempt() throws Exception {
    local.post(activities.botInstalledPersonally("user-5", "a:personal-5", "fi-FI"));
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
      local.connector.clear();
      local.connector.failNext(c.status(), Map.of(), c.status() == 404 ? notFound : "");
      local.pacerClock.advance(Duration.ofMinutes(1));
      assertThat(local.messenger().send(recipient, reminder()))
          .as("HTTP %d", c.status())
          .isEqualTo(c.expected());
      assertThat(local.connector.activityCalls()).as("attempts for HTTP %d", c.status()).hasSize(1);
    }
  }

  @Test
  void reportsUnknownConversationAsGoneWithoutCallingTeams() {
    assertThat(local.messenger().send(new Recipient(Platform.TEAMS, "a:nobody"), reminder()))
        .isInstanceOf(DeliveryResult.Gone.class);
    assertThat(local.messenger().send(new Recipient(Platform.SLACK, "C123"), reminder()))
        .isEqualTo(new DeliveryResult.Failed("not a Teams recipient: slack:C123", false));
    assertThat(local.connector.calls()).isEmpty();
  }

  @Test
  void reportsUnreachableConnectorAsRetryableFailure() throws Exception {
    FakeConnector elsewhere = new FakeConnector();
    local.post(
        new TeamsActivities(elsewhere.serviceUrl())
            .botInstalledPersonally("user-6", "a:personal-6", "fi-FI"));
    elsewhere.close();

    DeliveryResult result =
        local.messenger().send(new Recipient(Platform.TEAMS, "a:personal-6"), reminder());

    assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
    assertThat(((DeliveryResult.Failed) result).retryable()).isTrue();
    assertThat(((DeliveryResult.Failed) result).reason())
        .startsWith("cannot reach the Bot Connector");
  }

  @Test
  void pacesProactiveSendsToSevenPerSecondPerConversation() throws Exception {
    local.post(activities.botInstalledPersonally("user-7", "a:personal-7", "fi-FI"));
    Recipient recipient = new Recipient(Platform.TEAMS, "a:personal-7");

    for (int i = 0; i < 8; i++) {
      assertThat(local.messenger().send(recipient, reminder()))
          .isInstanceOf(DeliveryResult.Sent.class);
    }

    assertThat(local.pacerSleeps).containsExactly(Duration.ofSeconds(1));
  }

  private static Reply reminder() {
    return Reply.info(Language.FI, "Muistutus: sparraus huomenna klo 17.");
  }
}
