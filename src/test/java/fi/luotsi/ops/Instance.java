package fi.luotsi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.luotsi.Application;
import fi.luotsi.bench.load.SlackSigner;
import fi.luotsi.config.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** One whole Luotsi on a free loopback port, with helpers to talk to it over HTTP. */
final class Instance implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SIGNING_SECRET = "ops-test-signing-secret";

  final Application app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final SlackSigner signer = new SlackSigner(SIGNING_SECRET, Clock.systemUTC());

  Instance(Map<String, String> env) {
    app = Application.start(new Environment(env), Clock.systemUTC());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  /** Asks through the web chat; the reply JSON (status 200 required). */
  JsonNode ask(String user, String text) {
    String body = JSON.createObjectNode().put("user", user).put("text", text).toString();
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/api/chat answered " + response.statusCode());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A signed Slack direct message event from {@code user} in {@code channel}; the status. */
  int slackMessage(String eventId, String user, String channel, String text) {
    SlackSigner.Signed signed =
        signer.directMessage(eventId, user, channel, "1800000000." + eventId.hashCode(), text);
    return send(HttpRequest.newBuilder(uri("/slack/events"))
            .header("Content-Type", signed.contentType())
            .header("X-Slack-Request-Timestamp", signed.timestamp())
            .header("X-Slack-Signature", signed.signature())
            .POST(HttpRequest.BodyPublishers.ofString(signed.body(), StandardCharsets.UTF_8))
            .build())
        .statusCode();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
    http.close();
  }
}
