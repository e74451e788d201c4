package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.delivery.DeliveryResult;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DeliveryOutcomesTest {
  private final Clock clock = Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsRetryAfterAsSecondsOrHttpDate() {
    assertThat(DeliveryOutcomes.retryAfter("7", clock)).isEqualTo(Duration.ofSeconds(7));
    assertThat(DeliveryOutcomes.retryAfter("Mon, 01 Mar 2027 10:00:30 GMT", clock))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(DeliveryOutcomes.retryAfter("Mon, 01 Mar 2027 09:00:00 GMT", clock))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void fallsBackToOneSecondWithoutUsableRetryAfter() {
    assertThat(DeliveryOutcomes.retryAfter(null, clock)).isEqualTo(Duration.ofSeconds(1));
    assertThat(DeliveryOutcomes.retryAfter("soon", clock)).isEqualTo(Duration.ofSeconds(1));
    assertThat(DeliveryOutcomes.retryAfter("-5", clock)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void mapsStatusesAsTeamsAdvises() {
    assertThat(DeliveryOutcomes.fromStatus(429, "2", null, clock))
        .isEqualTo(new DeliveryResult.Throttled(Duration.ofSeconds(2)));
    assertThat(DeliveryOutcomes.fromStatus(403, null, "BotDisabledByAdmin", clock))
        .isEqualTo(new DeliveryResult.Gone("HTTP 403 BotDisabledByAdmin"));
    assertThat(DeliveryOutcomes.fromStatus(404, null, null, clock))
        .isEqualTo(new DeliveryResult.Gone("HTTP 404"));
    assertThat(DeliveryOutcomes.fromStatus(412, null, null, clock))
        .isEqualTo(new DeliveryResult.Failed("HTTP 412", true));
    assertThat(DeliveryOutcomes.fromStatus(408, null, null, clock))
        .isEqualTo(new DeliveryResult.Failed("HTTP 408", true));
    assertThat(DeliveryOutcomes.fromStatus(503, null, null, clock))
        .isEqualTo(new DeliveryResult.Failed("HTTP 503", true));
    assertThat(DeliveryOutcomes.fromStatus(401, null, null, clock))
        .isEqualTo(new DeliveryResult.Failed("HTTP 401", false));
  }

  @Test
  void treatsNetworkFailuresAsRetryableAndUnknownOnesAsFinal() {
    DeliveryResult network =
        DeliveryOutcomes.fromFailure(
            new CompletionException(new ConnectException("refused")), clock);
    assertThat(network)
        .isEqualTo(
            new DeliveryResult.Failed(
                "cannot reach the Bot Connector: ConnectException: refused", true));

    DeliveryResult bug = DeliveryOutcomes.fromFailure(new IllegalStateException("odd"), clock);
    assertThat(bug).isEqualTo(new DeliveryResult.Failed("IllegalStateException: odd", false));
  }

  @Test
  void reportsTokenFailuresAsRetryable() {
    DeliveryResult token =
        DeliveryOutcomes.fromFailure(
            new CompletionException(
                new IOException(
                    new com.microsoft.bot.connector.authentication.AuthenticationException(
                        new IOException("login.microsoftonline.com unreachable")))),
            clock);

    assertThat(token).isInstanceOf(DeliveryResult.Failed.class);
    assertThat(((DeliveryResult.Failed) token).retryable()).isTrue();
    assertThat(((DeliveryResult.Failed) token).reason())
        .startsWith("cannot get a Bot Framework token");
  }
}
