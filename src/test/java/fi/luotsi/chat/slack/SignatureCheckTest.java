package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import fi.luotsi.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-03-04T08:00:00Z"), ZoneOffset.UTC);
  private static final long NOW = CLOCK.instant().getEpochSecond();
  private static final String BODY = "{\"type\":\"url_verification\",\"challenge\":\"ä\"}";

  private final SignatureCheck check = new SignatureCheck("secret", CLOCK);
  private final SlackSignature.Generator slack = new SlackSignature.Generator("secret");

  @Test
  void acceptsARequestSignedAsSlackSignsIt() {
    assertThat(check.problem(signed(NOW, BODY))).isEmpty();
  }

  @Test
  void rejectsForgedSlackSignature() {
    String ts = String.valueOf(NOW);
    var forged = request(ts, new SlackSignature.Generator("other").generate(ts, BODY), BODY);

    assertThat(check.problem(forged)).contains("signature does not match");
  }

  @Test
  void rejectsABodyChangedAfterSigning() {
    String ts = String.valueOf(NOW);
    var tampered = request(ts, slack.generate(ts, BODY), BODY.replace("ä", "a"));

    assertThat(check.problem(tampered)).isPresent();
  }

  @Test
  void rejectsStaleSlackSignature() {
    assertThat(check.problem(signed(NOW - 301, BODY))).get().asString().contains("past");
    assertThat(check.problem(signed(NOW - 300, BODY))).isEmpty();
  }

  @Test
  void rejectsFutureSlackSignature() {
    assertThat(check.problem(signed(NOW + 301, BODY))).get().asString().contains("future");
    assertThat(check.problem(signed(NOW + 300, BODY))).isEmpty();
  }

  @Test
  void rejectsMissingOrMalformedHeaders() {
    assertThat(check.problem(request(null, "v0=abc", BODY))).isPresent();
    assertThat(check.problem(request(String.valueOf(NOW), null, BODY))).isPresent();
    assertThat(check.problem(request("yesterday", "v0=abc", BODY)))
        .contains("malformed X-Slack-Request-Timestamp");
  }

  private HttpRequest signed(long ts, String body) {
    return request(String.valueOf(ts), slack.generate(String.valueOf(ts), body), body);
  }

  private static HttpRequest request(String ts, String signature, String body) {
    Map<String, List<String>> headers = new HashMap<>();
    if (ts != null) {
      headers.put("X-Slack-Request-Timestamp", List.of(ts));
    }
    if (signature != null) {
      headers.put("X-Slack-Signature", List.of(signature));
    }
    return new HttpRequest(
        "POST",
        "/slack/events",
        headers,
        Map.of(),
        body.getBytes(StandardCharsets.UTF_8),
        "127.0.0.1");
  }
}
