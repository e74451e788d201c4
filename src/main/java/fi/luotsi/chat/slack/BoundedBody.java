package fi.luotsi.chat.slack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory, but never more than a limit: a body whose {@code
 * Content-Length} already exceeds it is refused before its first byte is read, and one that grows
 * past it while streaming is cut off there (the connection is dropped, the rest never read).
 * Non-2xx bodies are not wanted at all and are dropped unread.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The body is larger than the caller accepts. */
  static final class TooLarge extends IOException {
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

    long limit() {
      return limit;
    }

    /** The size the server declared in {@code Content-Length}, when that is how it was caught. */
    OptionalLong declared() {
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
  static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
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
