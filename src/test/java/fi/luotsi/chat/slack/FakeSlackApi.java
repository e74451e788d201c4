package fi.luotsi.chat.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API ({@code /api/<method>}), for response URLs ({@code
 * /respond/<id>}) and for Slack's file host ({@code /files-pri/…}, as {@code url_private_download}
 * points to). It answers the methods the adapter uses with canned JSON and records every call with
 * its parameters and {@code Authorization} header, so tests can assert what the bot sent. Binds to
 * 127.0.0.1 only.
 */
final class FakeSlackApi implements AutoCloseable {

  /**
   * One recorded call: the method (or {@code respond/<id>}), its form or JSON parameters, and when
   * it arrived ({@link System#nanoTime()}, for benchmarks).
   */
  record Call(
      String method,
      Map<String, String> params,
      JsonObject json,
      String authorization,
      long receivedNanos) {
    String param(String name) {
      return params.get(name);
    }
  }

  /** A scripted answer for the next call of a method. */
  record Canned(int status, String body, String retryAfter) {}

  /**
   * What the file host answers at one path: a status, content type and content (sent with a {@code
   * Content-Length} of {@code declaredLength}, or chunked when that is negative), extra headers
   * such as {@code Location}, and optionally a stream of {@code streamedBytes} zeros instead of the
   * content.
   */
  record ServedFile(
      int status,
      String contentType,
      byte[] content,
      long declaredLength,
      Map<String, String> headers,
      long streamedBytes) {
    static ServedFile of(String contentType, byte[] content) {
      return new ServedFile(200, contentType, content, content.length, Map.of(), 0);
    }

    static ServedFile status(int status, Map<String, String> headers) {
      return new ServedFile(status, "text/plain", "refused".getBytes(), 7, headers, 0);
    }
  }

  /** How much of a streamed file the fake wrote before the client hung up. */
  record Streamed(long written, boolean finished) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Canned>> scripted = new ConcurrentHashMap<>();
  private final Map<String, String> locales = new ConcurrentHashMap<>();
  private final AtomicInteger ts = new AtomicInteger(1000);
  private volatile String authTest =
      "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Testikunta\",\"team_id\":\"T1\","
          + "\"user\":\"luotsi\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
  private volatile String socketUrl = "ws://127.0.0.1:1/";
  private final Map<String, ServedFile> files = new ConcurrentHashMap<>();
  private final Map<String, String> fileInfos = new ConcurrentHashMap<>();
  private final Map<String, Streamed> streamed = new ConcurrentHashMap<>();
  private final java.util.concurrent.CountDownLatch stall =
      new java.util.concurrent.CountDownLatch(1);

  FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  /** The value for {@code SLACK_API_URL}. */
  String apiUrl() {
    return base() + "/api/";
  }

  String responseUrl(String id) {
    return base() + "/respond/" + id;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A URL on this fake's file host, as Slack puts in {@code url_private_download}. */
  String fileUrl(String fileId, String name) {
    return base() + filePath(fileId, name);
  }

  static String filePath(String fileId, String name) {
    return "/files-pri/T1-" + fileId + "/download/" + name;
  }

  /** Serves {@code file} at {@code fileUrl(fileId, name)}. */
  void serveFile(String fileId, String name, ServedFile file) {
    files.put(filePath(fileId, name), file);
  }

  /** Answers {@code files.info} for {@code fileId} with this file object (JSON). */
  void fileInfo(String fileId, String fileJson) {
    fileInfos.put(fileId, fileJson);
  }

  /** Downloads of {@code fileId} wait without answering until {@link #close()}. */
  void stallFile(String fileId, String name) {
    files.put(filePath(fileId, name), new ServedFile(-1, null, null, 0, Map.of(), 0));
  }

  /** How a streamed file's download went; empty until the fake stopped writing it. */
  java.util.Optional<Streamed> streamed(String fileId, String name) {
    return java.util.Optional.ofNullable(streamed.get(filePath(fileId, name)));
  }

  /** Calls to the file host (method {@code files-pri/…}). */
  List<Call> fileDownloads() {
    return calls.stream().filter(c -> c.method().startsWith("files-pri/")).toList();
  }

  void locale(String userId, String locale) {
    locales.put(userId, locale);
  }

  void socketUrl(String url) {
    socketUrl = url;
  }

  void refuseAuth() {
    authTest = "{\"ok\":false,\"error\":\"invalid_auth\"}";
  }

  /** The next call of {@code method} gets this status, body and Retry-After instead. */
  void scriptNext(String method, int status, String body, String retryAfter) {
    scripted
        .computeIfAbsent(method, m -> new ArrayDeque<>())
        .add(new Canned(status, body, retryAfter));
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  List<Call> calls(String method, Predicate<Call> filter) {
    return calls(method).stream().filter(filter).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    long received = System.nanoTime();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    Map<String, String> params = new HashMap<>();
    JsonObject json = null;
    if (contentType != null && contentType.startsWith("application/json")) {
      json = JsonParser.parseString(body).getAsJsonObject();
    } else {
      params.putAll(form(body));
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null) {
        params.putAll(form(query));
      }
    }
    String method = path.startsWith("/api/") ? path.substring(5) : path.substring(1);
    calls.add(
        new Call(
            method,
            params,
            json,
            exchange.getRequestHeaders().getFirst("Authorization"),
            received));

    if (path.startsWith("/files-pri/")) {
      serveFile(exchange, path);
      return;
    }
    Deque<Canned> queue = scripted.get(method);
    Canned canned = queue == null ? null : queue.poll();
    if (canned != null) {
      if (canned.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", canned.retryAfter());
      }
      send(exchange, canned.status(), canned.body());
      return;
    }
    if (method.startsWith("respond/")) {
      send(exchange, 200, "ok");
      return;
    }
    String answer =
        switch (method) {
          case "auth.test" -> authTest;
          case "chat.postMessage" -> {
            String channel = params.get("channel");
            String posted = channel != null && channel.startsWith("U") ? "D" + channel : channel;
            yield "{\"ok\":true,\"channel\":\""
                + posted
                + "\",\"ts\":\""
                + ts.incrementAndGet()
                + ".000100\"}";
          }
          case "chat.update", "chat.delete" ->
              "{\"ok\":true,\"channel\":\""
                  + params.get("channel")
                  + "\",\"ts\":\""
                  + params.get("ts")
                  + "\"}";
          case "users.info" -> {
            String user = params.get("user");
            String locale = locales.getOrDefault(user, "fi-FI");
            yield "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"locale\":\"" + locale + "\"}}";
          }
          case "views.publish" -> "{\"ok\":true,\"view\":{\"id\":\"V1\"}}";
          case "files.info" -> {
            String file = fileInfos.get(params.get("file"));
            yield file == null
                ? "{\"ok\":false,\"error\":\"file_not_found\"}"
                : "{\"ok\":true,\"file\":" + file + "}";
          }
          case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
          case "bots.info" ->
              "{\"ok\":true,\"bot\":{\"id\":\""
                  + params.get("bot")
                  + "\",\"user_id\":\"UOTHERBOT\"}}";
          default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    send(exchange, 200, answer);
  }

  private void serveFile(HttpExchange exchange, String path) throws IOException {
    ServedFile file = files.get(path);
    if (file == null) {
      send(exchange, 404, "{\"ok\":false,\"error\":\"file_not_found\"}");
      return;
    }
    if (file.status() < 0) {
      try {
        stall.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    file.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("Content-Type", file.contentType());
    if (file.streamedBytes() > 0) {
      stream(exchange, path, file.streamedBytes(), file.declaredLength());
      return;
    }
    exchange.sendResponseHeaders(
        file.status(), file.declaredLength() < 0 ? 0 : file.declaredLength());
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(file.content());
    } catch (IOException e) {
      // The client hung up, as it should on a Content-Length over its limit.
    }
  }

  /**
   * Writes {@code total} zeros (chunked when {@code declared} is negative), recording how many got
   * out before the client hung up.
   */
  private void stream(HttpExchange exchange, String path, long total, long declared)
      throws IOException {
    exchange.sendResponseHeaders(200, declared < 0 ? 0 : declared);
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

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.put(
          name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    stall.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
