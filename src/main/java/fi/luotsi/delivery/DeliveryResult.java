package fi.luotsi.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one outbound message. Every send ends in exactly one of these; nothing is
 * swallowed.
 */
public sealed interface DeliveryResult {

  /** Delivered; {@code messageRef} identifies it on the platform for a later update or delete. */
  record Sent(String messageRef) implements DeliveryResult {
    public Sent {
      Objects.requireNonNull(messageRef, "messageRef");
    }
  }

  /** The platform asked us to slow down (HTTP 429); try again after {@code retryAfter}. */
  record Throttled(Duration retryAfter) implements DeliveryResult {
    public Throttled {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /** The recipient no longer exists or has removed the bot (403/404): do not retry. */
  record Gone(String reason) implements DeliveryResult {
    public Gone {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Any other failure; {@code retryable} for outages (5xx, 412, timeouts). */
  record Failed(String reason, boolean retryable) implements DeliveryResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
