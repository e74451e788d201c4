package fi.luotsi.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response from an endpoint.
 *
 * @param status the status code
 * @param contentType the content type; ignored when the body is empty
 * @param body the body bytes
 * @param headers extra headers
 */
public record HttpResponse(
    int status, String contentType, byte[] body, Map<String, String> headers) {

  public HttpResponse {
    Objects.requireNonNull(contentType, "contentType");
    body = body == null ? new byte[0] : body;
    headers = Map.copyOf(headers);
  }

  public static HttpResponse json(int status, String json) {
    return new HttpResponse(
        status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static HttpResponse text(int status, String text) {
    return new HttpResponse(
        status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static HttpResponse empty(int status) {
    return new HttpResponse(status, "text/plain", new byte[0], Map.of());
  }

  public HttpResponse withHeader(String name, String value) {
    java.util.HashMap<String, String> copy = new java.util.HashMap<>(headers);
    copy.put(name, value);
    return new HttpResponse(status, contentType, body, copy);
  }
}
