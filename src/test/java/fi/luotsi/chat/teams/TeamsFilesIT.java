package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import fi.luotsi.chat.Attachment;
import fi.luotsi.chat.IncomingMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Files sent to the bot in a Teams personal chat, end to end: activities with {@code
 * file.download.info} attachments posted to {@code /api/messages} (local mode), the core's {@link
 * IncomingMessage} with its attachments, and downloads from the fake connector standing in for
 * OneDrive's pre-authenticated links.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsFilesIT {
  private static final String MARKDOWN =
      "---\ntitle: Talousarvio\n---\n## Mikä on talousarvio?\nValtuuston hyväksymä suunnitelma.\n";

  private LocalTeams local;
  private TeamsActivities activities;

  @BeforeAll
  void start() throws Exception {
    local = new LocalTeams();
    activities = local.teams;
  }

  @BeforeEach
  void reset() throws Exception {
    local.reset();
  }

  @AfterAll
  void stop() {
    local.close();
  }

  @Test
  void fileWithoutTextReachesTheCoreAndDownloadsItsExactBytesWithoutAToken() throws Exception {
    byte[] content = MARKDOWN.getBytes(StandardCharsets.UTF_8);
    local.connector.serveFile("talous.md", FakeConnector.ServedFile.of(content));

    var response =
        local.post(
            activities.personalFile(
                "admin", "a:files-1", "", "talous.md", "md", local.connector.fileUrl("talous.md")));

    assertThat(response.statusCode()).isEqualTo(202);
    IncomingMessage message = local.handler.last();
    assertThat(message.text()).isEmpty();
    assertThat(message.direct()).isTrue();
    assertThat(message.userId()).isEqualTo("aad-admin");
    assertThat(message.attachments()).hasSize(1); // the text/html copy is not a file
    Attachment attachment = message.attachments().get(0);
    assertThat(attachment.fileName()).isEqualTo("talous.md");
    assertThat(attachment.size()).isEqualTo(-1);
    assertThat(attachment.mediaType()).contains("text/markdown");
    assertThat(local.connector.downloads("talous.md")).isEmpty();

    assertThat(attachment.fetch(1024 * 1024)).isEqualTo(content);
    assertThat(local.connector.downloads("talous.md")).hasSize(1);
    assertThat(local.connector.downloads("talous.md").get(0).authorization()).isNull();
    assertThat(local.connector.activityCalls()).hasSize(1); // the core's reply
  }

  @Test
  void keepsTheTextSentWithAFile() throws Exception {
    local.post(
        activities.personalFile(
            "admin", "a:files-2", "päivitä tämä", "ohje.md", "md", local.connector.fileUrl("x")));

    IncomingMessage message = local.handler.last();
    assertThat(message.text()).isEqualTo("päivitä tämä");
    assertThat(message.attachments()).extracting(Attachment::fileName).containsExactly("ohje.md");
  }

  @Test
  void htmlCopiesAndCardsAreNotFiles() throws Exception {
    ObjectNode formatted = activities.personalMessage("user-1", "a:files-3", "Hei", "fi-FI");
    formatted.putArray("attachments").add(TeamsActivities.htmlCopy("<b>Hei</b>"));
    ObjectNode onlyHtml = activities.personalMessage("user-1", "a:files-3", "", "fi-FI");
    onlyHtml.remove("text");
    onlyHtml.putArray("attachments").add(TeamsActivities.htmlCopy(""));

    local.post(formatted);
    local.post(onlyHtml);

    assertThat(local.handler.received).hasSize(1);
    assertThat(local.handler.last().text()).isEqualTo("Hei");
    assertThat(local.handler.last().attachments()).isEmpty();
  }

  @Test
  void refusesAFileOverTheLimitWithoutReadingItAll() throws Exception {
    long total = 256L * 1024 * 1024;
    local.connector.serveFile("suuri.md", FakeConnector.ServedFile.streamed(total, true));
    local.connector.serveFile("virta.md", FakeConnector.ServedFile.streamed(total, false));

    assertThatThrownBy(() -> receive("suuri.md").fetch(1000))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "file suuri.md is larger than the 1000 bytes accepted (Teams reports "
                + total
                + " bytes)");
    assertThatThrownBy(() -> receive("virta.md").fetch(100_000))
        .isInstanceOf(IOException.class)
        .hasMessage("file virta.md is larger than the 100000 bytes accepted");
    for (String name : List.of("suuri.md", "virta.md")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> local.connector.streamed(name).isPresent());
      assertThat(local.connector.streamed(name).get().finished()).isFalse();
      assertThat(local.connector.streamed(name).get().written()).isLessThan(total);
    }
  }

  @Test
  void mapsRefusalsToClearErrors() throws Exception {
    local.connector.serveFile("a.md", FakeConnector.ServedFile.status(403, Map.of()));
    local.connector.serveFile(
        "b.md", FakeConnector.ServedFile.status(429, Map.of("Retry-After", "12")));
    local.connector.serveFile("c.md", FakeConnector.ServedFile.status(502, Map.of()));
    // d.md is not served: 404.

    assertThatThrownBy(() -> receive("a.md").fetch(100))
        .hasMessage(
            "Teams refused the download of a.md (HTTP 403): its download link has expired or is"
                + " not valid; send the file again");
    assertThatThrownBy(() -> receive("b.md").fetch(100))
        .hasMessage("Teams is rate-limiting downloads (HTTP 429); try b.md again in 12 s");
    assertThatThrownBy(() -> receive("c.md").fetch(100))
        .hasMessage("Teams could not serve c.md right now (HTTP 502); try again later");
    assertThatThrownBy(() -> receive("d.md").fetch(100))
        .hasMessage(
            "file d.md is no longer available (HTTP 404); it may have been deleted or moved");
  }

  @Test
  void outsideLocalModeOnlyHttpsLinksAreFetched() throws Exception {
    local.connector.serveFile("e.md", FakeConnector.ServedFile.of("E".getBytes()));
    try (TeamsFiles production = new TeamsFiles(false, Duration.ofSeconds(5))) {
      Attachment attachment =
          production.attachments(fileAttachment("e.md", local.connector.fileUrl("e.md"))).get(0);

      assertThatThrownBy(() -> attachment.fetch(100))
          .isInstanceOf(IOException.class)
          .hasMessage("file e.md: its download link is not an https URL; refused");
    }
    assertThat(local.connector.downloads("e.md")).isEmpty();
    assertThat(receive("e.md").fetch(100)).isEqualTo("E".getBytes()); // local mode: http is fine
  }

  @Test
  void givesUpOnADownloadThatDoesNotAnswer() throws Exception {
    local.connector.serveFile("hidas.md", FakeConnector.ServedFile.stalled());
    try (TeamsFiles files = new TeamsFiles(true, Duration.ofSeconds(1))) {
      Attachment attachment =
          files.attachments(fileAttachment("hidas.md", local.connector.fileUrl("hidas.md"))).get(0);

      assertThatThrownBy(() -> attachment.fetch(100))
          .isInstanceOf(IOException.class)
          .hasMessage("the download of hidas.md from Teams timed out after 1 s");
    }
  }

  /** Sends {@code name} in a personal chat and returns the attachment the core received. */
  private Attachment receive(String name) throws Exception {
    local.post(
        activities.personalFile(
            "admin", "a:files-" + name, "", name, "md", local.connector.fileUrl(name)));
    IncomingMessage message = local.handler.last();
    assertThat(message.conversationId()).isEqualTo("a:files-" + name);
    return message.attachments().get(0);
  }

  private List<com.microsoft.bot.schema.Attachment> fileAttachment(String name, String url) {
    ObjectNode json = activities.personalFile("admin", "a:x", "", name, "md", url);
    return Serialization.treeToValue(json, Activity.class).getAttachments();
  }
}
