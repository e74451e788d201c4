package fi.luotsi.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of a Luotsi instance (Javalin on Jetty). Every adapter registers its
 * endpoints here before {@link #start()}; this is the only class that knows the server library.
 *
 * <p>Bodies over the configured limit are refused with 413 before an endpoint sees them.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  /** How long closing waits for requests in flight. */
  static final long STOP_TIMEOUT_MILLIS = 20_000;

  private final String host;
  private final int requestedPort;
  private final Javalin javalin;
  private final Map<String, Boolean> routes = new ConcurrentHashMap<>();
  private final long maxBodyBytes;

  /**
   * @param host the bind address
   * @param port the port, 0 for any free port
   * @param maxBodyBytes the largest request body accepted
   */
  public HttpServer(String host, int port, long maxBodyBytes) {
    this.host = Objects.requireNonNull(host, "host");
    this.requestedPort = port;
    this.maxBodyBytes = maxBodyBytes;
    this.javalin =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = maxBodyBytes;
              // Requests run on Jetty's pool of platform threads, not virtual threads: answering
              // is CPU work, and virtual threads are never preempted, so under load a short
              // request (a Slack event to acknowledge) waited for a carrier behind searches.
              // Platform threads are time-sliced by the OS and a short request gets a core at
              // once (measured with bench-load, see the README).
              config.useVirtualThreads = false;
              config.startupWatcherEnabled = false;
              config.jetty.modifyServer(
                  server -> {
                    // Lets stop() wait for the requests in flight (graceful shutdown).
                    server.setHandler(new StatisticsHandler());
                    server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                  });
            });
    javalin.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          log.info("Refused {} {}: {} {}", ctx.method(), ctx.path(), e.getStatus(), e.getMessage());
          ctx.status(e.getStatus()).contentType("text/plain; charset=utf-8").result(e.getMessage());
        });
    javalin.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("Request {} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500).contentType("text/plain; charset=utf-8").result("Internal error");
        });
  }

  public void get(String path, HttpEndpoint endpoint) {
    add(HandlerType.GET, path, endpoint);
  }

  public void post(String path, HttpEndpoint endpoint) {
    add(HandlerType.POST, path, endpoint);
  }

  private void add(HandlerType type, String path, HttpEndpoint endpoint) {
    if (routes.putIfAbsent(type + " " + path, Boolean.TRUE) != null) {
      throw new IllegalStateException("route registered twice: " + type + " " + path);
    }
    javalin.addHttpHandler(type, path, ctx -> respond(ctx, endpoint.handle(toRequest(ctx))));
  }

  private HttpRequest toRequest(Context ctx) {
    Map<String, List<String>> headers = new java.util.HashMap<>();
    for (String name : ctx.headerMap().keySet()) {
      headers.put(name, ctx.req().getHeaders(name) == null ? List.of() : list(ctx, name));
    }
    byte[] body = ctx.method() == HandlerType.GET ? new byte[0] : body(ctx);
    return new HttpRequest(
        ctx.method().name(), ctx.path(), headers, ctx.queryParamMap(), body, ctx.ip());
  }

  /**
   * Reads the body, at most the limit. Javalin checks only a declared Content-Length, so a chunked
   * body would otherwise be read whole into memory, however large.
   */
  private byte[] body(Context ctx) {
    if (ctx.req().getContentLengthLong() > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new HttpResponseException(400, "cannot read the request body");
    }
  }

  private HttpResponseException tooLarge() {
    return new HttpResponseException(413, "request body larger than " + maxBodyBytes + " bytes");
  }

  private static List<String> list(Context ctx, String name) {
    return java.util.Collections.list(ctx.req().getHeaders(name));
  }

  private static void respond(Context ctx, HttpResponse response) {
    ctx.status(response.status());
    response.headers().forEach(ctx::header);
    if (response.body().length > 0) {
      ctx.contentType(response.contentType());
      ctx.result(response.body());
    }
  }

  /** Starts listening; returns once the port is bound. */
  public void start() {
    javalin.start(host, requestedPort);
    log.info("Listening on http://{}:{}/", host, port());
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return javalin.port();
  }

  public String host() {
    return host;
  }

  /** Whether the bind address is a loopback address (safe for anonymous local modes). */
  public boolean isLoopback() {
    return new InetSocketAddress(host, 0).getAddress() != null
        && new InetSocketAddress(host, 0).getAddress().isLoopbackAddress();
  }

  /** Stops accepting, lets in-flight requests finish, and releases the port. */
  @Override
  public void close() {
    javalin.stop();
  }
}
