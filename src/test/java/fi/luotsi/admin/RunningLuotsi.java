package fi.luotsi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.luotsi.Application;
import fi.luotsi.config.Environment;
import fi.luotsi.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A whole Luotsi on a free loopback port, with its directories under a test's temp folder. */
final class RunningLuotsi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path knowledge;
  final Path config;
  final Application app;
  private final HttpClient http = HttpClient.newHttpClient();

  RunningLuotsi(Path root, Clock clock, Map<String, String> extraEnv) {
    knowledge = root.resolve("knowledge");
    config = root.resolve("config");
    try {
      Files.createDirectories(knowledge);
      Files.createDirectories(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = new HashMap<>();
    env.put("LUOTSI_PORT", "0");
    env.put("LUOTSI_HOST", "127.0.0.1");
    env.put("LUOTSI_DATA_DIR", root.resolve("data").toString());
    env.put("LUOTSI_KNOWLEDGE_DIR", knowledge.toString());
    env.put("LUOTSI_CONFIG_DIR", config.toString());
    env.put("LUOTSI_DB_URL", Database.inMemoryUrl("luotsi-" + UUID.randomUUID()));
    env.putAll(extraEnv);
    app = Application.start(new Environment(env), clock);
  }

  /** Writes files before start: call {@link #start} after. */
  static Path prepare(Path root, String relative, String content) {
    KnowledgeFiles.write(root.resolve("knowledge"), relative, content);
    return root;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  /** Asks the web chat; returns the reply JSON. */
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

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
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
