package fi.luotsi.http;

/**
 * Handles requests for one route. Implementations are thread-safe. An exception thrown here is
 * logged once by the server and answered with 500; endpoints answer bad input themselves (400, 401,
 * …).
 */
@FunctionalInterface
public interface HttpEndpoint {
  HttpResponse handle(HttpRequest request);
}
