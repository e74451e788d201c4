package fi.luotsi.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.luotsi.Application;
import fi.luotsi.bench.TemporaryDirectory;
import fi.luotsi.config.Environment;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.Section;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded load test of a whole Luotsi on loopback: starts an {@link Application} with a temporary
 * data directory (H2) and the Slack adapter in HTTP mode against a {@link LocalSlackApi}, then
 * drives virtual users for a fixed time. Web users ask through {@code POST /api/chat} back to back;
 * Slack users send signed direct-message events and, every fifth time (the second, seventh, …), a
 * slash command to {@code POST /slack/events}, each waiting for the answer to arrive at the local
 * Slack API before the next (and at least 1.1 s between messages, as a person in a DM and Slack's
 * posting limit of one message per second and channel). Every call's HTTP latency is measured; for
 * Slack also whether and when the answer arrived. Nothing leaves 127.0.0.1; everything stops at the
 * end.
 */
public final class LoadBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SLACK_ANSWER_PATIENCE = Duration.ofSeconds(10);
  private static final Duration SLACK_PAUSE = Duration.ofMillis(1100);
  static final String CHAT = "POST /api/chat";
  static final String EVENT = "POST /slack/events (message event)";
  static final String COMMAND = "POST /slack/events (slash command)";
  static final String ANSWER = "Slack answer arrived (from request)";

  /**
   * What to run.
   *
   * @param users virtual users, at least 2
   * @param duration how long to measure
   * @param warmup how long to run before measuring (not counted)
   * @param slackShare the share of users on Slack (the rest use the web chat)
   * @param knowledge the knowledge directory; its headings and alternate questions are asked
   */
  public record Settings(
      int users, Duration duration, Duration warmup, double slackShare, Path knowledge) {
    public Settings {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(warmup, "warmup");
      Objects.requireNonNull(knowledge, "knowledge");
      if (users < 2 || users > 1000) {
        throw new IllegalArgumentException("users must be 2-1000");
      }
      if (duration.isNegative() || duration.isZero() || duration.toMinutes() > 30) {
        throw new IllegalArgumentException("duration must be positive and at most 30 minutes");
      }
      if (slackShare < 0 || slackShare > 1) {
        throw new IllegalArgumentException("slackShare must be 0-1");
      }
    }

    int slackUsers() {
      return (int) Math.round(users * slackShare);
    }
  }

  /** Figures of one kind of call, latencies in milliseconds. */
  public record Figures(
      String name, int count, double perSecond, double p50, double p95, double p99, double max) {}

  /**
   * The outcome.
   *
   * @param figures per endpoint, and the Slack answers' arrival
   * @param errors by kind; empty when every call succeeded
   * @param slackAsked Slack messages and commands that the server accepted
   * @param slackAnswered of those, the ones whose answer arrived at the local Slack API
   */
  public record Result(
      List<Figures> figures, Map<String, Long> errors, long slackAsked, long slackAnswered) {
    public long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public Figures figures(String name) {
      return figures.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
  }

  private final Settings settings;
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder slackAsked = new LongAdder();
  private final LongAdder slackAnswered = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final List<long[]> windows = new CopyOnWriteArrayList<>();
  private long measureFrom;
  private long measureUntil;

  private LoadBenchmark(Settings settings) {
    this.settings = settings;
  }

  /** Runs the load and prints the figures; returns them too. */
  public static Result run(Settings settings, PrintStream out) throws Exception {
    return new LoadBenchmark(settings).run(out);
  }

  private Result run(PrintStream out) throws Exception {
    List<String> questions = questions(settings.knowledge());
    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    try (TemporaryDirectory temporary = TemporaryDirectory.create("luotsi-bench-load");
        LocalSlackApi slackApi = new LocalSlackApi()) {
      Path root = temporary.path();
      Path config = Files.createDirectories(root.resolve("config"));
      // the per-person question limit guards people, not a benchmark's few virtual users
      Files.writeString(config.resolve("luotsi.yaml"), "questions_per_minute: 1000000\n");
      Map<String, String> env = new LinkedHashMap<>();
      env.put("LUOTSI_PORT", "0");
      env.put("LUOTSI_HOST", "127.0.0.1");
      env.put("LUOTSI_DATA_DIR", root.resolve("data").toString());
      env.put("LUOTSI_CONFIG_DIR", config.toString());
      env.put("LUOTSI_KNOWLEDGE_DIR", settings.knowledge().toString());
      env.put("SLACK_BOT_TOKEN", "xoxb-bench");
      env.put("SLACK_SIGNING_SECRET", secret);
      env.put("SLACK_API_URL", slackApi.apiUrl());
      try (Application app = Application.start(new Environment(env), Clock.systemUTC());
          JvmWatch jvm = new JvmWatch();
          HttpClient http =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(Duration.ofSeconds(5))
                  .build()) {
        URI base = URI.create("http://127.0.0.1:" + app.port());
        SlackSigner signer = new SlackSigner(secret, Clock.systemUTC());
        int slackUsers = settings.slackUsers();
        long start = System.nanoTime();
        measureFrom = start + settings.warmup().toNanos();
        measureUntil = measureFrom + settings.duration().toNanos();
        List<Future<Map<String, long[]>>> users = new ArrayList<>();
        CompletableFuture<JvmWatch.Figures> jvmFigures = new CompletableFuture<>();
        Thread.ofVirtual()
            .name("load-jvm-watch")
            .start(
                () -> {
                  try {
                    Thread.sleep(Duration.ofNanos(Math.max(0, measureFrom - System.nanoTime())));
                    jvm.start();
                    watchWindows();
                    Thread.sleep(Duration.ofNanos(Math.max(0, measureUntil - System.nanoTime())));
                    jvmFigures.complete(jvm.stop());
                  } catch (InterruptedException e) {
                    jvmFigures.completeExceptionally(e);
                  }
                });
        // One platform thread per user, as a load generator in its own process would have: the
        // OS shares the cores between them and the server's threads. (Users on virtual threads
        // waited for one of the JVM's two carrier threads before they could even read a response,
        // which the latencies then counted.)
        try (ExecutorService pool =
            Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("load-user-", 0).factory())) {
          for (int i = 0; i < settings.users(); i++) {
            int user = i;
            users.add(
                pool.submit(
                    () ->
                        user < slackUsers
                            ? slackUser(user, http, base, signer, slackApi, questions)
                            : webUser(user, http, base, questions)));
          }
        }
        Map<String, List<long[]>> samples = new TreeMap<>();
        for (Future<Map<String, long[]>> f : users) {
          f.get().forEach((k, v) -> samples.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        Result result = result(samples);
        print(result, slackUsers, out);
        print(jvmFigures.get(), result, out);
        return result;
      }
    }
  }

  /** The length of one window of the timeline: a sixth of the measured time, between 1 and 10 s. */
  private Duration window() {
    long millis = settings.duration().toMillis() / 6;
    return Duration.ofMillis(Math.max(1000, Math.min(10_000, millis)));
  }

  /**
   * Requests answered and process CPU time in consecutive windows of the measured time, so that a
   * run whose throughput changes part way (the machine) can be told from one that is slow
   * throughout (the JVM's compiled code).
   */
  private void watchWindows() throws InterruptedException {
    long step = window().toNanos();
    long requests = completed.sum();
    long cpu = JvmWatch.processCpuNanos();
    for (long end = measureFrom + step; end <= measureUntil; end += step) {
      Thread.sleep(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
      long nowRequests = completed.sum();
      long nowCpu = JvmWatch.processCpuNanos();
      windows.add(new long[] {nowRequests - requests, nowCpu - cpu});
      requests = nowRequests;
      cpu = nowCpu;
    }
  }

  private Map<String, long[]> webUser(int n, HttpClient http, URI base, List<String> questions)
      throws InterruptedException {
    Samples samples = new Samples();
    String user = "web-" + n;
    for (int k = 0; System.nanoTime() < measureUntil; k++) {
      String q = questions.get(Math.floorMod(n * 7919 + k, questions.size()));
      String body = JSON.createObjectNode().put("user", user).put("text", q).toString();
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/api/chat"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      long t0 = System.nanoTime();
      HttpResponse<String> response = send(http, request);
      long t1 = System.nanoTime();
      if (response != null && check(response, true)) {
        samples.add(CHAT, t0, t1);
      }
    }
    return samples.done();
  }

  private Map<String, long[]> slackUser(
      int n,
      HttpClient http,
      URI base,
      SlackSigner signer,
      LocalSlackApi slackApi,
      List<String> questions)
      throws InterruptedException {
    Samples samples = new Samples();
    String user = "ULOAD" + n;
    String channel = "DLOAD" + n;
    int posts = 0;
    for (int k = 0; System.nanoTime() < measureUntil; k++) {
      long began = System.nanoTime();
      String q = questions.get(Math.floorMod(n * 104729 + k, questions.size()));
      boolean command = k % 5 == 1;
      String id = "u" + n + "-" + k;
      SlackSigner.Signed signed =
          command
              ? signer.slashCommand(user, channel, q, slackApi.responseUrl(id))
              : signer.directMessage(
                  "Ev" + id, user, channel, "%d.%06d".formatted(1_800_000_000L + k, n), q);
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/slack/events"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", signed.contentType())
              .header("X-Slack-Request-Timestamp", signed.timestamp())
              .header("X-Slack-Signature", signed.signature())
              .POST(HttpRequest.BodyPublishers.ofString(signed.body(), StandardCharsets.UTF_8))
              .build();
      long t0 = System.nanoTime();
      HttpResponse<String> response = send(http, request);
      long t1 = System.nanoTime();
      if (response == null || !check(response, false)) {
        continue;
      }
      samples.add(command ? COMMAND : EVENT, t0, t1);
      slackAsked.increment();
      boolean arrived =
          command
              ? slackApi.awaitResponse(id, SLACK_ANSWER_PATIENCE)
              : slackApi.awaitPosts(channel, ++posts, SLACK_ANSWER_PATIENCE);
      if (arrived) {
        slackAnswered.increment();
        samples.add(ANSWER, t0, System.nanoTime());
      } else {
        error("Slack answer did not arrive within " + SLACK_ANSWER_PATIENCE.toSeconds() + " s");
        posts = slackApi.postsTo(channel).size();
      }
      long pause = SLACK_PAUSE.toNanos() - (System.nanoTime() - began);
      if (pause > 0 && System.nanoTime() + pause < measureUntil) {
        Thread.sleep(Duration.ofNanos(pause));
      }
    }
    return samples.done();
  }

  private HttpResponse<String> send(HttpClient http, HttpRequest request)
      throws InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      error("timeout (10 s)");
    } catch (IOException e) {
      error("connection: " + e.getClass().getSimpleName());
    }
    return null;
  }

  private boolean check(HttpResponse<String> response, boolean json) {
    if (response.statusCode() != 200) {
      error(response.request().uri().getPath() + " answered HTTP " + response.statusCode());
      return false;
    }
    if (json) {
      try {
        JsonNode body = JSON.readTree(response.body());
        if (!body.path("text").isTextual() || body.path("text").asText().isBlank()) {
          error("/api/chat answered without text");
          return false;
        }
      } catch (IOException e) {
        error("/api/chat answered something other than JSON");
        return false;
      }
    }
    return true;
  }

  private void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** One virtual user's latencies per kind, only of calls started within the measured window. */
  private final class Samples {
    private final Map<String, long[]> values = new TreeMap<>();
    private final Map<String, Integer> sizes = new TreeMap<>();

    void add(String kind, long t0, long t1) {
      if (!kind.equals(ANSWER) && t1 >= measureFrom && t1 <= measureUntil) {
        completed.increment();
      }
      if (t0 < measureFrom || t1 > measureUntil + SLACK_ANSWER_PATIENCE.toNanos()) {
        return;
      }
      long[] a = values.computeIfAbsent(kind, k -> new long[256]);
      int size = sizes.getOrDefault(kind, 0);
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
        values.put(kind, a);
      }
      a[size] = t1 - t0;
      sizes.put(kind, size + 1);
    }

    Map<String, long[]> done() {
      Map<String, long[]> out = new TreeMap<>();
      values.forEach((k, v) -> out.put(k, Arrays.copyOf(v, sizes.get(k))));
      return out;
    }
  }

  private Result result(Map<String, List<long[]>> samples) {
    double seconds = settings.duration().toNanos() / 1e9;
    List<Figures> figures = new ArrayList<>();
    for (String kind : List.of(CHAT, EVENT, COMMAND, ANSWER)) {
      long[] all =
          samples.getOrDefault(kind, List.of()).stream()
              .flatMapToLong(Arrays::stream)
              .sorted()
              .toArray();
      figures.add(
          new Figures(
              kind,
              all.length,
              all.length / seconds,
              ms(percentile(all, 0.50)),
              ms(percentile(all, 0.95)),
              ms(percentile(all, 0.99)),
              ms(all.length == 0 ? 0 : all[all.length - 1])));
    }
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
    return new Result(figures, errorCounts, slackAsked.sum(), slackAnswered.sum());
  }

  private void print(Result result, int slackUsers, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Load: %d virtual users (%d web chat, %d Slack) for %d s after a %d s warm-up;"
            + " 127.0.0.1, %d cores, Java %s%n",
        settings.users(),
        settings.users() - slackUsers,
        slackUsers,
        settings.duration().toSeconds(),
        settings.warmup().toSeconds(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    out.printf(
        Locale.ROOT,
        "%-38s %9s %9s %8s %8s %8s %8s%n",
        "",
        "requests",
        "per s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms");
    for (Figures f : result.figures()) {
      out.printf(
          Locale.ROOT,
          "%-38s %9d %9.1f %8.1f %8.1f %8.1f %8.1f%n",
          f.name(),
          f.count(),
          f.perSecond(),
          f.p50(),
          f.p95(),
          f.p99(),
          f.max());
    }
    out.printf(
        Locale.ROOT,
        "Slack answers delivered to the Slack API: %d of %d%n",
        result.slackAnswered(),
        result.slackAsked());
    if (result.errors().isEmpty()) {
      out.println("Errors: none");
    } else {
      out.println("Errors:");
      result.errors().forEach((k, v) -> out.printf(Locale.ROOT, "  %6d  %s%n", v, k));
    }
  }

  private void print(JvmWatch.Figures jvm, Result result, PrintStream out) {
    long requests =
        result.figures().stream()
            .filter(f -> !f.name().equals(ANSWER))
            .mapToLong(Figures::count)
            .sum();
    double seconds = settings.duration().toNanos() / 1e9;
    out.printf(
        Locale.ROOT,
        "JVM while measuring (server, load generator and local Slack API together): %d GC pauses,"
            + " %d ms in all, longest %d ms; CPU %.1f s of %.0f s available, %.2f ms per request%n",
        jvm.pauses(),
        jvm.pauseMillis(),
        jvm.longestPauseMillis(),
        jvm.cpuMillis() / 1000.0,
        seconds * Runtime.getRuntime().availableProcessors(),
        requests == 0 ? 0 : (double) jvm.cpuMillis() / requests);
    StringBuilder perSecond = new StringBuilder();
    StringBuilder perRequest = new StringBuilder();
    double windowSeconds = window().toMillis() / 1000.0;
    for (long[] w : windows) {
      perSecond.append(String.format(Locale.ROOT, " %.0f", w[0] / windowSeconds));
      perRequest.append(String.format(Locale.ROOT, " %.2f", w[0] == 0 ? 0 : w[1] / 1e6 / w[0]));
    }
    out.printf(
        Locale.ROOT,
        "Every %.0f s while measuring: requests per s%s; CPU ms per request%s%n",
        windowSeconds,
        perSecond,
        perRequest);
  }

  private static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** Section headings and their alternate questions, plus a few the knowledge cannot answer. */
  static List<String> questions(Path knowledge) {
    List<String> out = new ArrayList<>();
    for (Section s : new KnowledgeLoader().load(knowledge).sections()) {
      out.add(s.heading());
      out.addAll(s.questions());
    }
    out.addAll(
        List.of(
            "Mikä on kunnan virallinen eläin?",
            "Paljonko kahvi maksaa valtuustosalissa?",
            "Kuka voitti jääkiekon MM-kultaa 1995?"));
    Collections.shuffle(out, new Random(42));
    return List.copyOf(out);
  }
}
