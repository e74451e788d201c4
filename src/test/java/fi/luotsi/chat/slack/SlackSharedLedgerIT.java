package fi.luotsi.chat.slack;

import static fi.luotsi.chat.slack.SlackPayloads.eventCallback;
import static fi.luotsi.chat.slack.SlackPayloads.mention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.http.HttpServer;
import fi.luotsi.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two instances behind one load balancer share a database: a Slack retry that reaches the other
 * instance is acknowledged but not answered again.
 */
class SlackSharedLedgerIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-03-04T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void aRetryReachingAnotherInstanceIsAnsweredOnce() throws Exception {
    try (FakeSlackApi slackApi = new FakeSlackApi();
        Database database =
            Database.open(Database.inMemoryUrl("shared-ledger-" + System.nanoTime()), "sa", "");
        HttpServer serverA = new HttpServer("127.0.0.1", 0, 4 * 1024 * 1024);
        HttpServer serverB = new HttpServer("127.0.0.1", 0, 4 * 1024 * 1024)) {
      ScriptedConversation core = new ScriptedConversation();
      SlackAdapter.Settings settings =
          new SlackAdapter.Settings(
              "xoxb-fake", Optional.of("secret"), Optional.empty(), Optional.of(slackApi.apiUrl()));
      try (SlackAdapter a = new SlackAdapter(settings, core, CLOCK, database);
          SlackAdapter b = new SlackAdapter(settings, core, CLOCK, database)) {
        a.register(serverA);
        b.register(serverB);
        serverA.start();
        serverB.start();
        a.start();
        b.start();
        String body =
            eventCallback(
                "EvShared", mention("U1", "CSHARED", "1804000000.000001", null, "<@UBOT> kerran"));

        var first = new SignedSlackClient(serverA.port(), "secret", CLOCK).json(body);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> !slackApi.calls("chat.postMessage").isEmpty());
        var retry =
            new SignedSlackClient(serverB.port(), "secret", CLOCK)
                .json(body, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
        var next =
            new SignedSlackClient(serverB.port(), "secret", CLOCK)
                .json(
                    eventCallback(
                        "EvShared2",
                        mention("U1", "CSHARED", "1804000000.000002", null, "<@UBOT> toinen")));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(next.statusCode()).isEqualTo(200);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> slackApi.calls("chat.postMessage").size() == 2);
        assertThat(core.withText("kerran")).hasSize(1);
        assertThat(core.withText("toinen")).hasSize(1);
      }
    }
  }
}
