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
 * and answers activity calls with an id, or with a scripted failure. It also stands in for the
 * OneDrive/SharePoint host behind a file's pre-authenticated {@code downloadUrl} ({@code
 * /files/<name>}).
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

  /**
   * A file download: status, headers and content; or, when {@code streamedBytes} is positive, that
   * many zeros (with a {@code Content-Length} when {@code declareLength}, else chunked); or, when
   * {@code stall}, no answer at all until the connector closes.
   */
  record ServedFile(
      int status,
      Map<String, String> headers,
      byte[] content,
      long streamedBytes,
      boolean declareLength,
      boolean stall) {
    static ServedFile of(byte[] content) {
      return new ServedFile(200, Map.of(), content, 0, true, false);
    }

    static ServedFile status(int status, Map<String, String> headers) {
      return new ServedFile(status, headers, "{\"error\":\"nope\"}".getBytes(), 0, true, false);
    }

    static ServedFile streamed(long bytes, boolean declareLength) {
      return new ServedFile(200, Map.of(), null, bytes, declareLength, false);
    }

    static ServedFile stalled() {
      return new ServedFile(200, Map.of(), null, 0, false, true);
    }
  }

  /** How much of a streamed file went out before the client hung up. */
  record Streamed(long written, boolean finished) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Deque<Scripted> scripted = new ArrayDeque<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<String, ServedFile> files = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Streamed> streamed = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.CountDownLatch closing =
      new java.util.concurrent.CountDownLatch(1);

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

  /** A pre-authenticated download URL for {@code name}, as Teams puts in {@code downloadUrl}. */
  String fileUrl(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/files/" + name + "?tempauth=x";
  }

  void serveFile(String name, ServedFile file) {
    files.put("/files/" + name, file);
  }

  java.util.Optional<Streamed> streamed(String name) {
    return java.util.Optional.ofNullable(streamed.get("/files/" + name));
  }

  /** The downloads of {@code name} that reached the connector. */
  List<Call> downloads(String name) {
    return calls.stream().filter(call -> call.path().equals("/files/" + name)).toList();
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
      if (path.startsWith("/files/")) {
        serveFile(exchange, path);
        return;
      }
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

  private void serveFile(HttpExchange exchange, String path) throws IOException {
    ServedFile file = files.get(path);
    if (file == null) {
      respond(exchange, 404, Map.of(), "{\"error\":{\"code\":\"itemNotFound\"}}");
      return;
    }
    if (file.stall()) {
      try {
        closing.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    file.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    if (file.streamedBytes() <= 0) {
      exchange.sendResponseHeaders(file.status(), file.content().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(file.content());
      }
      return;
    }
    long total = file.streamedBytes();
    exchange.sendResponseHeaders(200, file.declareLength() ? total : 0);
    byte[] chunk = new byte[64 * 1024];
    long written = 0;
    boolean finished = false;
    try (OutputStream out = exchange.getResponseBody()) {
      while (written < total) {
        int n = (int) Math.min(chunk.length, total - written);
        out.write(chunk, 0, n);
        written += n;
      }
      finished = true;
    } catch (IOException e) {
      // The client hung up.
    } finally {
      streamed.put(path, new Streamed(written, finished));
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
    closing.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
