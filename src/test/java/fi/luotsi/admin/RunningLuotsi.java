package fi.luotsi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import fi.luotsi.Application;
import fi.luotsi.config.Environment;
import fi.luotsi.store.Database;
import fi.luotsi.testing.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A whole Luotsi on a free loopback port, with its directories under a test's temp folder. */
final class RunningLuotsi implements AutoCloseable {
  final Path knowledge;
  final Path config;
  final Application app;
  private final WebClient web;

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
    web = new WebClient(app.port());
  }

  /** Writes files before start: call {@link #start} after. */
  static Path prepare(Path root, String relative, String content) {
    KnowledgeFiles.write(root.resolve("knowledge"), relative, content);
    return root;
  }

  URI uri(String path) {
    return web.uri(path);
  }

  /** Asks the web chat; returns the reply JSON. */
  JsonNode ask(String user, String text) {
    return web.ask(user, text);
  }

  HttpResponse<String> get(String path) {
    return web.get(path);
  }

  HttpResponse<String> send(HttpRequest request) {
    return web.send(request);
  }

  @Override
  public void close() {
    app.close();
    web.close();
  }
}
