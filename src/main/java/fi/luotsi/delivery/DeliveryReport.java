package fi.luotsi.delivery;

import java.util.List;
import java.util.Objects;

/**
 * Where the delivery of one message stands.
 *
 * @param messageKey the message, e.g. {@code broadcast:12}
 * @param reached recipients the platform accepted the message for
 * @param failed recipients that will not get it: gone, permanent errors, retries exhausted, or
 *     interrupted mid-send (not repeated, to never send twice)
 * @param pending recipients still waiting for a first attempt or a retry
 * @param retracted recipients from whom the message was deleted again
 * @param failures the failed recipients with the reason, at most 50
 */
public record DeliveryReport(
    String messageKey,
    int reached,
    int failed,
    int pending,
    int retracted,
    List<Failure> failures) {

  /** One recipient that did not get the message, and why. */
  public record Failure(Recipient recipient, String status, String reason) {
    public Failure {
      Objects.requireNonNull(recipient, "recipient");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public DeliveryReport {
    Objects.requireNonNull(messageKey, "messageKey");
    failures = List.copyOf(failures);
  }

  public int total() {
    return reached + failed + pending + retracted;
  }

  public boolean finished() {
    return pending == 0;
  }
}
