package fi.luotsi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks HTTP to a Luotsi running on a loopback port: the web chat, and plain GETs. */
public final class WebClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  public WebClient(int port) {
    this.port = port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Asks through the web chat ({@code POST /api/chat}); the reply JSON (status 200 required). */
  public JsonNode ask(String user, String text) {
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

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
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
    http.close();
  }
}
