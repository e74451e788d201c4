package fi.luotsi.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as endpoints see it, independent of the server library. The body is the raw bytes
 * as received (Slack signatures are computed over them).
 *
 * @param method upper-case method
 * @param path the request path without query
 * @param headers header names in lower case
 * @param query query parameters
 * @param body raw body, never null
 * @param remoteAddress the peer's address
 */
public record HttpRequest(
    String method,
    String path,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    byte[] body,
    String remoteAddress) {

  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    TreeMap<String, List<String>> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = Map.copyOf(lower);
    query = Map.copyOf(query);
    body = body == null ? new byte[0] : body;
    remoteAddress = remoteAddress == null ? "" : remoteAddress;
  }

  /** The first value of a header (case-insensitive name). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
