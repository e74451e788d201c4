package fi.luotsi.delivery;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;

/**
 * The outbound port: messages that are not replies to a question (reminders, broadcasts,
 * escalations). One implementation per platform.
 *
 * <p>Each call makes one attempt and reports its outcome; pacing, retries with backoff and the
 * delivery log are the caller's ({@code delivery} package) concern, so that every feature that
 * sends shares them. Implementations are thread-safe and never throw for platform errors.
 */
public interface Messenger {

  /** The platform this messenger reaches. */
  Platform platform();

  /** Sends a new message. */
  DeliveryResult send(Recipient recipient, Reply message);

  /** Replaces a message sent earlier; {@code messageRef} is from {@link DeliveryResult.Sent}. */
  DeliveryResult update(Recipient recipient, String messageRef, Reply message);

  /** Deletes a message sent earlier. */
  DeliveryResult delete(Recipient recipient, String messageRef);
}
