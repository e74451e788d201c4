package fi.luotsi.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A response body read into memory, but never more than a limit: a body whose {@code
 * Content-Length} already exceeds it is refused before its first byte is read, and one that grows
 * past it while streaming is cut off there (the connection is dropped, the rest never read).
 * Non-2xx bodies are not wanted at all and are dropped unread. Used by the adapters to download
 * files people send to the bot.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The body is larger than the caller accepts. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;
    private final OptionalLong declared;

    TooLarge(long limit, OptionalLong declared) {
      super(
          declared.isPresent()
              ? "declared " + declared.getAsLong() + " bytes, more than the " + limit + " accepted"
              : "more than the " + limit + " bytes accepted");
      this.limit = limit;
      this.declared = declared;
    }

    public long limit() {
      return limit;
    }

    /** The size the server declared in {@code Content-Length}, when that is how it was caught. */
    public OptionalLong declared() {
      return declared;
    }
  }

  private final long limit;
  private final IOException refusal;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream content = new ByteArrayOutputStream();
  private Flow.Subscription subscription;
  private long received;

  private BoundedBody(long limit, IOException refusal) {
    this.limit = limit;
    this.refusal = refusal;
  }

  /**
   * Reads 2xx bodies up to {@code maxBytes} (more fails with {@link TooLarge}); other bodies are
   * dropped and read as empty.
   */
  public static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
    return info -> {
      if (info.statusCode() / 100 != 2) {
        return new BoundedBody(0, null);
      }
      OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
      if (declared.isPresent() && declared.getAsLong() > maxBytes) {
        return new BoundedBody(maxBytes, new TooLarge(maxBytes, declared));
      }
      return new BoundedBody(maxBytes, null);
    };
  }

  /**
   * Sends {@code request} and reads a 2xx body of at most {@code maxBytes}, all within {@code
   * timeout}. Failures become IOExceptions whose messages name the file and where it came from: too
   * large (with the size the server declared, when it did), timed out, interrupted, or the
   * transport's own failure.
   *
   * @param source where the file comes from, for messages ("Slack", "Teams")
   * @param name the file's name, for messages
   */
  public static HttpResponse<byte[]> fetch(
      HttpClient http,
      HttpRequest request,
      long maxBytes,
      Duration timeout,
      String source,
      String name)
      throws IOException {
    CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, handler(maxBytes));
    try {
      return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw timedOut(source, name, timeout);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("download of " + name + " interrupted");
    } catch (ExecutionException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof TooLarge tooLarge) {
          throw new IOException(
              "file "
                  + name
                  + " is larger than the "
                  + tooLarge.limit()
                  + " bytes accepted"
                  + (tooLarge.declared().isPresent()
                      ? " (" + source + " reports " + tooLarge.declared().getAsLong() + " bytes)"
                      : ""));
        }
        if (cause instanceof HttpTimeoutException) {
          throw timedOut(source, name, timeout);
        }
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IOException(
          "the download of "
              + name
              + " from "
              + source
              + " failed: "
              + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
  }

  private static IOException timedOut(String source, String name, Duration timeout) {
    return new IOException(
        "the download of "
            + name
            + " from "
            + source
            + " timed out after "
            + timeout.toSeconds()
            + " s");
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (refusal != null) {
      s.cancel();
      body.completeExceptionally(refusal);
    } else if (limit == 0) {
      s.cancel(); // not wanted
      body.complete(new byte[0]);
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (body.isDone()) {
      subscription.cancel(); // refused or not wanted: read no further
      return;
    }
    for (ByteBuffer buffer : buffers) {
      int n = buffer.remaining();
      if (received + n > limit) {
        subscription.cancel();
        body.completeExceptionally(new TooLarge(limit, OptionalLong.empty()));
        return;
      }
      received += n;
      byte[] chunk = new byte[n];
      buffer.get(chunk);
      content.write(chunk, 0, n);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    body.complete(content.toByteArray());
  }
}
