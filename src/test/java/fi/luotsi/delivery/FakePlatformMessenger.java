package fi.luotsi.delivery;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake platform behind the Messenger port: records what arrived per address, can answer 429 to a
 * share of calls, fail some addresses for good, and simulate a crash of the sender.
 */
public final class FakePlatformMessenger implements Messenger {
  /** One arrived message. */
  public record Arrival(Recipient recipient, Reply message, Instant at) {}

  private final Platform platform;
  private final Clock clock;
  private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private final Map<String, List<Instant>> attempts = new ConcurrentHashMap<>();
  private final List<String> updates = new CopyOnWriteArrayList<>();
  private final List<String> deletes = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger throttledCalls = new AtomicInteger();
  private volatile double throttleShare;
  private volatile Duration retryAfter = Duration.ZERO;
  private volatile Function<String, DeliveryResult> script = a -> null;
  private volatile int crashAfterSends = Integer.MAX_VALUE;
  private boolean dead; // guarded by this
  private volatile Set<String> gone = Set.of();

  public FakePlatformMessenger(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  /** Answers 429 with {@code retryAfter} to a random {@code share} of calls. */
  public FakePlatformMessenger throttling(double share, Duration retryAfter) {
    this.throttleShare = share;
    this.retryAfter = retryAfter;
    return this;
  }

  /** Per address, a scripted outcome (null: deliver normally). */
  public FakePlatformMessenger scripted(Function<String, DeliveryResult> script) {
    this.script = script;
    return this;
  }

  public FakePlatformMessenger gone(Set<String> addresses) {
    this.gone = Set.copyOf(addresses);
    return this;
  }

  /**
   * After this many deliveries, the next delivery arrives and then the sender "dies": every later
   * send throws {@link SimulatedCrash} without delivering, as no thread of a killed process sends
   * anything, until {@link #restart()}.
   */
  public FakePlatformMessenger crashAfter(int sends) {
    this.crashAfterSends = sends;
    return this;
  }

  /** The sender's process has been started again after a {@link #crashAfter} crash. */
  public synchronized void restart() {
    dead = false;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public DeliveryResult send(Recipient recipient, Reply message) {
    calls.incrementAndGet();
    attempts
        .computeIfAbsent(recipient.address(), a -> new CopyOnWriteArrayList<>())
        .add(clock.instant());
    if (gone.contains(recipient.address())) {
      return new DeliveryResult.Gone("channel_not_found");
    }
    DeliveryResult scripted = script.apply(recipient.address());
    if (scripted != null) {
      return scripted;
    }
    if (throttleShare > 0 && ThreadLocalRandom.current().nextDouble() < throttleShare) {
      throttledCalls.incrementAndGet();
      return new DeliveryResult.Throttled(retryAfter);
    }
    int n;
    synchronized (this) {
      if (dead) { // a dead process sends nothing more, whichever of its threads tries
        throw new SimulatedCrash();
      }
      delivered.computeIfAbsent(recipient.address(), a -> new AtomicInteger()).incrementAndGet();
      arrivals.add(new Arrival(recipient, message, clock.instant()));
      n = arrivals.size();
      if (n > crashAfterSends) {
        crashAfterSends = Integer.MAX_VALUE;
        dead = true;
        throw new SimulatedCrash();
      }
    }
    return new DeliveryResult.Sent("ts-" + recipient.address() + "-" + n);
  }

  @Override
  public DeliveryResult update(Recipient recipient, String messageRef, Reply message) {
    updates.add(recipient.address() + "|" + messageRef + "|" + message.plainText());
    return new DeliveryResult.Sent(messageRef);
  }

  @Override
  public DeliveryResult delete(Recipient recipient, String messageRef) {
    deletes.add(recipient.address() + "|" + messageRef);
    return new DeliveryResult.Sent(messageRef);
  }

  /** How many times each address received a message. */
  public Map<String, Integer> deliveredCounts() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    delivered.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  public List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  public List<Instant> attemptsAt(String address) {
    return attempts.getOrDefault(address, List.of());
  }

  public int calls() {
    return calls.get();
  }

  public int throttledCalls() {
    return throttledCalls.get();
  }

  public List<String> updates() {
    return List.copyOf(updates);
  }

  public List<String> deletes() {
    return List.copyOf(deletes);
  }

  /** Stands for the process dying mid-send: not an Exception, so nothing on the way catches it. */
  public static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    public SimulatedCrash() {
      super("simulated crash mid-send");
    }
  }
}
