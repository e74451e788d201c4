package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.slack.PayloadCheck.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadCheckTest {

  @Test
  void recognisesSlacksShapes() {
    assertThat(kind("{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\"}}"))
        .isEqualTo(Kind.EVENT);
    assertThat(kind("{\"type\":\"url_verification\",\"challenge\":\"c\"}"))
        .isEqualTo(Kind.URL_VERIFICATION);
    assertThat(kind("{\"type\":\"app_rate_limited\",\"minute_rate_limited\":1}"))
        .isEqualTo(Kind.APP_RATE_LIMITED);
    assertThat(kind(SignedSlackClient.encode(Map.of("command", "/luotsi", "user_id", "U1"))))
        .isEqualTo(Kind.COMMAND);
    assertThat(
            kind(
                SignedSlackClient.encode(
                    Map.of(
                        "payload",
                        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[]}"))))
        .isEqualTo(Kind.INTERACTION);
    assertThat(kind("ssl_check=1&token=x")).isEqualTo(Kind.SSL_CHECK);
  }

  @Test
  void namesWhatIsWrongWithMalformedBodies() {
    assertThat(problem("")).isEqualTo("empty body");
    assertThat(problem("{oops")).isEqualTo("body is not a JSON object");
    assertThat(problem("{\"type\":\"event_callback\",\"event\":\"x\"}"))
        .isEqualTo("event_callback without an event type");
    assertThat(problem("{\"type\":\"shutdown\"}")).isEqualTo("unsupported payload type 'shutdown'");
    assertThat(problem("payload=%7B%22type%22%3A%22view_submission%22%7D"))
        .isEqualTo("unsupported interaction type 'view_submission'");
    assertThat(problem("command=&user_id=U1")).isEqualTo("slash command lacks command or user_id");
    assertThat(problem("a=%ZZ")).isEqualTo("body is neither JSON nor a valid form");
  }

  private static Kind kind(String body) {
    PayloadCheck.Result result = PayloadCheck.check(body);
    assertThat(result.problem()).isEmpty();
    return result.kind().orElseThrow();
  }

  private static String problem(String body) {
    PayloadCheck.Result result = PayloadCheck.check(body);
    assertThat(result.kind()).isEmpty();
    return result.problem();
  }
}
