package fi.luotsi.chat.slack;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends requests to {@code /slack/events} signed the way Slack signs them. */
final class SignedSlackClient {
  private final URI endpoint;
  private final SlackSignature.Generator generator;
  private final Clock clock;
  private final HttpClient http = HttpClient.newHttpClient();

  SignedSlackClient(int port, String signingSecret, Clock clock) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
    this.generator = new SlackSignature.Generator(signingSecret);
    this.clock = clock;
  }

  HttpResponse<String> json(String body, String... extraHeaders) {
    return send(body, "application/json", 0, extraHeaders);
  }

  HttpResponse<String> form(Map<String, String> fields) {
    return send(encode(fields), "application/x-www-form-urlencoded", 0);
  }

  HttpResponse<String> interaction(String payloadJson) {
    return form(Map.of("payload", payloadJson));
  }

  /** Signs with a timestamp {@code skewSeconds} away from the test clock's now. */
  HttpResponse<String> send(
      String body, String contentType, long skewSeconds, String... extraHeaders) {
    String ts = String.valueOf(clock.instant().getEpochSecond() + skewSeconds);
    return raw(body, contentType, ts, generator.generate(ts, body), extraHeaders);
  }

  HttpResponse<String> raw(
      String body, String contentType, String ts, String signature, String... extraHeaders) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (ts != null) {
      request.header("X-Slack-Request-Timestamp", ts);
    }
    if (signature != null) {
      request.header("X-Slack-Signature", signature);
    }
    for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
      request.header(extraHeaders[i], extraHeaders[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
