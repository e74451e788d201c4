package fi.luotsi.delivery;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one message to many recipients through the {@link Messenger}s, exactly once per
 * recipient as far as we can know: every (message, recipient) pair has one row in the delivery log;
 * a row is claimed before its send and marked after it, so a delivery that is repeated or resumed
 * after a crash (on this or another instance) sends only to recipients not yet reached.
 *
 * <p>Sends are paced per platform ({@link Pacing}), throttled (429) and retryable failures are
 * retried with exponential backoff and jitter, never before the platform's {@code Retry-After}
 * ({@link RetryPolicy}); recipients that are gone, fail permanently or exhaust their retries are
 * dead-lettered with the reason and appear in the {@link DeliveryReport}. A row left mid-send by a
 * sender that died is not repeated (it may have arrived); it is reported as failed.
 *
 * <p>Thread-safe; calls block until their work is done. Time comes from the injected clock.
 */
public final class DeliveryService {
  private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

  /** Waits; tests may count instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
      return d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
        }
      };
    }
  }

  private final DeliveryLog deliveryLog;
  private final Map<Platform, Messenger> messengers =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Platform, Pacer> pacers = new EnumMap<>(Platform.class);
  private final Clock clock;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final int workers;
  private final Duration claimLease;

  /** This instance's id (stable across restarts where the data directory is kept). */
  private final String instanceId;

  /** Who claims rows: the instance id and this process, so a restart knows its earlier claims. */
  private final String instance;

  /**
   * @param dataSource the database holding {@code delivery_log}
   * @param messengers one per connected platform; recipients on other platforms fail with a reason
   * @param clock the time source for pacing, retries and the log
   * @param pacing rate limits per platform
   * @param retry backoff and attempts
   * @param sleeper how to wait (real sleep in production)
   * @param workers how many sends may be in flight at once
   * @param claimLease how long a row may stay mid-send before it is considered abandoned by a
   *     sender that died; longer than the slowest single send
   */
  public DeliveryService(
      DataSource dataSource,
      Collection<Messenger> messengers,
      Clock clock,
      Pacing pacing,
      RetryPolicy retry,
      Sleeper sleeper,
      int workers,
      Duration claimLease) {
    this(
        dataSource,
        messengers,
        clock,
        pacing,
        retry,
        sleeper,
        workers,
        claimLease,
        "luotsi-" + UUID.randomUUID());
  }

  /**
   * As above, for an instance whose id survives restarts ({@code instanceId}, at most 60
   * characters, unique among the instances sharing the database): after a crash, {@link
   * #recoverEarlierClaims()} settles the rows its earlier process left mid-send at once instead of
   * after the claim lease.
   */
  public DeliveryService(
      DataSource dataSource,
      Collection<Messenger> messengers,
      Clock clock,
      Pacing pacing,
      RetryPolicy retry,
      Sleeper sleeper,
      int workers,
      Duration claimLease,
      String instanceId) {
    if (instanceId == null || instanceId.isBlank() || instanceId.length() > 60) {
      throw new IllegalArgumentException("instance id must be 1-60 characters: " + instanceId);
    }
    this.instanceId = instanceId;
    this.instance = instanceId + "/" + UUID.randomUUID();
    this.deliveryLog = new DeliveryLog(Objects.requireNonNull(dataSource, "dataSource"));
    messengers.forEach(m -> this.messengers.put(m.platform(), m));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.workers = workers;
    this.claimLease = Objects.requireNonNull(claimLease, "claimLease");
    for (Platform p : Platform.values()) {
      pacers.put(p, new Pacer(p, clock, pacing.conversation(p), pacing.platform(p)));
    }
  }

  /**
   * Adds (or replaces) the messenger of a platform, for adapters built after this service (they
   * need the chat core, whose commands need this service).
   */
  public void connect(Messenger messenger) {
    messengers.put(messenger.platform(), Objects.requireNonNull(messenger, "messenger"));
  }

  /** Production settings: platform limits, standard retries, 16 workers, 2-minute lease. */
  public static DeliveryService standard(
      DataSource dataSource, Collection<Messenger> messengers, Clock clock) {
    return standard(dataSource, messengers, clock, "luotsi-" + UUID.randomUUID());
  }

  /** Production settings for an instance whose id survives restarts. */
  public static DeliveryService standard(
      DataSource dataSource, Collection<Messenger> messengers, Clock clock, String instanceId) {
    return new DeliveryService(
        dataSource,
        messengers,
        clock,
        Pacing.platformDefaults(),
        RetryPolicy.standard(),
        Sleeper.real(),
        16,
        Duration.ofMinutes(2),
        instanceId);
  }

  /**
   * Settles the rows that an earlier process of this instance left mid-send (it was killed between
   * the send and recording its outcome): the platform may or may not have the message, so they are
   * not repeated and become UNCERTAIN now rather than when their claim lease runs out. Call once at
   * start-up, before this process delivers anything.
   *
   * @return how many rows were settled
   */
  public int recoverEarlierClaims() {
    int settled = deliveryLog.expireEarlierClaims(instanceId + "/", instance, clock.instant());
    if (settled > 0) {
      log.warn(
          "{} deliveries were mid-send when this instance ({}) stopped last time; they are marked"
              + " UNCERTAIN and not repeated, to never send twice (see the delivery reports)",
          settled,
          instanceId);
    }
    return settled;
  }

  /**
   * Delivers {@code message} to every recipient that the log does not already show as handled for
   * {@code messageKey}, and returns when none is pending any more.
   *
   * @param messageKey identifies the message for the log, e.g. {@code reminder:<session>:P1D}
   * @throws InterruptedException when interrupted; the log keeps what is left for a later resume
   */
  public DeliveryReport deliver(String messageKey, Reply message, List<Recipient> recipients)
      throws InterruptedException {
    Objects.requireNonNull(message, "message");
    Instant now = clock.instant();
    int added = deliveryLog.addRecipients(messageKey, recipients, now);
    int abandoned = deliveryLog.expireClaims(messageKey, now.minus(claimLease), now);
    if (abandoned > 0) {
      log.warn(
          "{}: {} recipients were mid-send when an earlier sender stopped; not repeating them",
          messageKey,
          abandoned);
    }
    log.info("Delivering {} ({} new recipients)", messageKey, added);
    runWorkers(() -> work(messageKey, message));
    DeliveryReport report = deliveryLog.report(messageKey);
    log.info(
        "Delivered {}: reached {}, failed {}, pending {}",
        messageKey,
        report.reached(),
        report.failed(),
        report.pending());
    return report;
  }

  /** Where the delivery of a message stands. */
  public DeliveryReport report(String messageKey) {
    return deliveryLog.report(messageKey);
  }

  /** Replaces the message for every recipient it reached. */
  public DeliveryReport update(String messageKey, Reply message) throws InterruptedException {
    return forEachSent(
        messageKey,
        row ->
            messengers
                .get(row.recipient().platform())
                .update(row.recipient(), row.messageRef().orElseThrow(), message),
        (row, result) -> {
          if (result instanceof DeliveryResult.Sent sent) {
            deliveryLog.updateRef(row.id(), DeliveryLog.SENT, sent.messageRef(), clock.instant());
          }
        });
  }

  /** Deletes the message from every recipient it reached. */
  public DeliveryReport retract(String messageKey) throws InterruptedException {
    return forEachSent(
        messageKey,
        row ->
            messengers
                .get(row.recipient().platform())
                .delete(row.recipient(), row.messageRef().orElseThrow()),
        (row, result) -> {
          if (result instanceof DeliveryResult.Sent || result instanceof DeliveryResult.Gone) {
            deliveryLog.updateRef(
                row.id(), DeliveryLog.RETRACTED, row.messageRef().orElse(null), clock.instant());
          }
        });
  }

  private void work(String key, Reply message) throws InterruptedException {
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("delivery of " + key + " interrupted");
      }
      Optional<DeliveryLog.Row> claimed = deliveryLog.claim(key, clock.instant(), instance);
      if (claimed.isEmpty()) {
        Optional<Instant> next = deliveryLog.nextDue(key);
        if (next.isEmpty()) {
          return;
        }
        Duration wait = Duration.between(clock.instant(), next.get());
        sleeper.sleep(clamp(wait, Duration.ofMillis(5), Duration.ofMillis(250)));
        continue;
      }
      send(claimed.get(), message);
    }
  }

  private void send(DeliveryLog.Row row, Reply message) throws InterruptedException {
    Recipient to = row.recipient();
    Messenger messenger = messengers.get(to.platform());
    int attempts = row.attempts() + 1;
    if (messenger == null) {
      deliveryLog.finish(
          row.id(),
          DeliveryLog.FAILED,
          attempts,
          to.platform() + " is not connected to this instance",
          clock.instant());
      return;
    }
    Pacer pacer = pacers.get(to.platform());
    try {
      pace(pacer, to.address());
    } catch (InterruptedException e) {
      deliveryLog.release(row.id(), clock.instant());
      throw e;
    }
    DeliveryResult result;
    try {
      result = messenger.send(to, message);
    } catch (RuntimeException e) {
      result = new DeliveryResult.Failed("messenger error: " + e, true);
    }
    Instant now = clock.instant();
    switch (result) {
      case DeliveryResult.Sent sent -> {
        pacer.outcome(false, Duration.ZERO);
        deliveryLog.sent(row.id(), sent.messageRef(), attempts, now);
      }
      case DeliveryResult.Throttled throttled -> {
        pacer.outcome(true, throttled.retryAfter());
        again(row, attempts, throttled.retryAfter(), "throttled (429)", now);
      }
      case DeliveryResult.Failed failed when failed.retryable() -> {
        pacer.outcome(false, Duration.ZERO);
        again(row, attempts, Duration.ZERO, failed.reason(), now);
      }
      case DeliveryResult.Failed failed -> {
        pacer.outcome(false, Duration.ZERO);
        deliveryLog.finish(row.id(), DeliveryLog.FAILED, attempts, failed.reason(), now);
        log.warn("{}: permanent failure for {}: {}", "delivery", to, failed.reason());
      }
      case DeliveryResult.Gone gone -> {
        pacer.outcome(false, Duration.ZERO);
        deliveryLog.finish(row.id(), DeliveryLog.GONE, attempts, gone.reason(), now);
        log.info("Recipient {} is gone: {}", to, gone.reason());
      }
    }
  }

  private void pace(Pacer pacer, String address) throws InterruptedException {
    Duration wait;
    while (!(wait = pacer.tryAcquire(address)).isZero()) {
      sleeper.sleep(wait);
    }
  }

  private void again(
      DeliveryLog.Row row, int attempts, Duration retryAfter, String reason, Instant now) {
    if (attempts >= retry.maxAttempts()) {
      deliveryLog.finish(
          row.id(),
          DeliveryLog.DEAD,
          attempts,
          "gave up after " + attempts + " attempts; last: " + reason,
          now);
      log.warn("Dead letter for {} after {} attempts: {}", row.recipient(), attempts, reason);
      return;
    }
    Duration wait = retry.delay(attempts, retryAfter, ThreadLocalRandom.current());
    deliveryLog.retry(row.id(), attempts, now.plus(wait), reason, now);
  }

  private DeliveryReport forEachSent(
      String key,
      Function<DeliveryLog.Row, DeliveryResult> call,
      java.util.function.BiConsumer<DeliveryLog.Row, DeliveryResult> record)
      throws InterruptedException {
    List<DeliveryLog.Row> rows = deliveryLog.sentRows(key);
    java.util.concurrent.ConcurrentLinkedQueue<DeliveryLog.Row> queue =
        new java.util.concurrent.ConcurrentLinkedQueue<>(rows);
    runWorkers(
        () -> {
          DeliveryLog.Row row;
          while ((row = queue.poll()) != null) {
            if (row.messageRef().isEmpty() || !messengers.containsKey(row.recipient().platform())) {
              continue;
            }
            DeliveryResult result = null;
            for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
              pace(pacers.get(row.recipient().platform()), row.recipient().address());
              try {
                result = call.apply(row);
              } catch (RuntimeException e) {
                result = new DeliveryResult.Failed("messenger error: " + e, true);
              }
              Duration after =
                  switch (result) {
                    case DeliveryResult.Throttled t -> t.retryAfter();
                    case DeliveryResult.Failed f when f.retryable() -> Duration.ZERO;
                    default -> null;
                  };
              if (after == null) {
                break;
              }
              sleeper.sleep(retry.delay(attempt, after, ThreadLocalRandom.current()));
            }
            record.accept(row, result);
            if (!(result instanceof DeliveryResult.Sent)) {
              log.warn("{}: could not change the message for {}: {}", key, row.recipient(), result);
            }
          }
        });
    return deliveryLog.report(key);
  }

  private interface Work {
    void run() throws InterruptedException;
  }

  /** Runs {@code workers} copies of the work; the first failure stops the others. */
  private void runWorkers(Work work) throws InterruptedException {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      java.util.concurrent.CompletionService<Void> done =
          new java.util.concurrent.ExecutorCompletionService<>(pool);
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        futures.add(
            done.submit(
                () -> {
                  work.run();
                  return null;
                }));
      }
      try {
        for (int i = 0; i < workers; i++) {
          done.take().get();
        }
      } catch (ExecutionException e) {
        futures.forEach(other -> other.cancel(true));
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        if (e.getCause() instanceof InterruptedException interrupted) {
          throw interrupted;
        }
        throw new IllegalStateException("delivery worker failed", e.getCause());
      } catch (InterruptedException e) {
        futures.forEach(other -> other.cancel(true));
        throw e;
      }
    }
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
