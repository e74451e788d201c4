package fi.luotsi.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import fi.luotsi.http.HttpEndpoint;
import fi.luotsi.http.HttpRequest;
import fi.luotsi.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: events, slash commands and interactivity over HTTP. In order: bodies
 * over {@value #MAX_BODY_BYTES} bytes get 413; a missing, forged or stale/future signature gets
 * 401; a body that is not one of Slack's shapes gets 400; everything else runs through Bolt, whose
 * listeners acknowledge at once and answer later. Each refusal is logged once at INFO with its
 * reason and the peer, never with the body.
 */
final class SlackEventsEndpoint implements HttpEndpoint {
  private static final Logger log = LoggerFactory.getLogger(SlackEventsEndpoint.class);

  /** Slack's largest payloads (block actions carrying a whole message) are tens of kilobytes. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final String INVALID = "{\"error\":\"invalid request\"}";

  private final App app;
  private final SlackRequestParser parser;
  private final SignatureCheck signatures;

  SlackEventsEndpoint(App app, SignatureCheck signatures) {
    this.app = Objects.requireNonNull(app, "app");
    this.parser = new SlackRequestParser(app.config());
    this.signatures = Objects.requireNonNull(signatures, "signatures");
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    if (request.body().length > MAX_BODY_BYTES) {
      log.info(
          "Refused Slack request from {}: body of {} bytes exceeds {}",
          request.remoteAddress(),
          request.body().length,
          MAX_BODY_BYTES);
      return HttpResponse.json(413, "{\"error\":\"payload too large\"}");
    }
    Optional<String> forged = signatures.problem(request);
    if (forged.isPresent()) {
      log.info("Refused Slack request from {}: {}", request.remoteAddress(), forged.get());
      return HttpResponse.json(401, INVALID);
    }
    String body = request.bodyAsString();
    PayloadCheck.Result shape = PayloadCheck.check(body);
    if (shape.kind().isEmpty()) {
      log.info("Refused Slack request from {}: {}", request.remoteAddress(), shape.problem());
      return HttpResponse.json(400, "{\"error\":\"malformed payload\"}");
    }
    if (shape.kind().get() == PayloadCheck.Kind.APP_RATE_LIMITED) {
      log.warn("Slack reports that this app exceeded the Events API rate limit for a minute");
      return HttpResponse.empty(200);
    }
    Request<?> slackRequest;
    try {
      slackRequest = parser.parse(toBolt(request, body));
    } catch (RuntimeException e) {
      log.info(
          "Refused Slack request from {}: {} does not parse ({})",
          request.remoteAddress(),
          shape.kind().get(),
          e.getClass().getSimpleName());
      return HttpResponse.json(400, "{\"error\":\"malformed payload\"}");
    }
    if (slackRequest == null) {
      log.info("Refused Slack request from {}: not a Slack request", request.remoteAddress());
      return HttpResponse.json(400, "{\"error\":\"malformed payload\"}");
    }
    Response response;
    try {
      response = app.run(slackRequest);
    } catch (Exception e) {
      log.error("Slack {} request failed inside Bolt", slackRequest.getRequestType(), e);
      return HttpResponse.json(500, "{\"error\":\"internal error\"}");
    }
    return fromBolt(response);
  }

  private static SlackRequestParser.HttpRequest toBolt(HttpRequest request, String body) {
    Map<String, List<String>> query = new HashMap<>();
    request.query().forEach((k, v) -> query.put(k, List.copyOf(v)));
    return SlackRequestParser.HttpRequest.builder()
        .requestUri(request.path())
        .queryString(query)
        .headers(new RequestHeaders(new HashMap<>(request.headers())))
        .requestBody(body)
        .remoteAddress(request.remoteAddress())
        .build();
  }

  private static HttpResponse fromBolt(Response response) {
    int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
    String contentType =
        response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType();
    byte[] body =
        response.getBody() == null
            ? new byte[0]
            : response.getBody().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>();
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (values != null && !values.isEmpty()) {
                  headers.put(name, String.join(", ", values));
                }
              });
    }
    return new HttpResponse(status, contentType, body, headers);
  }
}
