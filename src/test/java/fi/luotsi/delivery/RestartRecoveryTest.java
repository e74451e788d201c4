package fi.luotsi.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.Database;
import fi.luotsi.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An instance that keeps its id across a restart settles the rows its killed process left mid-send
 * at once (UNCERTAIN, not repeated); rows of other instances wait for their lease.
 */
class RestartRecoveryTest {
  private final Database db = TestDatabases.h2();
  private final Clock clock = Clock.systemUTC();
  private final Reply message = Reply.info(Language.FI, "Tiedote");

  @AfterEach
  void close() {
    db.close();
  }

  private DeliveryService service(String instanceId, Messenger messenger) {
    return new DeliveryService(
        db.dataSource(),
        List.of(messenger),
        clock,
        Pacing.unlimited(),
        new RetryPolicy(Duration.ofMillis(2), Duration.ofMillis(20), 3),
        DeliveryService.Sleeper.real(),
        1,
        Duration.ofMinutes(2),
        instanceId);
  }

  private void leaveMidSend(String claimant, String address) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      c.createStatement()
          .executeUpdate(
              "UPDATE delivery_log SET status = 'SENDING', claimed_by = '"
                  + claimant
                  + "', claimed_at = CURRENT_TIMESTAMP WHERE address = '"
                  + address
                  + "'");
    }
  }

  private String status(String address) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT status FROM delivery_log WHERE address = '" + address + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void restartedInstanceSettlesItsOwnInterruptedSendsAndResumesTheRest() throws Exception {
    FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock);
    List<Recipient> to =
        List.of(
            new Recipient(Platform.SLACK, "U1"),
            new Recipient(Platform.SLACK, "U2"),
            new Recipient(Platform.SLACK, "U3"));
    // the earlier process added the rows, was mid-send to U1 and U2's sender was another instance
    new DeliveryLog(db.dataSource()).addRecipients("broadcast:1", to, clock.instant());
    leaveMidSend("luotsi-a/earlier-process", "U1");
    leaveMidSend("luotsi-b/its-process", "U2");

    DeliveryService restarted = service("luotsi-a", slack);
    assertThat(restarted.recoverEarlierClaims()).isOne();
    DeliveryReport report = restarted.deliver("broadcast:1", message, to);

    assertThat(status("U1")).isEqualTo("UNCERTAIN");
    assertThat(status("U2")).isEqualTo("SENDING");
    assertThat(slack.deliveredCounts()).containsOnlyKeys("U3");
    assertThat(report.reached()).isOne();
    assertThat(report.failed()).isOne();
    assertThat(report.failures().get(0).reason()).contains("not repeated");
  }
}
