package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.luotsi.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HealthTest {
  private final Health health = new Health();

  private static JsonNode json(HttpResponse response) throws Exception {
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void isLiveAndReadyWhenEveryCheckIsUp() throws Exception {
    health.addReadiness("database", () -> HealthCheck.Result.up("reachable"));

    HttpResponse summary = health.summary();

    assertThat(summary.status()).isEqualTo(200);
    JsonNode body = json(summary);
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("live").asBoolean()).isTrue();
    assertThat(body.path("ready").asBoolean()).isTrue();
    assertThat(body.path("checks").findValuesAsText("name")).containsExactly("threads", "database");
  }

  @Test
  void isLiveButNotReadyWhenAReadinessCheckIsDown() throws Exception {
    health.addReadiness("database", () -> HealthCheck.Result.down("unreachable"));

    assertThat(health.live().status()).isEqualTo(200);
    assertThat(health.ready().status()).isEqualTo(503);
    JsonNode summary = json(health.summary());
    assertThat(summary.path("live").asBoolean()).isTrue();
    assertThat(summary.path("ready").asBoolean()).isFalse();
    assertThat(summary.path("checks").get(1).path("detail").asText()).isEqualTo("unreachable");
  }

  @Test
  void isNeitherLiveNorReadyWhenALivenessCheckIsDown() {
    health.addLiveness("reload-thread", () -> HealthCheck.Result.down("stopped"));

    assertThat(health.live().status()).isEqualTo(503);
    assertThat(health.ready().status()).isEqualTo(503);
  }

  @Test
  void countsAThrowingCheckAsDown() throws Exception {
    health.addReadiness(
        "scheduler",
        () -> {
          throw new IllegalStateException("scheduler stopped");
        });

    HttpResponse ready = health.ready();

    assertThat(ready.status()).isEqualTo(503);
    assertThat(json(ready).path("checks").get(1).path("detail").asText())
        .contains("scheduler stopped");
  }

  @Test
  void countsAHangingCheckAsDownAfterTheTimeLimit() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    health.addReadiness(
        "database",
        () -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return HealthCheck.Result.up("never");
        });

    HttpResponse ready = health.ready();

    assertThat(ready.status()).isEqualTo(503);
    assertThat(json(ready).path("checks").get(1).path("detail").asText())
        .isEqualTo("no answer within 3 s");
  }

  @Test
  @Timeout(30)
  void answersEvenWhenACheckIgnoresInterrupts() {
    AtomicBoolean released = new AtomicBoolean();
    health.addReadiness(
        "stuck",
        () -> {
          while (!released.get()) {
            LockSupport.parkNanos(10_000_000);
          }
          return HealthCheck.Result.up("late");
        });
    try {
      assertThat(health.ready().status()).isEqualTo(503);
    } finally {
      released.set(true);
    }
  }

  @Test
  void isLiveButNotReadyWhileDraining() throws Exception {
    health.drain();

    assertThat(health.live().status()).isEqualTo(200);
    HttpResponse ready = health.ready();
    assertThat(ready.status()).isEqualTo(503);
    assertThat(json(ready).path("checks").findValuesAsText("name")).contains("shutdown");
  }

  @Test
  void refusesTheSameCheckNameTwice() {
    health.addReadiness("database", () -> HealthCheck.Result.up("ok"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> health.addLiveness("database", () -> HealthCheck.Result.up("ok")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
