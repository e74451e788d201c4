package fi.luotsi.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.Database;
import fi.luotsi.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryServiceTest {
  private final Database db = TestDatabases.h2();
  private final Clock clock = Clock.systemUTC();
  private final Reply message = Reply.info(Language.FI, "Tiedote");

  @AfterEach
  void close() {
    db.close();
  }

  private static final int WORKERS = 4;

  private DeliveryService service(Duration lease, Messenger... messengers) {
    return new DeliveryService(
        db.dataSource(),
        List.of(messengers),
        clock,
        Pacing.unlimited(),
        new RetryPolicy(Duration.ofMillis(2), Duration.ofMillis(20), 3),
        DeliveryService.Sleeper.real(),
        WORKERS,
        lease);
  }

  private static List<Recipient> slack(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new Recipient(Platform.SLACK, "U%04d".formatted(i)))
        .toList();
  }

  @Test
  void reachesEveryRecipientOnceAndARepeatSendsNothing() throws Exception {
    FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock);
    DeliveryService service = service(Duration.ofMinutes(2), slack);
    DeliveryReport first = service.deliver("broadcast:1", message, slack(50));
    DeliveryReport second = service.deliver("broadcast:1", message, slack(50));
    assertThat(first.reached()).isEqualTo(50);
    assertThat(second.reached()).isEqualTo(50);
    assertThat(slack.deliveredCounts()).hasSize(50).allSatisfy((k, v) -> assertThat(v).isOne());
    assertThat(slack.calls()).isEqualTo(50);
  }

  @Test
  void retriesThrottledSendsNoSoonerThanRetryAfter() throws Exception {
    java.util.concurrent.atomic.AtomicInteger tries =
        new java.util.concurrent.atomic.AtomicInteger();
    FakePlatformMessenger slack =
        new FakePlatformMessenger(Platform.SLACK, clock)
            .scripted(
                a ->
                    a.equals("U0000") && tries.incrementAndGet() <= 2
                        ? new DeliveryResult.Throttled(Duration.ofMillis(150))
                        : null);
    DeliveryReport report = service(Duration.ofMinutes(2), slack).deliver("m", message, slack(3));
    assertThat(report.reached()).isEqualTo(3);
    List<java.time.Instant> at = slack.attemptsAt("U0000");
    assertThat(at).hasSize(3);
    assertThat(Duration.between(at.get(0), at.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(Duration.between(at.get(1), at.get(2)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(slack.deliveredCounts().get("U0000")).isOne();
  }

  @Test
  void deadLettersAndReportsPermanentFailures() throws Exception {
    FakePlatformMessenger slack =
        new FakePlatformMessenger(Platform.SLACK, clock)
            .gone(Set.of("U0001"))
            .scripted(
                a ->
                    switch (a) {
                      case "U0002" -> new DeliveryResult.Failed("503 service unavailable", true);
                      case "U0003" -> new DeliveryResult.Failed("invalid_blocks", false);
                      default -> null;
                    });
    List<Recipient> to = new java.util.ArrayList<>(slack(5));
    to.add(new Recipient(Platform.TEAMS, "19:team@thread.tacv2"));
    DeliveryReport report = service(Duration.ofMinutes(2), slack).deliver("m", message, to);
    assertThat(report.reached()).isEqualTo(2);
    assertThat(report.failed()).isEqualTo(4);
    assertThat(report.pending()).isZero();
    assertThat(report.failures())
        .extracting(f -> f.recipient().address(), DeliveryReport.Failure::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("U0001", "GONE"),
            org.assertj.core.groups.Tuple.tuple("U0002", "DEAD"),
            org.assertj.core.groups.Tuple.tuple("U0003", "FAILED"),
            org.assertj.core.groups.Tuple.tuple("19:team@thread.tacv2", "FAILED"));
    assertThat(slack.attemptsAt("U0002")).hasSize(3);
    assertThat(slack.attemptsAt("U0003")).hasSize(1);
    assertThat(report.failures().stream().filter(f -> f.status().equals("DEAD")).findFirst())
        .get()
        .extracting(DeliveryReport.Failure::reason)
        .asString()
        .contains("gave up after 3 attempts", "503");
  }

  @Test
  void resumesAfterACrashWithoutRepeatingAnyoneReached() throws Exception {
    FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock).crashAfter(20);
    List<Recipient> to = slack(60);
    assertThatThrownBy(() -> service(Duration.ZERO, slack).deliver("broadcast:7", message, to))
        .isInstanceOf(FakePlatformMessenger.SimulatedCrash.class);
    assertThat(slack.deliveredCounts()).hasSize(21);

    // "restart": a new service (new instance id) over the same database
    slack.restart();
    DeliveryReport report = service(Duration.ZERO, slack).deliver("broadcast:7", message, to);
    // Nobody twice. The sends in flight when the process died (the one that arrived and those of
    // the other workers that had claimed a recipient) are uncertain, not repeated; all else went.
    assertThat(slack.deliveredCounts()).allSatisfy((k, v) -> assertThat(v).isOne());
    assertThat(report.failures())
        .hasSizeBetween(1, WORKERS) // at most one send per worker was in flight
        .allSatisfy(f -> assertThat(f.status()).isEqualTo("UNCERTAIN"));
    assertThat(report.reached() + report.failures().size()).isEqualTo(60);
    assertThat(slack.deliveredCounts()).hasSize(report.reached() + 1);
  }

  @Test
  void editsAndRetractsWhatWasSent() throws Exception {
    FakePlatformMessenger slack =
        new FakePlatformMessenger(Platform.SLACK, clock).gone(Set.of("U0002"));
    DeliveryService service = service(Duration.ofMinutes(2), slack);
    service.deliver("broadcast:3", message, slack(3));
    service.update("broadcast:3", Reply.info(Language.FI, "Korjattu tiedote"));
    assertThat(slack.updates())
        .hasSize(2)
        .allSatisfy(u -> assertThat(u).endsWith("|Korjattu tiedote"));
    DeliveryReport retracted = service.retract("broadcast:3");
    assertThat(slack.deletes()).hasSize(2);
    assertThat(retracted.retracted()).isEqualTo(2);
    assertThat(retracted.reached()).isZero();
    assertThat(retracted.failed()).isEqualTo(1);
  }
}
