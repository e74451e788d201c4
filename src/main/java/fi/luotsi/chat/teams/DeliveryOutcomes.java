package fi.luotsi.chat.teams;

import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.ErrorResponse;
import fi.luotsi.delivery.DeliveryResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what the Bot Connector answered into a {@link DeliveryResult}, following Teams' guidance:
 * 429 is throttling (honour {@code Retry-After}), 412, 408 and 5xx are worth retrying, 403 and 404
 * mean the bot can no longer reach the conversation.
 */
final class DeliveryOutcomes {
  /** Used when a 429 carries no usable {@code Retry-After}. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private DeliveryOutcomes() {}

  static DeliveryResult fromFailure(Throwable failure, Clock clock) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RestException rest && rest.response() != null) {
      return fromStatus(
          rest.response().code(),
          rest.response().headers().get("Retry-After"),
          errorCode(rest),
          clock);
    }
    if (cause instanceof IOException) {
      return new DeliveryResult.Failed("cannot reach the Bot Connector: " + describe(cause), true);
    }
    if (cause instanceof AuthenticationException) {
      return new DeliveryResult.Failed(
          "cannot get a Bot Framework token: " + describe(rootCause(cause)), true);
    }
    return new DeliveryResult.Failed(describe(cause), false);
  }

  static DeliveryResult fromStatus(int status, String retryAfter, String errorCode, Clock clock) {
    String reason = "HTTP " + status + (errorCode == null ? "" : " " + errorCode);
    if (status == 429) {
      return new DeliveryResult.Throttled(retryAfter(retryAfter, clock));
    }
    if (status == 403 || status == 404) {
      return new DeliveryResult.Gone(reason);
    }
    boolean retryable = status == 412 || status == 408 || status >= 500;
    return new DeliveryResult.Failed(reason, retryable);
  }

  /** {@code Retry-After} is seconds or an HTTP date; a missing or odd value gets the default. */
  static Duration retryAfter(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return DEFAULT_RETRY_AFTER;
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return DEFAULT_RETRY_AFTER;
      }
    }
  }

  private static String errorCode(RestException rest) {
    Object body = rest.body();
    if (body instanceof ErrorResponse error
        && error.getError() != null
        && error.getError().getCode() != null) {
      return error.getError().getCode();
    }
    return null;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    // The connector's interceptors wrap failures to get a token in IOException.
    if (t instanceof IOException && t.getCause() != null) {
      Throwable inner = t.getCause();
      while ((inner instanceof CompletionException || inner instanceof ExecutionException)
          && inner.getCause() != null) {
        inner = inner.getCause();
      }
      if (inner instanceof AuthenticationException) {
        return inner;
      }
    }
    return t;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
