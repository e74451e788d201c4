package fi.luotsi.chat.slack;

import fi.luotsi.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies that a request comes from Slack: {@code X-Slack-Signature} must be {@code v0=} and the
 * hex HMAC-SHA256 of {@code v0:<timestamp>:<raw body>} under the signing secret, and {@code
 * X-Slack-Request-Timestamp} must lie within five minutes of now in either direction (Bolt's own
 * check only refuses old timestamps, so a captured request could be replayed later if its clock
 * were ahead). The comparison is constant-time. Thread-safe.
 */
final class SignatureCheck {
  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final SecretKeySpec key;
  private final Clock clock;

  SignatureCheck(String signingSecret, Clock clock) {
    Objects.requireNonNull(signingSecret, "signingSecret");
    if (signingSecret.isBlank()) {
      throw new IllegalArgumentException("signing secret is blank");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Why the request is not a genuine, fresh Slack request; empty when it is. */
  Optional<String> problem(HttpRequest request) {
    Optional<String> timestamp = request.header("X-Slack-Request-Timestamp");
    Optional<String> signature = request.header("X-Slack-Signature");
    if (timestamp.isEmpty() || signature.isEmpty()) {
      return Optional.of("missing X-Slack-Request-Timestamp or X-Slack-Signature");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.get().trim());
    } catch (NumberFormatException e) {
      return Optional.of("malformed X-Slack-Request-Timestamp");
    }
    long skew = clock.instant().getEpochSecond() - seconds;
    if (Math.abs(skew) > MAX_SKEW.toSeconds()) {
      return Optional.of(
          "request timestamp is "
              + Math.abs(skew)
              + " s in the "
              + (skew > 0 ? "past" : "future")
              + " (more than "
              + MAX_SKEW.toSeconds()
              + " s)");
    }
    byte[] expected =
        ("v0=" + HexFormat.of().formatHex(hmac(timestamp.get().trim(), request.body())))
            .getBytes(StandardCharsets.US_ASCII);
    byte[] actual = signature.get().trim().getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, actual)) {
      return Optional.of("signature does not match");
    }
    return Optional.empty();
  }

  private byte[] hmac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
