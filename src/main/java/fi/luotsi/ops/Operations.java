package fi.luotsi.ops;

import fi.luotsi.admin.KnowledgeStatus;
import fi.luotsi.admin.LiveKnowledge;
import fi.luotsi.http.HttpResponse;
import fi.luotsi.http.HttpServer;
import fi.luotsi.store.Database;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The operator's view of a running Luotsi: {@link Health} and {@link Metrics}, served as {@code GET
 * /health}, {@code /health/live}, {@code /health/ready} and {@code /metrics}.
 *
 * <p>On shutdown, call {@link Health#drain()} before stopping the HTTP server (readiness turns down
 * so that a load balancer stops sending traffic while the server finishes the requests in flight),
 * and close this after the server has stopped.
 */
public final class Operations implements AutoCloseable {
  /** The content type of the Prometheus text exposition format. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Health health = new Health();
  private final Metrics metrics = new Metrics();

  public Health health() {
    return health;
  }

  public Metrics metrics() {
    return metrics;
  }

  /**
   * Adds the core's checks and gauges: readiness of the knowledge (loaded, with sections) and of
   * the database (reachable), and the knowledge revision, sections and refused files.
   */
  public void watch(LiveKnowledge knowledge, Database database) {
    health.addReadiness(
        "knowledge",
        () -> {
          KnowledgeStatus status = knowledge.status();
          String detail =
              "revision "
                  + status.revision()
                  + ", "
                  + status.sections()
                  + " sections, "
                  + status.refusedFiles().size()
                  + " files refused";
          return status.sections() > 0
              ? HealthCheck.Result.up(detail)
              : HealthCheck.Result.down(detail);
        });
    health.addReadiness(
        "database",
        () ->
            database.isReachable()
                ? HealthCheck.Result.up("reachable")
                : HealthCheck.Result.down("unreachable"));
    metrics.knowledge(
        () -> knowledge.status().revision(),
        () -> knowledge.status().sections(),
        () -> knowledge.status().refusedFiles().size());
  }

  /** Adds the health and metrics endpoints. */
  public void register(HttpServer server) {
    server.get("/health", request -> health.summary());
    server.get("/health/live", request -> health.live());
    server.get("/health/ready", request -> health.ready());
    server.get(
        "/metrics",
        request ->
            new HttpResponse(
                200,
                PROMETHEUS_TEXT,
                metrics.scrape().getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store")));
  }

  /** Releases the metrics' JVM listeners. */
  @Override
  public void close() {
    metrics.close();
  }
}
