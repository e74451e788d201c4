package fi.luotsi.admin;

import static fi.luotsi.admin.KnowledgeFiles.file;
import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Attachment;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running application: an administrator's file sent to the chat core is previewed, published,
 * and then answered through the web chat; the editor the application exposes writes sections that
 * are answered at once; the change served shows in {@code /health} and {@code /metrics}.
 */
class ManagedKnowledgeIT {
  private static final String QUESTION = "Mikä on kassavaranto?";

  @TempDir Path root;
  private RunningLuotsi luotsi;

  @BeforeEach
  void start() throws Exception {
    RunningLuotsi.prepare(
        root, "tilat/kellari.md", file("Tilat", "Mikä on pyöräkellari?", "Alakerrassa."));
    Files.createDirectories(root.resolve("config"));
    Files.writeString(root.resolve("config/luotsi.yaml"), "roles:\n  admins: [slack:UADMIN]\n");
    luotsi = new RunningLuotsi(root, Clock.systemUTC(), Map.of());
  }

  @AfterEach
  void stop() {
    luotsi.close();
  }

  private Reply handle(IncomingMessage message) {
    return luotsi.app.conversation().handle(message);
  }

  @Test
  void anUploadedFileIsAnsweredThroughTheWebChatOncePublished() {
    byte[] bytes =
        file("Talous", QUESTION, "Kassavaranto on kunnan tilillä oleva raha.")
            .getBytes(StandardCharsets.UTF_8);
    IncomingMessage upload =
        IncomingMessage.text(Platform.SLACK, "UADMIN", "D1", "")
            .withAttachments(
                List.of(
                    new Attachment(
                        "kassa.md", bytes.length, Optional.of("text/markdown"), max -> bytes)));

    Reply preview = handle(upload);
    assertThat(preview.heading()).contains("Esikatselu: lisatyt/kassa.md");
    assertThat(luotsi.ask("u1", QUESTION).path("answered").asBoolean()).isFalse();

    Button publish = preview.buttons().get(0);
    Reply published =
        handle(
            new IncomingMessage(
                Platform.SLACK,
                "UADMIN",
                "D1",
                publish.value(),
                publish.action(),
                Optional.empty(),
                true));

    assertThat(published.plainText())
        .startsWith("Julkaisin tiedoston lisatyt/kassa.md: tietopankin muutos 1.");
    assertThat(luotsi.ask("u1", QUESTION).path("text").asText())
        .contains("Kassavaranto on kunnan tilillä oleva raha.");
    assertThat(luotsi.get("/metrics").body()).contains("luotsi_knowledge_change 1.0");
    assertThat(luotsi.get("/health").body()).contains("\"detail\":\"knowledge change 1\"");
    assertThat(luotsi.knowledge.resolve("lisatyt/kassa.md")).exists();
  }

  @Test
  void theExposedEditorWritesSectionsThatAreAnsweredAtOnce() {
    String id =
        luotsi
            .app
            .knowledgeEditor()
            .addSection(
                "slack:UADMIN",
                fi.luotsi.knowledge.Language.FI,
                "Saako kokouksessa käyttää tekoälyä muistiinpanoihin?",
                "Saa, jos puheenjohtaja sallii sen eikä käsitellä salassa pidettäviä asioita.",
                Optional.empty());

    assertThat(
            luotsi
                .ask("u1", "Saako kokouksessa käyttää tekoälyä muistiinpanoihin?")
                .path("text")
                .asText())
        .contains("jos puheenjohtaja sallii sen");
    assertThat(id).startsWith("kysytyt/asiantuntijat.md#");
  }

  @Test
  void theAdminHelpListsTheKnowledgeCommandsAndPlainWordsStillWork() {
    Reply help = handle(IncomingMessage.text(Platform.SLACK, "UADMIN", "D1", "ylläpito"));
    Reply status = handle(IncomingMessage.text(Platform.SLACK, "UADMIN", "D1", "tietopankki"));
    Reply empty =
        handle(
            IncomingMessage.text(Platform.SLACK, "UADMIN", "D1", "")
                .inChannel()
                .withAttachments(
                    List.of(
                        new Attachment(
                            "kuva.png", 3, Optional.empty(), max -> new byte[] {1, 2, 3}))));

    assertThat(help.plainText()).contains("tietopankki palauta <polku> <versio>");
    assertThat(status.plainText()).startsWith("Tietopankki: versio");
    assertThat(empty.answered()).isFalse();
    assertThat(empty.kind()).isEqualTo(Reply.Kind.INFO);
  }
}
