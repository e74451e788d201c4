package fi.luotsi.admin;

import static fi.luotsi.admin.KnowledgeFiles.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.store.Database;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Administration and privacy in the running application, through the web chat and the core. */
class AdministrationIT {
  @TempDir Path root;
  private final String dbUrl = Database.inMemoryUrl("admin-it-" + UUID.randomUUID());
  private RunningLuotsi luotsi;

  @BeforeEach
  void start() throws Exception {
    RunningLuotsi.prepare(
        root, "tilat.md", file("Tilat", "Mikä on pyöräkellari?", "Pyöräkellari on varasto."));
    Files.createDirectories(root.resolve("config"));
    Files.writeString(root.resolve("config/luotsi.yaml"), "roles:\n  admins: [slack:UADMIN]\n");
    luotsi = new RunningLuotsi(root, Clock.systemUTC(), Map.of("LUOTSI_DB_URL", dbUrl));
  }

  @AfterEach
  void stop() {
    luotsi.close();
  }

  private Reply admin(String text) {
    return luotsi
        .app
        .conversation()
        .handle(IncomingMessage.text(Platform.SLACK, "UADMIN", "D1", text));
  }

  @Test
  void administratorsSeeUnansweredQuestionsAndDownvotedAnswers() {
    luotsi.ask("web-anna", "Kuka keittää kahvit valtuustossa?");
    JsonNode answer = luotsi.ask("web-anna", "Mikä on pyöräkellari?");
    press("web-anna", "feedback_down", button(answer, "feedback_down").path("value").asText());

    String unanswered = String.join("\n", admin("vastaamattomat").paragraphs());
    String downvoted = String.join("\n", admin("alapeukut").paragraphs());
    String feedback = String.join("\n", admin("palauteraportti").paragraphs());

    assertThat(unanswered)
        .contains("1 kpl")
        .contains("“Kuka keittää kahvit valtuustossa?”")
        .doesNotContain("web-anna");
    assertThat(downvoted).contains("“Mikä on pyöräkellari?” → tilat.md#mikä-on-pyöräkellari");
    assertThat(feedback).contains("tilat.md#mikä-on-pyöräkellari — 👍 0 · 👎 1");
    assertThat(auditActions())
        .contains(
            "slack:UADMIN admin.unanswered",
            "slack:UADMIN admin.downvoted",
            "slack:UADMIN admin.feedback");
  }

  @Test
  void administratorsSeeARefusedKnowledgeFileWithItsLineAndReason() {
    KnowledgeFiles.write(
        luotsi.knowledge, "tilat.md", "---\ntitle: Tilat\nlang: suomi\n---\n## Mikä?\nx\n");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                String.join("\n", admin("tietopankki").paragraphs())
                    .contains(
                        "tilat.md:3: lang must be fi, sv or en, was 'suomi' (aiempi versio on käytössä)"));
    assertThat(luotsi.ask("web-anna", "Mikä on pyöräkellari?").path("answered").asBoolean())
        .isTrue();
    assertThat(auditActions()).contains("knowledge-watcher knowledge.reload");
  }

  @Test
  void aPersonSeesAndDeletesWhatIsStoredAboutThemFromTheWebChat() {
    luotsi.ask("web-anna", "Mikä on pyöräkellari?");
    luotsi.ask("web-ben", "Mikä on pyöräkellari?");

    JsonNode stored = luotsi.ask("web-anna", "Mitä tiedät minusta?");
    assertThat(stored.path("text").asText())
        .contains("Kysymyksiäsi on tallessa 1")
        .contains("Mikä on pyöräkellari?");

    JsonNode prompt = luotsi.ask("web-anna", "poista tietoni");
    JsonNode yes = prompt.path("buttons").get(0);
    assertThat(yes.path("label").asText()).isEqualTo("Kyllä, poista");
    assertThat(yes.path("action").asText()).isEqualTo("command");
    JsonNode done = press("web-anna", "command", yes.path("value").asText());

    assertThat(done.path("text").asText())
        .isEqualTo("Poistin sinusta tallennetut tiedot (1 tietuetta).");
    assertThat(luotsi.ask("web-anna", "mitä tiedät minusta").path("text").asText())
        .startsWith("Minulla ei ole sinusta tallennettuja tietoja.");
    assertThat(luotsi.ask("web-ben", "mitä tiedät minusta").path("text").asText())
        .contains("Kysymyksiäsi on tallessa 1");
    assertThat(auditActions()).contains("privacy privacy.erase");
  }

  @Test
  void logsNoMessageTextWhileAnsweringReportingAndErasing() {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger rootLogger = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    rootLogger.addAppender(logs);
    try {
      luotsi.ask("web-anna", "Saako valtuutettu Xyzzyplugh-lahjan?");
      luotsi.ask("web-anna", "Mikä on pyöräkellari?");
      admin("vastaamattomat");
      admin("alapeukut");
      luotsi.ask("web-anna", "mitä tiedät minusta");
      JsonNode prompt = luotsi.ask("web-anna", "poista tietoni");
      press("web-anna", "command", prompt.path("buttons").get(0).path("value").asText());
    } finally {
      rootLogger.detachAppender(logs);
    }

    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(
            m -> m.contains("Xyzzyplugh") || m.contains("pyöräkellari?") || m.contains("web-anna"));
  }

  @Test
  void theHelpOffersThePrivacyCommands() {
    assertThat(luotsi.ask("web-anna", "apua").path("text").asText())
        .contains("poista tietoni – poista sinusta tallennetut tiedot");
  }

  private static JsonNode button(JsonNode reply, String action) {
    for (JsonNode button : reply.path("buttons")) {
      if (button.path("action").asText().equals(action)) {
        return button;
      }
    }
    throw new AssertionError("no " + action + " button in " + reply);
  }

  private JsonNode press(String user, String action, String value) {
    String body =
        new ObjectMapper()
            .createObjectNode()
            .put("user", user)
            .put("action", action)
            .put("value", value)
            .toString();
    try {
      return new ObjectMapper()
          .readTree(
              luotsi
                  .send(
                      HttpRequest.newBuilder(luotsi.uri("/api/chat"))
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                          .build())
                  .body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> auditActions() {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(dbUrl, "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT actor, action FROM audit_log ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
