package fi.luotsi.admin;

import static fi.luotsi.admin.KnowledgeFiles.file;
import static fi.luotsi.admin.KnowledgeFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running application, with its default watching settings, answers from knowledge files changed
 * on disk within the promised 30 seconds, and a malformed file does not take its earlier version
 * away.
 */
class KnowledgeReloadIT {
  private static final Duration PROMISE = Duration.ofSeconds(30);

  @TempDir Path root;
  private RunningLuotsi luotsi;

  @BeforeEach
  void start() {
    RunningLuotsi.prepare(
        root,
        "tilat/kellari.md",
        file(
            "Tilat",
            "Mikä on pyöräkellari?",
            "Pyöräkellari on kunnantalon alakerrassa oleva säilytystila polkupyörille."));
    luotsi = new RunningLuotsi(root, Clock.systemUTC(), Map.of());
  }

  @AfterEach
  void stop() {
    luotsi.close();
  }

  @Test
  void answersFromAnAddedFile() {
    assertThat(luotsi.ask("u1", "Mikä on kassavaranto?").path("answered").asBoolean()).isFalse();

    write(
        luotsi.knowledge,
        "talous/kassa.md",
        file("Talous", "Mikä on kassavaranto?", "Kassavaranto on kunnan tilillä oleva raha."));

    await()
        .atMost(PROMISE)
        .until(() -> luotsi.ask("u1", "Mikä on kassavaranto?").path("answered").asBoolean());
    assertThat(luotsi.ask("u1", "Mikä on kassavaranto?").path("text").asText())
        .contains("Kassavaranto on kunnan tilillä oleva raha.");
  }

  @Test
  void answersWithTheEditedText() {
    assertThat(answerText("Mikä on pyöräkellari?")).contains("säilytystila polkupyörille");

    write(
        luotsi.knowledge,
        "tilat/kellari.md",
        file("Tilat", "Mikä on pyöräkellari?", "Pyöräkellari on siirretty pihan varastoon."));

    await()
        .atMost(PROMISE)
        .until(() -> answerText("Mikä on pyöräkellari?").contains("pihan varastoon"));
  }

  @Test
  void stopsAnsweringFromADeletedFile() {
    assertThat(luotsi.ask("u1", "Mikä on pyöräkellari?").path("answered").asBoolean()).isTrue();

    KnowledgeFiles.delete(luotsi.knowledge, "tilat/kellari.md");

    await()
        .atMost(PROMISE)
        .until(() -> !luotsi.ask("u1", "Mikä on pyöräkellari?").path("answered").asBoolean());
  }

  @Test
  void keepsAnsweringFromTheEarlierVersionOfAMalformedFile() {
    write(
        luotsi.knowledge,
        "tilat/kellari.md",
        "---\ntitle: Tilat\ntags: [a\n---\n## Mikä on pyöräkellari?\nRikki.\n");
    write(
        luotsi.knowledge,
        "talous/kassa.md",
        file("Talous", "Mikä on kassavaranto?", "Kassavaranto on kunnan tilillä oleva raha."));

    // The good file's arrival shows that the directory was read after the malformed edit.
    await()
        .atMost(PROMISE)
        .until(() -> luotsi.ask("u1", "Mikä on kassavaranto?").path("answered").asBoolean());
    JsonNode answer = luotsi.ask("u1", "Mikä on pyöräkellari?");
    assertThat(answer.path("answered").asBoolean()).isTrue();
    assertThat(answer.path("text").asText())
        .contains("säilytystila polkupyörille")
        .doesNotContain("Rikki");
  }

  private String answerText(String question) {
    JsonNode reply = luotsi.ask("u1", question);
    return reply.path("answered").asBoolean() ? reply.path("text").asText() : "";
  }
}
