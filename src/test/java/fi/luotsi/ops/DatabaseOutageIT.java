package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.luotsi.KnowledgeFixture;
import fi.luotsi.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database unavailable at start (one clear error naming it, without the password; exit code 2)
 * and going away while serving (answers keep coming, readiness says the database is down, and
 * everything recovers when it is back, the questions asked meanwhile included).
 */
class DatabaseOutageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "hemmeli-salasana-42";

  @TempDir Path root;

  private Map<String, String> env(String dbUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("LUOTSI_PORT", "0");
    env.put("LUOTSI_HOST", "127.0.0.1");
    env.put("LUOTSI_DATA_DIR", root.resolve("data").toString());
    env.put("LUOTSI_KNOWLEDGE_DIR", KnowledgeFixture.write(root.resolve("knowledge")).toString());
    env.put("LUOTSI_CONFIG_DIR", root.resolve("config").toString());
    env.put("LUOTSI_DB_URL", dbUrl);
    env.put("LUOTSI_DB_USER", "postgres");
    env.put("LUOTSI_DB_PASSWORD", PASSWORD);
    return env;
  }

  @Test
  void serveRefusesToStartWithOneClearErrorWhenTheDatabaseIsDown() throws Exception {
    Files.createDirectories(root.resolve("config"));
    int closed = RestartablePostgres.freePort();
    String url = "jdbc:postgresql://127.0.0.1:" + closed + "/luotsi?password=" + PASSWORD;

    Process serve = LuotsiProcess.start(root, "serve", env(url));

    assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops by itself").isTrue();
    assertThat(serve.exitValue()).isEqualTo(2);
    String stderr = LuotsiProcess.stderr(root, "serve");
    assertThat(stderr)
        .contains("Luotsi cannot start:")
        .contains("cannot connect to database jdbc:postgresql://127.0.0.1:" + closed + "/luotsi")
        .contains("refused")
        .doesNotContain(PASSWORD)
        .doesNotContain("\tat "); // no stack trace
  }

  @Test
  void keepsAnsweringWhileTheDatabaseIsAwayAndRecoversWhenItIsBack() throws Exception {
    try (RestartablePostgres postgres = new RestartablePostgres(root.resolve("postgres"))) {
      String url = postgres.createDatabase();
      Map<String, String> env = env(url);
      env.put("LUOTSI_DB_PASSWORD", "postgres");
      try (Instance luotsi = new Instance(env)) { // a fresh database: each question once
        String before = "Milloin luottamushenkilö on esteellinen?";
        assertThat(luotsi.ask("kaisa", before).path("answered").asBoolean()).isTrue();
        assertThat(logged(url, before)).isOne();

        postgres.stop();
        String during = "Mikä on talousarvio?";
        JsonNode reply = luotsi.ask("kaisa", during);
        assertThat(reply.path("answered").asBoolean()).as(reply::toString).isTrue();
        assertThat(reply.path("sources").get(0).path("id").asText())
            .isEqualTo(KnowledgeFixture.BUDGET);
        HttpResponse<String> ready = luotsi.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(check(ready.body(), "database").path("status").asText()).isEqualTo("DOWN");
        assertThat(check(ready.body(), "knowledge").path("status").asText()).isEqualTo("UP");
        assertThat(luotsi.get("/health/live").statusCode()).isEqualTo(200);

        postgres.start();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> luotsi.get("/health/ready").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> logged(url, during) == 1);
        String after = "Miten äänestetään, kun ehdotuksia on useita?";
        assertThat(luotsi.ask("kaisa", after).path("answered").asBoolean()).isTrue();
        assertThat(logged(url, after)).isOne();
      }
    }
  }

  private static JsonNode check(String body, String name) throws Exception {
    for (JsonNode c : JSON.readTree(body).path("checks")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no check " + name + " in " + body);
  }

  private static int logged(String url, String question) throws Exception {
    try (Database db = Database.open(url, "postgres", "postgres");
        Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM question_log WHERE question = ?")) {
      ps.setString(1, question);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
