package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.KnowledgeFixture;
import fi.luotsi.bench.load.LocalSlackApi;
import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.reminder.BroadcastService;
import fi.luotsi.reminder.quartz.QuartzSchedule;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during a broadcast: {@code luotsi serve} runs as a child process against an
 * embedded PostgreSQL and a local Slack API in this JVM that answers slowly; it is killed ({@link
 * Process#destroyForcibly()}, SIGKILL on Linux) with part of 200 recipients reached, and the same
 * instance (same data directory) is started again. It resumes the broadcast: every recipient has
 * the message at most once, every recipient not reported UNCERTAIN exactly once, and those that
 * were mid-send at the kill are reported UNCERTAIN (not repeated, as the delivery policy promises)
 * with a log line saying so.
 */
class KillDuringBroadcastIT {
  static final int RECIPIENTS = 200;

  @TempDir Path root;

  @Test
  void aBroadcastInterruptedByKillMinusNineResumesWithoutLosingOrRepeatingAnyone()
      throws Exception {
    try (RestartablePostgres postgres = new RestartablePostgres(root.resolve("postgres"));
        LocalSlackApi slackApi = new LocalSlackApi().postDelay(Duration.ofMillis(150));
        HttpClient http = HttpClient.newHttpClient()) {
      String url = postgres.createDatabase();
      List<String> recipients =
          IntStream.rangeClosed(1, RECIPIENTS).mapToObj(i -> "U%04d".formatted(i)).toList();
      Path config = Files.createDirectories(root.resolve("config"));
      Files.writeString(
          config.resolve("sessions.yaml"),
          """
          timezone: Europe/Helsinki
          groups:
            kaikki:
              name: Kaikki osallistujat
              slack: [%s]
          sessions: []
          """
              .formatted(String.join(", ", recipients)));
      int port = RestartablePostgres.freePort();
      Map<String, String> env = new HashMap<>();
      env.put("LUOTSI_PORT", Integer.toString(port));
      env.put("LUOTSI_DATA_DIR", root.resolve("data").toString());
      env.put("LUOTSI_KNOWLEDGE_DIR", KnowledgeFixture.write(root.resolve("knowledge")).toString());
      env.put("LUOTSI_CONFIG_DIR", config.toString());
      env.put("LUOTSI_DB_URL", url);
      env.put("LUOTSI_DB_USER", "postgres");
      env.put("LUOTSI_DB_PASSWORD", "postgres");
      env.put("SLACK_BOT_TOKEN", "xoxb-ops-test");
      env.put("SLACK_SIGNING_SECRET", Instance.SIGNING_SECRET);
      env.put("SLACK_API_URL", slackApi.apiUrl());
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build();

      Process first = LuotsiProcess.start(root, "first", env);
      long broadcastId;
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(
                () -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        broadcastId = broadcast(url, config);
        await().atMost(Duration.ofSeconds(60)).until(() -> slackApi.posts().size() >= 40);
      } finally {
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no last words
      }
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      int beforeKill = slackApi.posts().size();
      assertThat(beforeKill).as("killed part way").isLessThan(RECIPIENTS);

      Process second = LuotsiProcess.start(root, "second", env);
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(url, broadcastId)));
      } finally {
        second.destroy();
        second.waitFor(30, TimeUnit.SECONDS);
      }

      Map<String, Integer> arrived = slackApi.postCounts();
      Map<String, String> log = deliveryLog(url, "broadcast:" + broadcastId);
      assertThat(log).hasSize(RECIPIENTS);
      assertThat(log.values()).allMatch(s -> s.equals("SENT") || s.equals("UNCERTAIN"));
      assertThat(arrived.values()).as("nobody got it twice").allMatch(n -> n == 1);
      log.forEach(
          (who, status) -> {
            if (status.equals("SENT")) {
              assertThat(arrived.get(who)).as(who + " reached once").isEqualTo(1);
            }
          });
      long uncertain = log.values().stream().filter("UNCERTAIN"::equals).count();
      assertThat(uncertain).as("at most the sends in flight").isLessThanOrEqualTo(16);
      DeliveryReport report = report(url, config, broadcastId);
      assertThat(report.reached() + report.failed()).isEqualTo(RECIPIENTS);
      assertThat(report.pending()).isZero();
      assertThat(report.failures())
          .allSatisfy(f -> assertThat(f.reason()).contains("not repeated"));
      if (uncertain > 0) {
        assertThat(LuotsiProcess.stderr(root, "second"))
            .contains(uncertain + " deliveries were mid-send when this instance");
      }
    }
  }

  /** As {@code luotsi broadcast -g kaikki …}: stored and timed; the running server sends it. */
  private static long broadcast(String url, Path config) throws Exception {
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(url, "postgres", "postgres")) {
      QuartzSchedule timer =
          new QuartzSchedule(db.dataSource(), true, clock, QuartzSchedule.Settings.standard());
      try {
        BroadcastService broadcasts = service(db, config, timer, clock);
        broadcasts.broadcastFromCommandLine(
            "operaattori",
            List.of("kaikki"),
            "Tiedote, joka selviää kaatumisesta",
            Optional.of(clock.instant().plusSeconds(1)));
        try (Connection c = db.dataSource().getConnection();
            ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM broadcast")) {
          rs.next();
          return rs.getLong(1);
        }
      } finally {
        timer.stop(false);
      }
    }
  }

  private static BroadcastService service(
      Database db, Path config, QuartzSchedule timer, Clock clock) {
    return new BroadcastService(
        db.dataSource(),
        ProgrammeFile.load(config.resolve("sessions.yaml")),
        DeliveryService.standard(db.dataSource(), List.of(), clock),
        timer,
        clock);
  }

  private static DeliveryReport report(String url, Path config, long id) {
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(url, "postgres", "postgres")) {
      QuartzSchedule timer =
          new QuartzSchedule(db.dataSource(), true, clock, QuartzSchedule.Settings.standard());
      try {
        return service(db, config, timer, clock).report(id);
      } finally {
        timer.stop(false);
      }
    }
  }

  private static String status(String url, long id) throws Exception {
    try (Database db = Database.open(url, "postgres", "postgres");
        Connection c = db.dataSource().getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT status FROM broadcast WHERE id = " + id)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static Map<String, String> deliveryLog(String url, String key) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Database db = Database.open(url, "postgres", "postgres");
        Connection c = db.dataSource().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT address, status FROM delivery_log WHERE message_key = '" + key + "'")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }
}
