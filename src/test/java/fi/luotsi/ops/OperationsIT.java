package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.luotsi.Application;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Environment;
import fi.luotsi.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running application's health and metrics endpoints. */
class OperationsIT {
  @TempDir Path root;
  private Application app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    Path knowledge = Files.createDirectories(root.resolve("knowledge"));
    Files.writeString(
        knowledge.resolve("tilat.md"),
        "---\ntitle: Tilat\n---\n## Mikä on pyöräkellari?\n\nPyöräkellari on säilytystila.\n");
    app =
        Application.start(
            new Environment(
                Map.of(
                    "LUOTSI_PORT", "0",
                    "LUOTSI_DATA_DIR", root.resolve("data").toString(),
                    "LUOTSI_KNOWLEDGE_DIR", knowledge.toString(),
                    "LUOTSI_CONFIG_DIR", root.resolve("config").toString(),
                    "LUOTSI_DB_URL", Database.inMemoryUrl("ops-" + UUID.randomUUID()))),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    app.close();
    http.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void reportsLivenessAndReadinessWithTheCoreChecks() throws Exception {
    HttpResponse<String> summary = get("/health");

    assertThat(summary.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(summary.body());
    assertThat(body.path("live").asBoolean()).isTrue();
    assertThat(body.path("ready").asBoolean()).isTrue();
    assertThat(body.path("checks").findValuesAsText("name"))
        .containsExactly("threads", "knowledge", "database", "knowledge-changes");
    assertThat(body.path("checks").get(1).path("detail").asText())
        .isEqualTo("revision 1, 1 sections, 0 files refused");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void countsQuestionsFeedbackAndKnowledgeInPrometheusFormat() throws Exception {
    Reply answer = app.conversation().handle(message("Mikä on pyöräkellari?", Button.Action.NONE));
    app.conversation().handle(message("Miten kaavoitus etenee?", Button.Action.NONE));
    app.conversation()
        .handle(message(answer.answerRef().orElseThrow(), Button.Action.FEEDBACK_DOWN));

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains("luotsi_questions_total{outcome=\"answered\"} 1.0")
        .contains("luotsi_questions_total{outcome=\"unanswered\"} 1.0")
        .contains("luotsi_answer_seconds_count 2")
        .contains("luotsi_feedback_total{verdict=\"down\"} 1.0")
        .contains("luotsi_feedback_total{verdict=\"up\"} 0.0")
        .contains("luotsi_knowledge_revision 1.0")
        .contains("luotsi_knowledge_sections 1.0")
        .doesNotContain("pyöräkellari");
  }

  private static IncomingMessage message(String text, Button.Action action) {
    return new IncomingMessage(Platform.WEB, "u1", "web:u1", text, action, Optional.empty(), true);
  }
}
