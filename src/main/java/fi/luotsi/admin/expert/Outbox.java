package fi.luotsi.admin.expert;

import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.Recipient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through the {@link DeliveryService} off the chat thread: a reply to the person comes at
 * once, while the delivery (with its pacing and retries) runs in the background and reports how it
 * ended. The delivery log makes each message reach each recipient at most once, also when a send is
 * repeated.
 */
final class Outbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final DeliveryService delivery;
  private final ExecutorService executor;

  Outbox(DeliveryService delivery, ExecutorService executor) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * Delivers {@code message} to {@code recipients} under {@code key} and then calls {@code then}
   * with the report (on the background thread; it must not throw).
   */
  void send(String key, Reply message, List<Recipient> recipients, Consumer<DeliveryReport> then) {
    executor.execute(
        () -> {
          try {
            then.accept(delivery.deliver(key, message, recipients));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Delivery of {} interrupted; the delivery log keeps what is left", key);
          } catch (RuntimeException e) {
            log.error("Delivery of {} failed", key, e);
          }
        });
  }

  /** Waits up to {@code wait} for deliveries in progress. */
  void close(Duration wait) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
