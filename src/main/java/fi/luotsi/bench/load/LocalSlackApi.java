package fi.luotsi.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Slack's Web API ({@code POST /api/<method>}) and for slash commands'
 * response URLs ({@code POST /respond/<id>}), for benchmarks and fault tests: it answers the
 * methods Luotsi's Slack adapter calls the way Slack documents them, records every message that
 * arrives, and can be told to answer slowly or with errors. Binds to 127.0.0.1 only.
 *
 * <p>A message counts as arrived when its request arrives, before any delay: a sender that dies
 * while waiting for the answer has still posted it, as with the real Slack. Thread-safe.
 */
public final class LocalSlackApi implements AutoCloseable {

  /** One {@code chat.postMessage} that arrived. */
  public record Post(
      String channel, String text, String blocks, Optional<String> threadTs, long receivedNanos) {
    /** Whether the fallback text or the blocks contain {@code words}. */
    public boolean says(String words) {
      return text.contains(words) || blocks.contains(words);
    }
  }

  /** One answer sent to a response URL. */
  public record Response(String id, String body, long receivedNanos) {}

  /** An answer other than success: HTTP status, JSON body, optional {@code Retry-After}. */
  public record Failure(int status, String body, Optional<Duration> retryAfter) {
    public Failure {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** HTTP 500, as Slack answers during an incident. */
    public static Failure serverError() {
      return new Failure(500, "{\"ok\":false,\"error\":\"internal_error\"}", Optional.empty());
    }

    /** HTTP 429 with {@code Retry-After}, Slack's rate limit answer. */
    public static Failure rateLimited(Duration retryAfter) {
      return new Failure(429, "{\"ok\":false,\"error\":\"ratelimited\"}", Optional.of(retryAfter));
    }
  }

  /** Decides, per call, whether {@code chat.postMessage} fails; empty means it succeeds. */
  @FunctionalInterface
  public interface Script {
    Optional<Failure> postMessage(String channel);
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final List<Response> responses = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicLong ts = new AtomicLong(1_000_000);
  private final Map<String, Integer> arrivals = new HashMap<>();
  private volatile Duration postDelay = Duration.ZERO;
  private volatile Script script = channel -> Optional.empty();

  public LocalSlackApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the local Slack API", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The value for {@code SLACK_API_URL}. */
  public String apiUrl() {
    return base() + "/api/";
  }

  /** A response URL for a slash command, answered here under {@code id}. */
  public String responseUrl(String id) {
    return base() + "/respond/" + id;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every {@code chat.postMessage} answers after this long (the message has arrived already). */
  public LocalSlackApi postDelay(Duration delay) {
    this.postDelay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /** Decides which {@code chat.postMessage} calls fail. */
  public LocalSlackApi script(Script script) {
    this.script = Objects.requireNonNull(script, "script");
    return this;
  }

  /** Messages that arrived (successful posts only), in order of arrival. */
  public List<Post> posts() {
    return List.copyOf(posts);
  }

  /** Messages that arrived in {@code channel}. */
  public List<Post> postsTo(String channel) {
    return posts.stream().filter(p -> p.channel().equals(channel)).toList();
  }

  /** Messages per channel. */
  public Map<String, Integer> postCounts() {
    Map<String, Integer> out = new HashMap<>();
    posts.forEach(p -> out.merge(p.channel(), 1, Integer::sum));
    return out;
  }

  /**
   * Waits until {@code channel} has at least {@code count} messages.
   *
   * @return whether they arrived within {@code timeout}
   */
  public boolean awaitPosts(String channel, int count, Duration timeout)
      throws InterruptedException {
    return awaitCount(channel, count, timeout);
  }

  /** Waits until the response URL {@code id} has been answered; whether it was within timeout. */
  public boolean awaitResponse(String id, Duration timeout) throws InterruptedException {
    return awaitCount("respond:" + id, 1, timeout);
  }

  private boolean awaitCount(String key, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (arrivals) {
      while (arrivals.getOrDefault(key, 0) < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        arrivals.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  private void arrived(String key) {
    synchronized (arrivals) {
      arrivals.merge(key, 1, Integer::sum);
      arrivals.notifyAll();
    }
  }

  /** Answers to response URLs. */
  public List<Response> responses() {
    return List.copyOf(responses);
  }

  /** How many calls of {@code method} arrived, failed ones included. */
  public int calls(String method) {
    AtomicInteger n = calls.get(method);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long received = System.nanoTime();
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.startsWith("/respond/")) {
        String id = path.substring("/respond/".length());
        responses.add(new Response(id, body, received));
        arrived("respond:" + id);
        send(exchange, 200, "text/plain", "ok");
        return;
      }
      String method = path.startsWith("/api/") ? path.substring(5) : path;
      calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
      Map<String, String> params = form(body);
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null) {
        params.putAll(form(query));
      }
      String answer =
          switch (method) {
            case "auth.test" ->
                "{\"ok\":true,\"url\":\"https://local.slack.example/\",\"team\":\"Paikallinen\","
                    + "\"team_id\":\"T1\",\"user\":\"luotsi\",\"user_id\":\"UBOT\","
                    + "\"bot_id\":\"BBOT\"}";
            case "chat.postMessage" -> {
              String channel = params.getOrDefault("channel", "");
              Optional<Failure> failure = script.postMessage(channel);
              if (failure.isPresent()) {
                Failure f = failure.get();
                f.retryAfter()
                    .ifPresent(
                        d ->
                            exchange
                                .getResponseHeaders()
                                .add("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
                send(exchange, f.status(), "application/json", f.body());
                yield null;
              }
              String posted = channel.startsWith("U") ? "D" + channel.substring(1) : channel;
              posts.add(
                  new Post(
                      channel,
                      params.getOrDefault("text", ""),
                      params.getOrDefault("blocks", ""),
                      Optional.ofNullable(params.get("thread_ts")),
                      received));
              arrived(channel);
              sleep(postDelay);
              yield "{\"ok\":true,\"channel\":\""
                  + posted
                  + "\",\"ts\":\""
                  + ts.incrementAndGet()
                  + ".000100\"}";
            }
            case "chat.update", "chat.delete" ->
                "{\"ok\":true,\"channel\":\""
                    + params.getOrDefault("channel", "")
                    + "\",\"ts\":\""
                    + params.getOrDefault("ts", "")
                    + "\"}";
            case "users.info" ->
                "{\"ok\":true,\"user\":{\"id\":\""
                    + params.getOrDefault("user", "")
                    + "\",\"locale\":\"fi-FI\"}}";
            case "views.publish" -> "{\"ok\":true,\"view\":{\"id\":\"V1\"}}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
          };
      if (answer != null) {
        send(exchange, 200, "application/json", answer);
      }
    }
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    if (body.startsWith("{")) {
      return out; // JSON bodies: the adapter sends forms to the methods answered here
    }
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
    server.stop(0);
    executor.shutdownNow();
  }
}
