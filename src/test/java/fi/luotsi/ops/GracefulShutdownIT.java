package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fi.luotsi.http.HttpResponse;
import fi.luotsi.http.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing the server stops accepting connections but lets the requests in flight finish. */
class GracefulShutdownIT {

  @Test
  void finishesRequestsInFlightAndRefusesNewConnections() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server = new HttpServer("127.0.0.1", 0, 10_000);
    server.get(
        "/slow",
        request -> {
          entered.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResponse.text(500, "interrupted");
          }
          return HttpResponse.text(200, "finished");
        });
    server.start();
    int port = server.port();
    try (HttpClient client = HttpClient.newHttpClient()) {
      CompletableFuture<java.net.http.HttpResponse<String>> inFlight =
          client.sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      await().atMost(Duration.ofSeconds(10)).until(() -> refusesConnections(port));
      assertThat(closing).isNotDone();

      release.countDown();
      java.net.http.HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("finished");
      closing.get(20, TimeUnit.SECONDS);
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  private static boolean refusesConnections(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
