package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackFilesTest {

  @Test
  void sendsTheTokenOnlyToSlacksApiAndFileHosts() {
    assertThat(SlackFiles.trustedOrigins(Optional.empty()))
        .containsExactlyInAnyOrder("https://slack.com:443", "https://files.slack.com:443");
  }

  @Test
  void derivesTheFileHostOfAnotherSlackDomain() {
    assertThat(SlackFiles.trustedOrigins(Optional.of("https://slack-gov.com/api/")))
        .containsExactlyInAnyOrder(
            "https://slack-gov.com:443",
            "https://files.slack-gov.com:443",
            "https://files.slack.com:443");
  }

  @Test
  void trustsALocalFakeOnlyAtItsOwnPort() {
    assertThat(SlackFiles.trustedOrigins(Optional.of("http://127.0.0.1:9000/api/")))
        .containsExactlyInAnyOrder("http://127.0.0.1:9000", "https://files.slack.com:443");
  }

  @Test
  void namesTheReasonForEachRefusal() {
    assertThat(SlackFiles.statusMessage("a.md", 401, Optional.empty())).contains("files:read");
    assertThat(SlackFiles.statusMessage("a.md", 410, Optional.empty())).contains("no longer");
    assertThat(SlackFiles.statusMessage("a.md", 429, Optional.of("90"))).endsWith("in 60 s");
    assertThat(SlackFiles.statusMessage("a.md", 418, Optional.empty()))
        .isEqualTo("Slack answered HTTP 418 to the download of a.md");
  }
}
