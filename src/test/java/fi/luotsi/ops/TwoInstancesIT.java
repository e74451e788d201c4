package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fi.luotsi.KnowledgeFixture;
import fi.luotsi.bench.load.LocalSlackApi;
import fi.luotsi.chat.Attachment;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.reminder.BroadcastService;
import fi.luotsi.reminder.quartz.QuartzSchedule;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole Luotsi instances ({@link fi.luotsi.Application}, each with its own port, data directory
 * and knowledge directory) on one PostgreSQL, with one local Slack Web API: both answer, one person
 * has one pseudonym on both, and a broadcast and a reminder from the programme reach every
 * recipient exactly once across the two.
 *
 * <p>Each test talks to the shared {@link #a} and {@link #b}; a new cross-instance behaviour is one
 * more test method using {@link #env}, {@link #query} and the instances' helpers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {
  static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  static final int RECIPIENTS = 20;
  static final String SESSION_TITLE = "Seminaari kahdelle instanssille";
  static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path root;
  RestartablePostgres postgres;
  LocalSlackApi slackApi;
  String dbUrl;
  Path config;
  Instance a;
  Instance b;

  @BeforeAll
  void start() throws Exception {
    postgres = new RestartablePostgres(root.resolve("postgres"));
    dbUrl = postgres.createDatabase();
    slackApi = new LocalSlackApi();
    config = Files.createDirectories(root.resolve("config"));
    Files.writeString(config.resolve("luotsi.yaml"), "roles:\n  admins: [slack:UADMIN]\n");
    // a session whose one-hour reminder falls due 15 s from now, after both instances started
    LocalDateTime start =
        LocalDateTime.now(HELSINKI).plusHours(1).plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
    Files.writeString(
        config.resolve("sessions.yaml"),
        """
        timezone: Europe/Helsinki
        reminders: [PT1H]
        groups:
          kaksi:
            name: Kahden instanssin ryhmä
            slack: [%s]
        sessions:
          - id: kaksi-instanssia
            type: seminar
            title: "%s"
            start: %s
            end: %s
            location: Teams
            audience: [kaksi]
        """
            .formatted(String.join(", ", recipients()), SESSION_TITLE, start, start.plusHours(2)));
    a = new Instance(env("a"));
    b = new Instance(env("b"));
  }

  static List<String> recipients() {
    return IntStream.rangeClosed(1, RECIPIENTS).mapToObj(i -> "U%04d".formatted(i)).toList();
  }

  /** The environment of instance {@code name}: own port, data and knowledge; shared the rest. */
  Map<String, String> env(String name) {
    Map<String, String> env = new HashMap<>();
    env.put("LUOTSI_PORT", "0");
    env.put("LUOTSI_HOST", "127.0.0.1");
    env.put("LUOTSI_DATA_DIR", root.resolve(name + "/data").toString());
    env.put(
        "LUOTSI_KNOWLEDGE_DIR",
        KnowledgeFixture.write(root.resolve(name + "/knowledge")).toString());
    env.put("LUOTSI_CONFIG_DIR", config.toString());
    env.put("LUOTSI_DB_URL", dbUrl);
    env.put("LUOTSI_DB_USER", "postgres");
    env.put("LUOTSI_DB_PASSWORD", "postgres");
    env.put("SLACK_BOT_TOKEN", "xoxb-ops-test");
    env.put("SLACK_SIGNING_SECRET", Instance.SIGNING_SECRET);
    env.put("SLACK_API_URL", slackApi.apiUrl());
    return env;
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {a, b, slackApi, postgres}) {
      if (c != null) {
        c.close();
      }
    }
  }

  /** The first column of the first row of {@code sql} with one string parameter. */
  String query(String sql, String parameter) throws Exception {
    try (Database db = Database.open(dbUrl, "postgres", "postgres");
        Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Test
  void bothInstancesAnswerTheWebChat() {
    for (Instance instance : List.of(a, b)) {
      JsonNode reply = instance.ask("kaisa", "Milloin luottamushenkilö on esteellinen?");
      assertThat(reply.path("answered").asBoolean()).isTrue();
      assertThat(reply.path("sources").get(0).path("id").asText())
          .isEqualTo(KnowledgeFixture.GROUNDS);
    }
  }

  @Test
  void onePersonHasTheSamePseudonymOnBothInstances() throws Exception {
    String marker = UUID.randomUUID().toString();
    a.ask("matti", "Mikä on talousarvio? " + marker + "-a");
    b.ask("matti", "Mikä on talousarvio? " + marker + "-b");
    b.ask("liisa", "Mikä on talousarvio? " + marker + "-c");

    String sql = "SELECT user_ref FROM question_log WHERE question LIKE ?";
    String onA = query(sql, "%" + marker + "-a");
    String onB = query(sql, "%" + marker + "-b");
    assertThat(onA).isNotBlank().isEqualTo(onB);
    assertThat(query(sql, "%" + marker + "-c")).isNotEqualTo(onA);
  }

  @Test
  void aBroadcastReachesEveryRecipientOnceAcrossBothInstances() throws Exception {
    String marker = "Tiedote kahdelta instanssilta " + UUID.randomUUID();
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(dbUrl, "postgres", "postgres")) {
      // as `luotsi broadcast` does: stored and timed in the database, sent by a running instance
      QuartzSchedule timer =
          new QuartzSchedule(db.dataSource(), true, clock, QuartzSchedule.Settings.standard());
      try {
        BroadcastService broadcasts =
            new BroadcastService(
                db.dataSource(),
                ProgrammeFile.load(config.resolve("sessions.yaml")),
                DeliveryService.standard(db.dataSource(), List.of(), clock),
                timer,
                clock);
        String summary =
            broadcasts.broadcastFromCommandLine(
                "operaattori",
                List.of("kaksi"),
                marker,
                Optional.of(clock.instant().plusSeconds(1)));
        assertThat(summary).contains("scheduled").contains("to " + RECIPIENTS + " recipients");
      } finally {
        timer.stop(false);
      }
    }

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                received(marker).values().stream().mapToInt(Integer::intValue).sum() >= RECIPIENTS);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> received(marker).size() == RECIPIENTS);
    assertThat(received(marker))
        .containsOnlyKeys(recipients())
        .allSatisfy((who, n) -> assertThat(n).isOne());
    await()
        .atMost(PATIENCE)
        .until(() -> "SENT".equals(query("SELECT status FROM broadcast WHERE body = ?", marker)));
  }

  @Test
  void aReminderFromTheProgrammeReachesEveryRecipientOnceAcrossBothInstances() {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                received(SESSION_TITLE).values().stream().mapToInt(Integer::intValue).sum()
                    >= RECIPIENTS);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> received(SESSION_TITLE).size() == RECIPIENTS);
    assertThat(received(SESSION_TITLE))
        .containsOnlyKeys(recipients())
        .allSatisfy((who, n) -> assertThat(n).isOne());
  }

  @Test
  void aKnowledgeFileUploadedOnOneInstanceIsAnsweredByBothAndRolledBackOnBoth() {
    String question = "Saako kahden instanssin kokouksessa syödä pullaa?";
    String answer = "Saa, kunhan puheenjohtaja jakaa pullat tasan kaikille jäsenille.";
    byte[] bytes =
        ("---\ntitle: Kokousetiketti\n---\n\n## " + question + "\n\n" + answer + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Reply preview =
        a.app
            .conversation()
            .handle(
                IncomingMessage.text(Platform.SLACK, "UADMIN", "DADMIN", "")
                    .withAttachments(
                        List.of(
                            new Attachment(
                                "pulla.md",
                                bytes.length,
                                Optional.of("text/markdown"),
                                max -> bytes))));
    Button publish =
        preview.buttons().stream()
            .filter(x -> x.label().equals("Julkaise"))
            .findFirst()
            .orElseThrow();
    Reply published =
        a.app
            .conversation()
            .handle(
                new IncomingMessage(
                    Platform.SLACK,
                    "UADMIN",
                    "DADMIN",
                    publish.value(),
                    publish.action(),
                    Optional.empty(),
                    true));
    assertThat(published.plainText()).startsWith("Julkaisin tiedoston lisatyt/pulla.md");

    // B picks the change up from the database (every 5 s) and answers it; both serve one change
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> b.ask(asker(), question).path("text").asText().contains(answer));
    assertThat(a.ask("pekka", question).path("text").asText()).contains(answer);
    assertThat(b.get("/metrics").body())
        .contains(metricLine(a.get("/metrics").body(), "luotsi_knowledge_change "));

    // a removal made on B reaches A the same way
    Reply confirm =
        b.app
            .conversation()
            .handle(
                IncomingMessage.text(
                    Platform.SLACK, "UADMIN", "DADMIN", "tietopankki poista lisatyt/pulla.md"));
    Button remove =
        confirm.buttons().stream()
            .filter(x -> x.label().equals("Poista"))
            .findFirst()
            .orElseThrow();
    Reply removed =
        b.app
            .conversation()
            .handle(
                new IncomingMessage(
                    Platform.SLACK,
                    "UADMIN",
                    "DADMIN",
                    remove.value(),
                    remove.action(),
                    Optional.empty(),
                    true));
    assertThat(removed.plainText()).startsWith("Poistin tiedoston lisatyt/pulla.md");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !a.ask(asker(), question).path("text").asText().contains(answer));
  }

  /** A new person for each poll: one person's questions are limited to 20 a minute. */
  static String asker() {
    return "kysyjä-" + UUID.randomUUID();
  }

  /** The line of a Prometheus text starting with {@code name}. */
  static String metricLine(String metrics, String name) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }

  /** Messages saying {@code words}, per recipient. */
  Map<String, Integer> received(String words) {
    return slackApi.posts().stream()
        .filter(p -> p.says(words))
        .collect(Collectors.toMap(LocalSlackApi.Post::channel, p -> 1, Integer::sum));
  }
}
