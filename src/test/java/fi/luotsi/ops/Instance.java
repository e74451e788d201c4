package fi.luotsi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import fi.luotsi.Application;
import fi.luotsi.bench.load.SlackSigner;
import fi.luotsi.config.Environment;
import fi.luotsi.testing.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** One whole Luotsi on a free loopback port, with helpers to talk to it over HTTP. */
final class Instance implements AutoCloseable {
  static final String SIGNING_SECRET = "ops-test-signing-secret";

  final Application app;
  private final WebClient web;
  private final SlackSigner signer = new SlackSigner(SIGNING_SECRET, Clock.systemUTC());

  Instance(Map<String, String> env) {
    app = Application.start(new Environment(env), Clock.systemUTC());
    web = new WebClient(app.port());
  }

  URI uri(String path) {
    return web.uri(path);
  }

  /** Asks through the web chat; the reply JSON (status 200 required). */
  JsonNode ask(String user, String text) {
    return web.ask(user, text);
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
    return web.get(path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    return web.send(request);
  }

  @Override
  public void close() {
    app.close();
    web.close();
  }
}
