package fi.luotsi.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds requests for {@code POST /slack/events} the way Slack sends them: an {@code
 * event_callback} with a direct message, or a slash command form, signed with the signing secret
 * ({@code v0=} HMAC-SHA-256 of {@code v0:<timestamp>:<body>}). Thread-safe.
 */
public final class SlackSigner {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A body with its content type and the two signature headers. */
  public record Signed(String body, String contentType, String timestamp, String signature) {}

  private final SecretKeySpec key;
  private final Clock clock;

  public SlackSigner(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** A direct message from {@code user} in the DM channel {@code channel}. */
  public Signed directMessage(String eventId, String user, String channel, String ts, String text) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message");
    event.put("user", user);
    event.put("text", text);
    event.put("ts", ts);
    event.put("channel", channel);
    event.put("channel_type", "im");
    event.put("event_ts", ts);
    ObjectNode body = JSON.createObjectNode();
    body.put("token", "legacy-verification-token");
    body.put("team_id", "T1");
    body.put("api_app_id", "A1");
    body.set("event", event);
    body.put("type", "event_callback");
    body.put("event_id", eventId);
    body.put("event_time", clock.instant().getEpochSecond());
    return sign(body.toString(), "application/json");
  }

  /** A {@code /luotsi <text>} slash command whose answer goes to {@code responseUrl}. */
  public Signed slashCommand(String user, String channel, String text, String responseUrl) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("command", "/luotsi");
    fields.put("text", text);
    fields.put("team_id", "T1");
    fields.put("channel_id", channel);
    fields.put("user_id", user);
    fields.put("response_url", responseUrl);
    fields.put("trigger_id", "1.2.3");
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return sign(body, "application/x-www-form-urlencoded");
  }

  private Signed sign(String body, String contentType) {
    String ts = Long.toString(clock.instant().getEpochSecond());
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8));
      return new Signed(body, contentType, ts, "v0=" + HexFormat.of().formatHex(digest));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
