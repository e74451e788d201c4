package fi.luotsi.delivery;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures a broadcast through the real {@link DeliveryService} (delivery log in an in-memory H2,
 * platform pacing, standard retries) to a simulated platform that answers 429 with {@code
 * Retry-After: 1} to a share of calls and takes a few milliseconds per call. Prints how many were
 * delivered, duplicates and lost (both must be 0), and the time against the lower bound that the
 * platform's rate limit sets. Figures, not a test: nothing is asserted.
 */
public final class BroadcastBenchmark {

  /** The figures of one run. */
  public record Result(
      Platform platform,
      int recipients,
      int delivered,
      int duplicates,
      int lost,
      int failed,
      int calls,
      int throttled,
      Duration elapsed,
      Duration bound,
      int peakPerSecond) {}

  private BroadcastBenchmark() {}

  /**
   * Runs one broadcast.
   *
   * @param platform SLACK or TEAMS (whose published limits apply)
   * @param recipients how many distinct recipients
   * @param throttleShare share of calls answered with 429, e.g. 0.1
   * @param latency time the simulated platform takes per call
   */
  public static Result run(
      Platform platform, int recipients, double throttleShare, Duration latency, PrintStream out)
      throws InterruptedException {
    Clock clock = Clock.systemUTC();
    SimulatedPlatform fake = new SimulatedPlatform(platform, throttleShare, latency, clock);
    List<Recipient> to = new ArrayList<>();
    for (int i = 0; i < recipients; i++) {
      to.add(
          new Recipient(platform, (platform == Platform.SLACK ? "U" : "a:") + "%05d".formatted(i)));
    }
    Pacing pacing = Pacing.platformDefaults();
    Duration bound = Duration.ZERO;
    for (Rate r : pacing.platform(platform)) {
      Duration b = r.minimumTime(recipients);
      bound = b.compareTo(bound) > 0 ? b : bound;
    }
    try (Database db =
        Database.open(
            Database.inMemoryUrl("bench" + UUID.randomUUID().toString().replace("-", "")),
            "",
            "")) {
      DeliveryService service =
          new DeliveryService(
              db.dataSource(),
              List.of(fake),
              clock,
              pacing,
              RetryPolicy.standard(),
              DeliveryService.Sleeper.real(),
              16,
              Duration.ofMinutes(2));
      out.printf(
          "Broadcast benchmark: %d recipients on %s, %.0f %% of calls answered 429 (Retry-After 1 s),"
              + " %d ms per call%n",
          recipients, platform, throttleShare * 100, latency.toMillis());
      Instant start = clock.instant();
      DeliveryReport report =
          service.deliver("bench:" + UUID.randomUUID(), Reply.info(Language.FI, "Tiedote"), to);
      Duration elapsed = Duration.between(start, clock.instant());
      Map<String, Integer> counts = fake.counts();
      int delivered = counts.size();
      int duplicates = counts.values().stream().mapToInt(c -> c - 1).sum();
      int lost =
          (int) to.stream().filter(r -> !counts.containsKey(r.address())).count() - report.failed();
      Result result =
          new Result(
              platform,
              recipients,
              delivered,
              duplicates,
              lost,
              report.failed(),
              fake.calls.get(),
              fake.throttled.get(),
              elapsed,
              bound,
              fake.peakPerSecond());
      out.printf("  delivered   %d of %d%n", delivered, recipients);
      out.printf("  duplicates  %d (must be 0)%n", duplicates);
      out.printf("  lost        %d (must be 0)%n", lost);
      out.printf("  failed      %d (reported)%n", report.failed());
      out.printf("  calls       %d, of which 429: %d%n", fake.calls.get(), fake.throttled.get());
      out.printf(
          "  time        %.1f s; rate-limit bound %.1f s (%s); ratio %.2f%n",
          elapsed.toMillis() / 1000.0,
          bound.toMillis() / 1000.0,
          describe(pacing.platform(platform)),
          bound.isZero() ? 0.0 : elapsed.toMillis() / (double) bound.toMillis());
      Duration callBound = Duration.ZERO;
      for (Rate r : pacing.platform(platform)) {
        Duration b = r.minimumTime(fake.calls.get());
        callBound = b.compareTo(callBound) > 0 ? b : callBound;
      }
      out.printf(
          "  bound incl. retries %.1f s (every call, 429s too, counts against the limit)%n",
          callBound.toMillis() / 1000.0);
      out.printf(
          "  peak        %d calls in one calendar second, as the platform counted them%n",
          fake.peakPerSecond());
      return result;
    }
  }

  private static String describe(List<Rate> rates) {
    return rates.stream()
        .map(r -> r.permits() + " per " + r.per().toSeconds() + " s")
        .reduce((a, b) -> a + ", " + b)
        .orElse("no limit");
  }

  public static void main(String[] args) throws InterruptedException {
    Platform platform =
        args.length > 0
            ? Platform.valueOf(args[0].toUpperCase(java.util.Locale.ROOT))
            : Platform.TEAMS;
    int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    run(platform, recipients, 0.10, Duration.ofMillis(15), System.out);
  }

  /** A platform behind the Messenger port that throttles a share of calls at random. */
  private static final class SimulatedPlatform implements Messenger {
    private final Platform platform;
    private final double throttleShare;
    private final Duration latency;
    private final Clock clock;
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> perSecond = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();

    SimulatedPlatform(Platform platform, double throttleShare, Duration latency, Clock clock) {
      this.platform = Objects.requireNonNull(platform);
      this.throttleShare = throttleShare;
      this.latency = latency;
      this.clock = clock;
    }

    @Override
    public Platform platform() {
      return platform;
    }

    @Override
    public DeliveryResult send(Recipient recipient, Reply message) {
      calls.incrementAndGet();
      perSecond.computeIfAbsent(clock.millis() / 1000, s -> new AtomicInteger()).incrementAndGet();
      try {
        Thread.sleep(latency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new DeliveryResult.Failed("interrupted", true);
      }
      if (ThreadLocalRandom.current().nextDouble() < throttleShare) {
        throttled.incrementAndGet();
        return new DeliveryResult.Throttled(Duration.ofSeconds(1));
      }
      delivered.computeIfAbsent(recipient.address(), a -> new AtomicInteger()).incrementAndGet();
      return new DeliveryResult.Sent(recipient.address() + "-" + calls.get());
    }

    @Override
    public DeliveryResult update(Recipient recipient, String messageRef, Reply message) {
      return new DeliveryResult.Sent(messageRef);
    }

    @Override
    public DeliveryResult delete(Recipient recipient, String messageRef) {
      return new DeliveryResult.Sent(messageRef);
    }

    Map<String, Integer> counts() {
      Map<String, Integer> out = new java.util.HashMap<>();
      delivered.forEach((k, v) -> out.put(k, v.get()));
      return out;
    }

    int peakPerSecond() {
      return perSecond.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    }
  }
}
