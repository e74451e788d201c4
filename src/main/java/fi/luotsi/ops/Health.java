package fi.luotsi.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.luotsi.http.HttpResponse;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness and readiness. <em>Liveness</em>: the process works and should not be restarted (no
 * deadlocked threads, plus any liveness checks added). <em>Readiness</em>: it can serve requests
 * now (knowledge loaded, database reachable, plus any readiness checks added, such as the
 * scheduler); a draining instance is live but not ready.
 *
 * <p>Thread-safe; checks may be added at any time and run concurrently, each with a time limit.
 */
public final class Health {
  /** How long one check may take before it counts as down. */
  public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  private static final Logger log = LoggerFactory.getLogger(Health.class);

  private final Map<String, HealthCheck> liveness = new LinkedHashMap<>();
  private final Map<String, HealthCheck> readiness = new LinkedHashMap<>();
  private final ObjectMapper json = new ObjectMapper();
  private volatile boolean draining;

  public Health() {
    addLiveness("threads", Health::deadlocks);
  }

  /** Adds a check whose failure means the process should be restarted. Use sparingly. */
  public synchronized void addLiveness(String name, HealthCheck check) {
    add(liveness, name, check);
  }

  /** Adds a check whose failure means the instance should get no traffic for now. */
  public synchronized void addReadiness(String name, HealthCheck check) {
    add(readiness, name, check);
  }

  private void add(Map<String, HealthCheck> checks, String name, HealthCheck check) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
    if (liveness.containsKey(name) || readiness.containsKey(name)) {
      throw new IllegalArgumentException("health check added twice: " + name);
    }
    checks.put(name, check);
  }

  /** From now on the instance reports not ready (shutting down). */
  public void drain() {
    if (!draining) {
      log.info("Shutting down: not ready any more; finishing the requests in flight");
    }
    draining = true;
  }

  /**
   * One check's outcome.
   *
   * @param name the check
   * @param kind {@code liveness} or {@code readiness}
   * @param result what it said
   */
  record Outcome(String name, String kind, HealthCheck.Result result) {}

  /** Runs every check concurrently and waits for them (each at most {@link #CHECK_TIMEOUT}). */
  List<Outcome> run() {
    Map<String, HealthCheck> live;
    Map<String, HealthCheck> ready;
    synchronized (this) {
      live = new LinkedHashMap<>(liveness);
      ready = new LinkedHashMap<>(readiness);
    }
    List<Outcome> outcomes = new ArrayList<>();
    // Not closed with try-with-resources: closing would wait for a check that ignores interrupts.
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      Map<String, Future<HealthCheck.Result>> futures = new LinkedHashMap<>();
      live.forEach((name, check) -> futures.put("liveness/" + name, executor.submit(check::check)));
      ready.forEach(
          (name, check) -> futures.put("readiness/" + name, executor.submit(check::check)));
      long deadline = System.nanoTime() + CHECK_TIMEOUT.toNanos();
      for (Map.Entry<String, Future<HealthCheck.Result>> entry : futures.entrySet()) {
        String[] key = entry.getKey().split("/", 2);
        outcomes.add(new Outcome(key[1], key[0], await(entry.getValue(), deadline)));
      }
    } finally {
      executor.shutdownNow();
    }
    if (draining) {
      outcomes.add(
          new Outcome("shutdown", "readiness", HealthCheck.Result.down("draining: shutting down")));
    }
    return outcomes;
  }

  private static HealthCheck.Result await(Future<HealthCheck.Result> future, long deadline) {
    try {
      HealthCheck.Result result =
          future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return result == null ? HealthCheck.Result.down("no result") : result;
    } catch (TimeoutException e) {
      future.cancel(true);
      return HealthCheck.Result.down("no answer within " + CHECK_TIMEOUT.toSeconds() + " s");
    } catch (ExecutionException e) {
      return HealthCheck.Result.down("failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HealthCheck.Result.down("interrupted");
    }
  }

  /** {@code GET /health/live}: 200 when every liveness check is up, else 503. */
  HttpResponse live() {
    return respond(run(), true, false);
  }

  /** {@code GET /health/ready}: 200 when live and every readiness check is up, else 503. */
  HttpResponse ready() {
    return respond(run(), false, true);
  }

  /** {@code GET /health}: both, with every check; the status code is readiness'. */
  HttpResponse summary() {
    return respond(run(), true, true);
  }

  private HttpResponse respond(List<Outcome> outcomes, boolean showLive, boolean showReady) {
    boolean live = outcomes.stream().filter(o -> o.kind().equals("liveness")).allMatch(Health::up);
    boolean ready = live && outcomes.stream().allMatch(Health::up);
    boolean ok = showReady ? ready : live;
    ObjectNode body = json.createObjectNode();
    body.put("status", ok ? "UP" : "DOWN");
    if (showLive) {
      body.put("live", live);
    }
    if (showReady) {
      body.put("ready", ready);
    }
    ArrayNode checks = body.putArray("checks");
    for (Outcome outcome : outcomes) {
      if (outcome.kind().equals("readiness") && !showReady) {
        continue;
      }
      checks
          .addObject()
          .put("name", outcome.name())
          .put("kind", outcome.kind())
          .put("status", outcome.result().up() ? "UP" : "DOWN")
          .put("detail", outcome.result().detail());
    }
    return HttpResponse.json(ok ? 200 : 503, body.toString())
        .withHeader("Cache-Control", "no-store");
  }

  private static boolean up(Outcome outcome) {
    return outcome.result().up();
  }

  private static HealthCheck.Result deadlocks() {
    long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
    return deadlocked == null
        ? HealthCheck.Result.up("no deadlocked threads")
        : HealthCheck.Result.down(deadlocked.length + " deadlocked threads");
  }
}
