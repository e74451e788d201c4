package fi.luotsi.chat.web;

import static fi.luotsi.KnowledgeFixture.BUDGET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.luotsi.Application;
import fi.luotsi.KnowledgeFixture;
import fi.luotsi.MutableClock;
import fi.luotsi.config.Environment;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web chat over real HTTP: the {@code POST /api/chat} contract of ARCHITECTURE.md. */
class WebChatIT {
  /** {@code max_body_bytes} in the shipped config/luotsi.yaml. */
  private static final int MAX_BODY = 1_000_000;

  @TempDir static Path tmp;

  private static Application app;
  private static HttpClient http;
  private static URI base;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    Path knowledge = KnowledgeFixture.write(tmp.resolve("knowledge"));
    app =
        Application.start(
            new Environment(
                Map.of(
                    "LUOTSI_PORT",
                    "0",
                    "LUOTSI_DATA_DIR",
                    tmp.resolve("data").toString(),
                    "LUOTSI_KNOWLEDGE_DIR",
                    knowledge.toString(),
                    "LUOTSI_CONFIG_DIR",
                    "config")),
            MutableClock.at("2027-03-04T15:00:00Z"));
    http = HttpClient.newHttpClient();
    base = URI.create("http://127.0.0.1:" + app.port() + "/");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).GET().build(),
        BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode chat(String json) throws Exception {
    HttpResponse<String> response = post("api/chat", json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void anAnsweredQuestionFollowsTheChatContract() throws Exception {
    JsonNode reply = chat("{\"user\": \"web-1\", \"text\": \"Mikä on talousarvio?\"}");

    assertThat(reply.get("answered").isBoolean()).isTrue();
    assertThat(reply.get("answered").asBoolean()).isTrue();
    assertThat(reply.get("text").asText())
        .startsWith("Mikä on talousarvio?")
        .contains("Valtuusto hyväksyy vuoden loppuun mennessä");
    assertThat(reply.get("sources").isArray()).isTrue();
    assertThat(reply.get("sources")).hasSize(1);
    JsonNode source = reply.get("sources").get(0);
    assertThat(fieldNames(source)).contains("id", "title", "url");
    assertThat(source.get("id").asText()).isEqualTo(BUDGET);
    assertThat(source.get("title").asText()).isEqualTo("Talousarvio");
    assertThat(source.get("url").asText())
        .isEqualTo("https://finlex.fi/fi/laki/ajantasa/2015/20150410");
    assertThat(reply.get("buttons").isArray()).isTrue();
    assertThat(reply.get("buttons"))
        .isNotEmpty()
        .allSatisfy(b -> assertThat(fieldNames(b)).containsExactly("label", "action", "value"));
    assertThat(reply.get("buttons"))
        .extracting(b -> b.get("action").asText())
        .contains("feedback_up", "feedback_down", "share");
  }

  @Test
  void aSourceWithoutALinkHasANullUrl() throws Exception {
    JsonNode reply =
        chat("{\"user\": \"web-2\", \"text\": \"Milloin luottamushenkilö on esteellinen?\"}");

    JsonNode source = reply.get("sources").get(0);
    assertThat(source.has("url")).isTrue();
    assertThat(source.get("url").isNull()).isTrue();
    assertThat(source.get("citation").asText()).isEqualTo("hallintolaki 434/2003 28 §");
  }

  @Test
  void anUnansweredQuestionIsNotAnsweredAndHasNoSources() throws Exception {
    JsonNode reply =
        chat("{\"user\": \"web-3\", \"text\": \"Paljonko bussilippu maksaa lauantaina?\"}");

    assertThat(reply.get("answered").asBoolean()).isFalse();
    assertThat(reply.get("sources")).isEmpty();
    assertThat(reply.get("text").asText()).contains("koulutus@example.org");
  }

  @Test
  void aFeedbackButtonPressIsAcceptedAndThanked() throws Exception {
    JsonNode answer = chat("{\"user\": \"web-4\", \"text\": \"Mikä on talousarvio?\"}");
    String ref = null;
    for (JsonNode button : answer.get("buttons")) {
      if (button.get("action").asText().equals("feedback_up")) {
        ref = button.get("value").asText();
      }
    }

    JsonNode thanks =
        chat(
            "{\"user\": \"web-4\", \"text\": \"\", \"action\": \"feedback_up\", \"value\": \""
                + ref
                + "\"}");

    assertThat(thanks.get("answered").asBoolean()).isFalse();
    assertThat(thanks.get("text").asText()).isEqualTo("Kiitos palautteesta!");
  }

  @Test
  void theBrowserLanguageChoosesTheHelpLanguage() throws Exception {
    JsonNode reply = chat("{\"user\": \"web-5\", \"text\": \"?\", \"lang\": \"sv-FI\"}");

    assertThat(reply.get("language").asText()).isEqualTo("sv");
    assertThat(reply.get("text").asText()).startsWith("Hej!");
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    HttpResponse<String> response = post("api/chat", "{\"user\": \"web-6\", \"text\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").asText()).contains("JSON");
  }

  @Test
  void aJsonValueThatIsNotAnObjectIsABadRequest() throws Exception {
    assertThat(post("api/chat", "[1, 2]").statusCode()).isEqualTo(400);
    assertThat(post("api/chat", "").statusCode()).isEqualTo(400);
  }

  @Test
  void aMissingUserIsABadRequest() throws Exception {
    HttpResponse<String> response = post("api/chat", "{\"text\": \"Mikä on talousarvio?\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").asText()).contains("user");
  }

  @Test
  void aFieldThatIsNotAStringIsABadRequest() throws Exception {
    HttpResponse<String> number = post("api/chat", "{\"user\": \"web-7\", \"text\": 123}");
    HttpResponse<String> object = post("api/chat", "{\"user\": {\"id\": 7}, \"text\": \"x\"}");
    HttpResponse<String> list =
        post("api/chat", "{\"user\": \"web-7\", \"text\": \"x\", \"lang\": [\"fi\"]}");

    assertThat(number.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(number.body()).get("error").asText())
        .isEqualTo("\"text\" must be a string");
    assertThat(object.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(object.body()).get("error").asText()).contains("\"user\"");
    assertThat(list.statusCode()).isEqualTo(400);
    assertThat(post("api/chat", "{\"user\": \"web-7\", \"text\": null}").statusCode())
        .as("null is as good as absent")
        .isEqualTo(200);
  }

  @Test
  void anUnknownActionIsABadRequest() throws Exception {
    HttpResponse<String> response =
        post("api/chat", "{\"user\": \"web-7\", \"action\": \"explode\", \"value\": \"x\"}");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void anOverlongQuestionIsABadRequest() throws Exception {
    HttpResponse<String> response =
        post("api/chat", "{\"user\": \"web-8\", \"text\": \"" + "a".repeat(2001) + "\"}");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() throws Exception {
    String body = "{\"user\": \"web-9\", \"text\": \"" + "a".repeat(MAX_BODY + 100) + "\"}";

    HttpResponse<String> response = post("api/chat", body);

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
    byte[] body =
        ("{\"user\": \"web-10\", \"text\": \"" + "a".repeat(MAX_BODY + 100) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/chat"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void theServerKeepsServingAfterRefusals() throws Exception {
    post("api/chat", "{not json");
    post("api/chat", "{\"user\": \"x\", \"text\": \"" + "a".repeat(MAX_BODY + 1) + "\"}");

    assertThat(chat("{\"user\": \"web-11\", \"text\": \"apua\"}").get("text").asText())
        .startsWith("Hei!");
  }

  @Test
  void theChatPageIsServedAtTheRoot() throws Exception {
    HttpResponse<String> response = get("");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(response.body()).contains("<title>Luotsi</title>", "api/chat");
  }

  @Test
  void healthIsUpAndReady() throws Exception {
    HttpResponse<String> response = get("health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JSON.readTree(response.body());
    assertThat(health.get("ready").asBoolean()).isTrue();
    assertThat(health.get("live").asBoolean()).isTrue();
    assertThat(health.get("checks").findValuesAsText("name")).contains("knowledge", "database");
    JsonNode knowledge = null;
    for (JsonNode check : health.get("checks")) {
      if (check.get("name").asText().equals("knowledge")) {
        knowledge = check;
      }
    }
    assertThat(knowledge.get("status").asText()).isEqualTo("UP");
    assertThat(knowledge.get("detail").asText()).contains(KnowledgeFixture.SECTIONS + " sections");
  }

  @Test
  void anUnknownPathIsNotFound() throws Exception {
    assertThat(get("no-such-page").statusCode()).isEqualTo(404);
  }
}
