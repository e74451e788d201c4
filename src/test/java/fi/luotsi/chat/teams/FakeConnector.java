package fi.luotsi.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot Connector that speaks the v3 REST routes the SDK uses, on 127.0.0.1. It records every call
 * and answers activity calls with an id, or with a scripted failure.
 */
final class FakeConnector implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the bot made. */
  record Call(String method, String path, Map<String, List<String>> headers, JsonNode body) {
    String authorization() {
      List<String> values = headers.get("Authorization");
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The card of an activity that carries one. */
    JsonNode card() {
      return body.path("attachments").path(0).path("content");
    }

    /** All TextBlock texts of the card, top to bottom. */
    List<String> cardTexts() {
      List<String> texts = new java.util.ArrayList<>();
      for (JsonNode element : card().path("body")) {
        if ("TextBlock".equals(element.path("type").asText())) {
          texts.add(element.path("text").asText());
        }
      }
      return texts;
    }
  }

  private record Scripted(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Deque<Scripted> scripted = new ArrayDeque<>();
  private final AtomicInteger ids = new AtomicInteger();

  FakeConnector() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The serviceUrl to put in activities, as Teams does (with a trailing path). */
  String serviceUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/emea/";
  }

  /** The next activity call (send, reply, update, delete) is answered with this. */
  synchronized void failNext(int status, Map<String, String> headers, String body) {
    scripted.addLast(new Scripted(status, headers, body));
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Calls that post, replace or delete activities. */
  List<Call> activityCalls() {
    return calls.stream().filter(call -> call.path().contains("/activities")).toList();
  }

  void clear() {
    calls.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
      calls.add(new Call(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
      if (!path.startsWith("/emea/v3/conversations/")) {
        respond(exchange, 404, Map.of(), "{\"error\":{\"code\":\"NotFound\"}}");
        return;
      }
      if (method.equals("GET") && path.contains("/members/")) {
        String member = path.substring(path.lastIndexOf('/') + 1);
        respond(
            exchange,
            200,
            Map.of(),
            "{\"id\":\""
                + member
                + "\",\"name\":\"Testi Jäsen\",\"aadObjectId\":\"aad-"
                + member
                + "\",\"tenantId\":\"tenant-1\",\"userRole\":\"user\"}");
        return;
      }
      Scripted failure;
      synchronized (this) {
        failure = scripted.pollFirst();
      }
      if (failure != null) {
        respond(exchange, failure.status(), failure.headers(), failure.body());
        return;
      }
      if (method.equals("DELETE")) {
        respond(exchange, 200, Map.of(), "");
        return;
      }
      respond(exchange, 200, Map.of(), "{\"id\":\"activity-" + ids.incrementAndGet() + "\"}");
    }
  }

  private static void respond(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
