package fi.luotsi.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns platform user ids into stable pseudonyms (HMAC-SHA-256 with a secret key), so that logs can
 * count and group a person's questions without holding who they are.
 */
public final class Pseudonyms {
  /**
   * A keyed MAC that is only ever cloned: looking up the provider and initialising the key on every
   * question cost more than the HMAC itself.
   */
  private final Mac prototype;

  public Pseudonyms(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < 16) {
      throw new IllegalArgumentException("pseudonym key must be at least 16 bytes");
    }
    try {
      prototype = Mac.getInstance("HmacSHA256");
      prototype.init(new SecretKeySpec(secret.clone(), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public String of(Platform platform, String userId) {
    try {
      Mac mac = (Mac) prototype.clone();
      byte[] digest =
          mac.doFinal((platform.name() + ":" + userId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
    }
  }
}
