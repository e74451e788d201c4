package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With an app id, {@code /api/messages} accepts only activities with a valid Bot Framework token;
 * replies and proactive messages carry the bot's own token, got from the app's tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsAuthenticationIT {
  private static final String APP_ID = "00000000-0000-4000-8000-0000000000aa";
  private static final String TENANT_ID = "11111111-1111-4111-8111-111111111111";
  private static final String OUTBOUND_TOKEN = "outbound-token-from-entra";

  /** What the adapter asked the (fake) Entra ID token service for. */
  record CredentialRequest(String appId, String password, String tenantId, String scope) {}

  private final HttpClient client = HttpClient.newHttpClient();
  private final RecordingHandler handler = new RecordingHandler();
  private final List<CredentialRequest> credentialRequests = new CopyOnWriteArrayList<>();
  private FakeBotFrameworkTokens tokens;
  private FakeConnector connector;
  private Database database;
  private TeamsAdapter adapter;
  private HttpServer server;
  private TeamsActivities teams;

  @BeforeAll
  void start() throws Exception {
    tokens = new FakeBotFrameworkTokens();
    connector = new FakeConnector();
    teams = new TeamsActivities(connector.serviceUrl());
    database = Database.open(Database.inMemoryUrl("teams-auth-" + UUID.randomUUID()), "", "");
    TeamsBotAdapter.CredentialsFactory fakeEntra =
        (appId, password, tenantId, scope) -> {
          credentialRequests.add(new CredentialRequest(appId, password, tenantId, scope));
          return new FixedTokenCredentials(appId, tenantId, scope);
        };
    adapter =
        new TeamsAdapter(
            new TeamsAdapter.Settings(
                Optional.of(APP_ID),
                Optional.of("client-secret"),
                Optional.of(TENANT_ID),
                true,
                false),
            handler,
            database.dataSource(),
            Clock.systemUTC(),
            new TeamsAdapter.Wiring(
                Optional.of(tokens.metadataUrl()), fakeEntra, SendPacer.teams(Clock.systemUTC())));
    server = new HttpServer("127.0.0.1", 0, 1_000_000);
    adapter.register(server);
    server.start();
  }

  @BeforeEach
  void reset() {
    connector.clear();
    handler.received.clear();
  }

  @AfterAll
  void stop() {
    server.close();
    adapter.close();
    database.close();
    connector.close();
    tokens.close();
  }

  private HttpResponse<String> post(JsonNode activity, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode question() {
    return teams.personalMessage("user-1", "a:personal-1", "Mitä esteellisyys on?", "fi-FI");
  }

  private void assertRefused(String authorization) throws Exception {
    HttpResponse<String> response = post(question(), authorization);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"unauthorized\"}");
    assertThat(handler.received).isEmpty();
    assertThat(connector.calls()).isEmpty();
  }

  @Test
  void refusesActivityWithoutToken() throws Exception {
    assertRefused(null);
  }

  @Test
  void refusesMalformedToken() throws Exception {
    assertRefused("Bearer not-a-jwt");
    assertRefused("Basic dXNlcjpwdw==");
  }

  @Test
  void refusesTokenSignedWithAnUnpublishedKey() throws Exception {
    assertRefused("Bearer " + tokens.forgedToken(APP_ID, connector.serviceUrl()));
  }

  @Test
  void refusesExpiredToken() throws Exception {
    assertRefused("Bearer " + tokens.expiredToken(APP_ID, connector.serviceUrl()));
  }

  @Test
  void refusesTokenForAnotherBot() throws Exception {
    assertRefused(
        "Bearer "
            + tokens.channelToken("00000000-0000-4000-8000-0000000000bb", connector.serviceUrl()));
  }

  @Test
  void refusesTokenIssuedForAnotherServiceUrl() throws Exception {
    assertRefused("Bearer " + tokens.channelToken(APP_ID, "https://smba.trafficmanager.net/emea/"));
  }

  @Test
  void refusesTokenFromAnotherIssuer() throws Exception {
    assertRefused(
        "Bearer "
            + tokens.tokenFromIssuer("https://issuer.example", APP_ID, connector.serviceUrl()));
  }

  @Test
  void acceptsValidTokenAndRepliesWithTheBotsOwnToken() throws Exception {
    HttpResponse<String> response =
        post(question(), "Bearer " + tokens.channelToken(APP_ID, connector.serviceUrl()));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(handler.received).hasSize(1);
    FakeConnector.Call reply = connector.activityCalls().get(0);
    assertThat(reply.authorization()).isEqualTo("Bearer " + OUTBOUND_TOKEN);
    assertThat(credentialRequests)
        .contains(
            new CredentialRequest(
                APP_ID, "client-secret", TENANT_ID, "https://api.botframework.com/.default"));

    DeliveryResult proactive =
        adapter
            .messenger()
            .send(new Recipient(Platform.TEAMS, "a:personal-1"), Reply.info(Language.FI, "Hei!"));
    assertThat(proactive).isInstanceOf(DeliveryResult.Sent.class);
    assertThat(connector.activityCalls().get(1).authorization())
        .isEqualTo("Bearer " + OUTBOUND_TOKEN);
  }

  /** Credentials whose token comes from a fake Entra ID: a fixed string. */
  static final class FixedTokenCredentials extends AppCredentials {
    FixedTokenCredentials(String appId, String tenantId, String scope) {
      super(tenantId, scope);
      setAppId(appId);
    }

    @Override
    public CompletableFuture<String> getToken() {
      return CompletableFuture.completedFuture(OUTBOUND_TOKEN);
    }

    @Override
    protected Authenticator buildAuthenticator() {
      throw new UnsupportedOperationException("the fake has no authenticator");
    }
  }
}
