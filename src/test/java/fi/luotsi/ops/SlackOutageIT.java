package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.bench.load.LocalSlackApi;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.chat.slack.SlackAdapter;
import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.Pacing;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.delivery.RetryPolicy;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.Database;
import fi.luotsi.testing.MutableClock;
import fi.luotsi.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Slack's Web API answering HTTP 500 for half a minute and then 429 (with {@code Retry-After}) for
 * another half, during a broadcast: the real {@code SlackMessenger} over HTTP to a local Slack API,
 * the real delivery service with its production pacing and retry policy, and an injected clock that
 * the service's waits advance, so the minute passes in moments. After the window every recipient
 * has exactly one message and the report says all were reached after retries.
 *
 * <p>The service's short polling waits advance the clock too, so this checks the behaviour through
 * the window, not that the retries span it: {@code RetryPolicySpanTest} pins that they last at
 * least two minutes.
 */
class SlackOutageIT {
  static final int RECIPIENTS = 20;
  static final Duration SERVER_ERRORS = Duration.ofSeconds(30);
  static final Duration RATE_LIMITED = Duration.ofSeconds(30);

  @Test
  void aMinuteOfServerErrorsAndRateLimitsDelaysABroadcastButLosesAndRepeatsNothing()
      throws Exception {
    Instant start = Instant.parse("2027-03-04T08:00:00Z");
    MutableClock clock = new MutableClock(start);
    Instant errorsUntil = start.plus(SERVER_ERRORS);
    Instant limitedUntil = errorsUntil.plus(RATE_LIMITED);
    List<Recipient> recipients =
        IntStream.rangeClosed(1, RECIPIENTS)
            .mapToObj(i -> new Recipient(Platform.SLACK, "U%04d".formatted(i)))
            .toList();
    try (Database db = TestDatabases.h2();
        LocalSlackApi slackApi =
            new LocalSlackApi()
                .script(
                    channel -> {
                      Instant now = clock.instant();
                      if (now.isBefore(errorsUntil)) {
                        return Optional.of(LocalSlackApi.Failure.serverError());
                      }
                      if (now.isBefore(limitedUntil)) {
                        return Optional.of(
                            LocalSlackApi.Failure.rateLimited(Duration.ofSeconds(5)));
                      }
                      return Optional.empty();
                    })) {
      SlackAdapter slack =
          new SlackAdapter(
              new SlackAdapter.Settings(
                  "xoxb-ops-test",
                  Optional.of(Instance.SIGNING_SECRET),
                  Optional.empty(),
                  Optional.of(slackApi.apiUrl())),
              message -> Reply.info(Language.FI, "ei käytössä"),
              clock);
      try {
        DeliveryService delivery =
            new DeliveryService(
                db.dataSource(),
                List.of(slack.messenger()),
                clock,
                Pacing.platformDefaults(),
                RetryPolicy.standard(),
                // a wait of d moves the injected clock to (now + d) instead of sleeping; waits of
                // workers in parallel overlap, as real sleeps would, rather than add up
                d -> {
                  Instant until = clock.instant().plus(d);
                  synchronized (clock) {
                    if (clock.instant().isBefore(until)) {
                      clock.set(until);
                    }
                  }
                },
                RECIPIENTS,
                Duration.ofMinutes(2));

        DeliveryReport report =
            delivery.deliver(
                "broadcast:outage", Reply.info(Language.FI, "Tiedote katkon yli"), recipients);

        assertThat(report.reached()).isEqualTo(RECIPIENTS);
        assertThat(report.failed()).isZero();
        assertThat(report.pending()).isZero();
        assertThat(slackApi.postCounts())
            .containsOnlyKeys(recipients.stream().map(Recipient::address).toList())
            .allSatisfy((who, n) -> assertThat(n).isOne());
        assertThat(slackApi.calls("chat.postMessage")).isGreaterThan(2 * RECIPIENTS);
        // the log shows each recipient needed retries: it went through both kinds of failure
        try (Connection c = db.dataSource().getConnection();
            ResultSet rs =
                c.createStatement()
                    .executeQuery(
                        "SELECT MIN(attempts), COUNT(*) FROM delivery_log WHERE status = 'SENT'")) {
          rs.next();
          assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(2);
          assertThat(rs.getInt(2)).isEqualTo(RECIPIENTS);
        }
      } finally {
        slack.close();
      }
    }
  }
}
