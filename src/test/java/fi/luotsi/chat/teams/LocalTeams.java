package fi.luotsi.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import fi.luotsi.http.HttpServer;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Teams adapter in local mode on a real HTTP server (127.0.0.1, any port) with an in-memory H2
 * database, a fake Bot Connector and a recording chat core; its pacer runs on a clock that moves
 * only when the pacer sleeps.
 */
final class LocalTeams implements AutoCloseable {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC);

  final RecordingHandler handler = new RecordingHandler();
  final List<Duration> pacerSleeps = new CopyOnWriteArrayList<>();
  final MutableClock pacerClock = new MutableClock(Instant.parse("2027-03-01T10:00:00Z"));
  final FakeConnector connector;
  final TeamsActivities teams;
  final Database database;
  final TeamsAdapter adapter;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  LocalTeams() throws Exception {
    this(false);
  }

  /**
   * @param realTimePacing pace with the system clock and real sleeps (benchmarks) instead of the
   *     hand-moved clock
   */
  LocalTeams(boolean realTimePacing) throws Exception {
    connector = new FakeConnector();
    teams = new TeamsActivities(connector.serviceUrl());
    database = Database.open(Database.inMemoryUrl("teams-" + UUID.randomUUID()), "", "");
    SendPacer pacer =
        realTimePacing
            ? SendPacer.teams(Clock.systemUTC())
            : new SendPacer(
                pacerClock,
                duration -> {
                  pacerSleeps.add(duration);
                  pacerClock.advance(duration);
                },
                SendPacer.TEAMS_PER_CONVERSATION,
                SendPacer.TEAMS_PER_TENANT);
    adapter =
        new TeamsAdapter(
            new TeamsAdapter.Settings(
                Optional.empty(), Optional.empty(), Optional.empty(), true, false),
            handler,
            database.dataSource(),
            CLOCK,
            new TeamsAdapter.Wiring(
                Optional.empty(), TeamsBotAdapter.CredentialsFactory.ENTRA_ID, pacer));
    server = new HttpServer("127.0.0.1", 0, 1_000_000);
    adapter.register(server);
    server.start();
  }

  /** Forgets what earlier tests did. */
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

  HttpResponse<String> post(String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(JsonNode activity) throws Exception {
    return post(activity.toString());
  }

  TeamsMessenger messenger() {
    return adapter.messenger();
  }

  List<String> storedConversations() throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT conversation_id FROM teams_conversation_reference"
                    + " ORDER BY conversation_id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  @Override
  public void close() {
    server.close();
    adapter.close();
    database.close();
    connector.close();
  }
}
