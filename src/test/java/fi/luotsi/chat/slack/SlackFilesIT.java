package fi.luotsi.chat.slack;

import static fi.luotsi.chat.slack.SlackPayloads.eventCallback;
import static fi.luotsi.chat.slack.SlackPayloads.file;
import static fi.luotsi.chat.slack.SlackPayloads.fileShare;
import static fi.luotsi.chat.slack.SlackPayloads.mention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import fi.luotsi.chat.Attachment;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.http.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Files sent to the bot in Slack, end to end: signed events with files to the real server, the
 * adapter's listeners, the core's {@link IncomingMessage} with its attachments, and downloads from
 * the fake Slack's file host. Each test uses its own channel and file ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackFilesIT {
  private static final String SECRET = "test-signing-secret";
  private static final String TOKEN = "xoxb-fake";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-03-04T08:00:00Z"), ZoneOffset.UTC);
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final String MARKDOWN =
      "---\ntitle: Esteellisyys\n---\n## Milloin olen esteellinen?\nKun asia koskee läheistäsi.\n";

  private FakeSlackApi slackApi;
  private FakeSlackApi elsewhere;
  private ScriptedConversation core;
  private HttpServer server;
  private SlackAdapter adapter;
  private SignedSlackClient slack;

  @BeforeAll
  void start() throws Exception {
    slackApi = new FakeSlackApi();
    elsewhere = new FakeSlackApi();
    core = new ScriptedConversation();
    server = new HttpServer("127.0.0.1", 0, 4 * 1024 * 1024);
    adapter =
        new SlackAdapter(
            new SlackAdapter.Settings(
                TOKEN, Optional.of(SECRET), Optional.empty(), Optional.of(slackApi.apiUrl())),
            core,
            CLOCK,
            Optional.empty(),
            Duration.ofSeconds(2));
    adapter.register(server);
    server.start();
    adapter.start();
    slack = new SignedSlackClient(server.port(), SECRET, CLOCK);
  }

  @AfterAll
  void stop() {
    adapter.close();
    server.close();
    slackApi.close();
    elsewhere.close();
  }

  @Test
  void fileInADmWithoutTextReachesTheCoreAndDownloadsItsExactBytes() throws IOException {
    byte[] content = MARKDOWN.getBytes(StandardCharsets.UTF_8);
    slackApi.serveFile("F1", "esteellisyys.md", FakeSlackApi.ServedFile.of("text/plain", content));

    var response =
        slack.json(
            eventCallback(
                "EvFile1",
                fileShare(
                    "UADMIN",
                    "DFILE1",
                    "im",
                    "1804000000.000001",
                    "",
                    file(
                        "F1",
                        "esteellisyys.md",
                        content.length,
                        "text/markdown",
                        slackApi.fileUrl("F1", "esteellisyys.md")))));

    assertThat(response.statusCode()).isEqualTo(200);
    IncomingMessage message = awaitMessage("DFILE1");
    assertThat(message.text()).isEmpty();
    assertThat(message.direct()).isTrue();
    assertThat(message.userId()).isEqualTo("UADMIN");
    assertThat(message.attachments()).hasSize(1);
    Attachment attachment = message.attachments().get(0);
    assertThat(attachment.fileName()).isEqualTo("esteellisyys.md");
    assertThat(attachment.size()).isEqualTo(content.length);
    assertThat(attachment.mediaType()).contains("text/markdown");
    assertThat(downloadsOf("F1")).isEmpty(); // nothing fetched until the core asks

    assertThat(attachment.fetch(1024 * 1024)).isEqualTo(content);
    assertThat(downloadsOf("F1")).hasSize(1);
    assertThat(downloadsOf("F1").get(0).authorization()).isEqualTo("Bearer " + TOKEN);
    awaitPost("DFILE1"); // and the core's reply went back to the DM
  }

  @Test
  void textAndSeveralFilesArriveTogetherInOrder() throws IOException {
    slackApi.serveFile("F2a", "a.md", FakeSlackApi.ServedFile.of("text/plain", bytes("A")));
    slackApi.serveFile("F2b", "b.md", FakeSlackApi.ServedFile.of("text/plain", bytes("B")));

    slack.json(
        eventCallback(
            "EvFile2",
            fileShare(
                "UADMIN",
                "DFILE2",
                "im",
                "1804000000.000001",
                "päivitä nämä",
                file("F2a", "a.md", 1, "text/markdown", slackApi.fileUrl("F2a", "a.md")),
                file("F2b", "b.md", 1, "text/markdown", slackApi.fileUrl("F2b", "b.md")))));

    IncomingMessage message = awaitMessage("DFILE2");
    assertThat(message.text()).isEqualTo("päivitä nämä");
    assertThat(message.attachments())
        .extracting(Attachment::fileName)
        .containsExactly("a.md", "b.md");
    assertThat(message.attachments().get(1).fetch(10)).isEqualTo(bytes("B"));
  }

  @Test
  void mentionWithAFileInAChannelCarriesTheFile() throws IOException {
    slackApi.serveFile("F3", "c.md", FakeSlackApi.ServedFile.of("text/plain", bytes("C")));
    JsonObject event =
        mention("UADMIN", "CFILE3", "1804000000.000001", null, "<@UBOT> tässä tiedosto");
    com.google.gson.JsonArray files = new com.google.gson.JsonArray();
    files.add(file("F3", "c.md", 1, "text/markdown", slackApi.fileUrl("F3", "c.md")));
    event.add("files", files);

    slack.json(eventCallback("EvFile3", event));

    IncomingMessage message = awaitMessage("CFILE3");
    assertThat(message.direct()).isFalse();
    assertThat(message.text()).isEqualTo("tässä tiedosto");
    assertThat(message.attachments()).extracting(Attachment::fileName).containsExactly("c.md");
    assertThat(message.attachments().get(0).fetch(10)).isEqualTo(bytes("C"));
  }

  @Test
  void ignoresFileSharesInChannelsWithoutAMentionAndRetriesOfTheSameEvent() {
    JsonObject inChannel =
        fileShare(
            "UADMIN",
            "CFILE4",
            "channel",
            "1804000000.000001",
            "",
            file("F4", "d.md", 1, "text/markdown", slackApi.fileUrl("F4", "d.md")));
    slack.json(eventCallback("EvFile4", inChannel));
    String dm =
        eventCallback(
            "EvFile4b",
            fileShare(
                "UADMIN",
                "DFILE4",
                "im",
                "1804000000.000002",
                "",
                file("F4b", "e.md", 1, "text/markdown", slackApi.fileUrl("F4b", "e.md"))));
    slack.json(dm);
    slack.json(dm, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");

    awaitPost("DFILE4");
    assertThat(core.received).noneMatch(m -> m.conversationId().equals("CFILE4"));
    assertThat(core.received.stream().filter(m -> m.conversationId().equals("DFILE4"))).hasSize(1);
  }

  @Test
  void refusesAFileLargerThanTheLimitBeforeDownloadingWhenSlackReportsItsSize() {
    Attachment attachment =
        receive("F5", "iso.md", 5_000_000, slackApi.fileUrl("F5", "iso.md"), "DFILE5");

    assertThatThrownBy(() -> attachment.fetch(1_000_000))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("iso.md")
        .hasMessageContaining("5000000 bytes")
        .hasMessageContaining("at most 1000000");
    assertThat(slackApi.fileDownloads()).noneMatch(c -> c.method().contains("F5"));
  }

  @Test
  void refusesAFileWhoseContentLengthIsOverTheLimitWithoutReadingIt() {
    long total = 256L * 1024 * 1024;
    slackApi.serveFile(
        "F6",
        "pieni.md",
        new FakeSlackApi.ServedFile(200, "text/plain", null, total, Map.of(), total));
    Attachment attachment =
        receive("F6", "pieni.md", 10, slackApi.fileUrl("F6", "pieni.md"), "DFILE6");

    assertThatThrownBy(() -> attachment.fetch(1_000))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "file pieni.md is larger than the 1000 bytes accepted (Slack reports "
                + total
                + " bytes)");
    await().atMost(PATIENCE).until(() -> slackApi.streamed("F6", "pieni.md").isPresent());
    assertThat(slackApi.streamed("F6", "pieni.md").get().finished()).isFalse();
  }

  @Test
  void stopsReadingAStreamedFileAtTheLimit() {
    long total = 256L * 1024 * 1024;
    slackApi.serveFile(
        "F7",
        "virta.md",
        new FakeSlackApi.ServedFile(200, "text/plain", null, -1, Map.of(), total));
    Attachment attachment =
        receive("F7", "virta.md", -1, slackApi.fileUrl("F7", "virta.md"), "DFILE7");

    assertThatThrownBy(() -> attachment.fetch(100_000))
        .isInstanceOf(IOException.class)
        .hasMessage("file virta.md is larger than the 100000 bytes accepted");
    await().atMost(PATIENCE).until(() -> slackApi.streamed("F7", "virta.md").isPresent());
    FakeSlackApi.Streamed streamed = slackApi.streamed("F7", "virta.md").get();
    assertThat(streamed.finished()).isFalse();
    assertThat(streamed.written()).isLessThan(total);
  }

  @Test
  void mapsSlacksRefusalsToClearErrors() {
    slackApi.serveFile("F8a", "x.md", FakeSlackApi.ServedFile.status(403, Map.of()));
    slackApi.serveFile(
        "F8b", "x.md", FakeSlackApi.ServedFile.status(429, Map.of("Retry-After", "7")));
    slackApi.serveFile("F8c", "x.md", FakeSlackApi.ServedFile.status(503, Map.of()));
    // F8d is not served at all: 404.

    assertThatThrownBy(() -> fetch("F8a", "DFILE8a"))
        .hasMessage(
            "Slack refused the download of x.md (HTTP 403): the app needs the files:read scope,"
                + " and the file must be shared where the bot is");
    assertThatThrownBy(() -> fetch("F8b", "DFILE8b"))
        .hasMessage("Slack is rate-limiting downloads (HTTP 429); try x.md again in 7 s");
    assertThatThrownBy(() -> fetch("F8c", "DFILE8c"))
        .hasMessage("Slack could not serve x.md right now (HTTP 503); try again later");
    assertThatThrownBy(() -> fetch("F8d", "DFILE8d"))
        .hasMessage("file x.md is no longer in Slack (HTTP 404); it may have been deleted");
  }

  @Test
  void neverSendsTheBotTokenToAHostThatIsNotSlacks() {
    elsewhere.serveFile("F9", "x.md", FakeSlackApi.ServedFile.of("text/plain", bytes("X")));
    String port = slackApi.apiUrl().replaceAll(".*:(\\d+)/api/", "$1");
    List<String> foreign =
        List.of(
            elsewhere.fileUrl("F9", "x.md"), // same machine, another port
            "https://evil.example/files-pri/T1-F9/x.md",
            "http://127.0.0.1:" + port + "@evil.example/files-pri/T1-F9/x.md",
            "ftp://127.0.0.1:" + port + "/x.md");
    int i = 0;
    for (String url : foreign) {
      Attachment attachment = receive("F9", "x.md", 1, url, "DFILE9" + i++);
      assertThatThrownBy(() -> attachment.fetch(100))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not a Slack file host")
          .hasMessageNotContaining(TOKEN);
    }
    assertThat(elsewhere.fileDownloads()).isEmpty();
  }

  @Test
  void treatsASignInPageOrARedirectAwayFromSlackAsRefusal() {
    slackApi.serveFile(
        "F10a",
        "x.md",
        FakeSlackApi.ServedFile.of(
            "text/html; charset=utf-8", bytes("<!DOCTYPE html><html>Sign in</html>")));
    slackApi.serveFile(
        "F10b",
        "x.md",
        FakeSlackApi.ServedFile.status(
            302, Map.of("Location", elsewhere.fileUrl("F10b", "x.md") + "?redir=login")));

    assertThatThrownBy(() -> fetch("F10a", "DFILE10a"))
        .hasMessageContaining("web page instead of the file")
        .hasMessageContaining("files:read");
    assertThatThrownBy(() -> fetch("F10b", "DFILE10b"))
        .hasMessageContaining("redirected the download of x.md to 127.0.0.1")
        .hasMessageContaining("files:read");
    assertThat(elsewhere.fileDownloads()).isEmpty();
  }

  @Test
  void followsARedirectWithinSlacksFileHost() throws IOException {
    slackApi.serveFile("F11", "uusi.md", FakeSlackApi.ServedFile.of("text/plain", bytes("uusi")));
    slackApi.serveFile(
        "F11old",
        "x.md",
        FakeSlackApi.ServedFile.status(
            302, Map.of("Location", FakeSlackApi.filePath("F11", "uusi.md"))));

    assertThat(fetch("F11old", "DFILE11")).isEqualTo(bytes("uusi"));
    assertThat(slackApi.fileDownloads())
        .filteredOn(c -> c.method().contains("F11"))
        .extracting(FakeSlackApi.Call::authorization)
        .containsExactly("Bearer " + TOKEN, "Bearer " + TOKEN);
  }

  @Test
  void asksFilesInfoForTheUrlOfAPartialFile() throws IOException {
    slackApi.serveFile("F12", "jaettu.md", FakeSlackApi.ServedFile.of("text/plain", bytes("J")));
    slackApi.fileInfo(
        "F12",
        file("F12", "jaettu.md", 1, "text/markdown", slackApi.fileUrl("F12", "jaettu.md"))
            .toString());
    JsonObject partial = new JsonObject();
    partial.addProperty("id", "F12");
    partial.addProperty("file_access", "check_file_info");
    partial.addProperty("created", 0);
    partial.addProperty("timestamp", 0);
    partial.addProperty("user", "UADMIN");
    slack.json(
        eventCallback(
            "EvFile12", fileShare("UADMIN", "DFILE12", "im", "1804000000.000001", "", partial)));
    Attachment attachment = awaitMessage("DFILE12").attachments().get(0);

    assertThat(attachment.size()).isEqualTo(-1);
    assertThat(attachment.fetch(10)).isEqualTo(bytes("J"));
    assertThat(slackApi.calls("files.info", c -> "F12".equals(c.param("file")))).hasSize(1);
  }

  @Test
  void givesUpOnADownloadThatDoesNotAnswer() {
    slackApi.stallFile("F13", "hidas.md");
    Attachment attachment =
        receive("F13", "hidas.md", 1, slackApi.fileUrl("F13", "hidas.md"), "DFILE13");

    assertThatThrownBy(() -> attachment.fetch(100))
        .isInstanceOf(IOException.class)
        .hasMessage("the download of hidas.md from Slack timed out after 2 s");
  }

  private List<FakeSlackApi.Call> downloadsOf(String fileId) {
    return slackApi.fileDownloads().stream()
        .filter(c -> c.method().startsWith("files-pri/T1-" + fileId + "/"))
        .toList();
  }

  private byte[] fetch(String fileId, String channel) throws IOException {
    return receive(fileId, "x.md", 1, slackApi.fileUrl(fileId, "x.md"), channel).fetch(100);
  }

  /** Sends a DM with one file and returns the attachment the core received. */
  private Attachment receive(String fileId, String name, long size, String url, String channel) {
    slack.json(
        eventCallback(
            "Ev" + channel,
            fileShare(
                "UADMIN",
                channel,
                "im",
                "1804000000.000001",
                "",
                file(fileId, name, size, "text/markdown", url))));
    return awaitMessage(channel).attachments().get(0);
  }

  private IncomingMessage awaitMessage(String conversation) {
    await()
        .atMost(PATIENCE)
        .until(() -> core.received.stream().anyMatch(m -> m.conversationId().equals(conversation)));
    return core.received.stream()
        .filter(m -> m.conversationId().equals(conversation))
        .findFirst()
        .orElseThrow();
  }

  private void awaitPost(String channel) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !slackApi
                    .calls("chat.postMessage", c -> channel.equals(c.param("channel")))
                    .isEmpty());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
