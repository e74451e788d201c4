package fi.luotsi.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryResult;
import fi.luotsi.delivery.Messenger;
import fi.luotsi.delivery.Recipient;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends reminders, broadcasts and other unprompted messages to Slack channels and users.
 *
 * <p>A recipient address is a channel id ({@code C…}, {@code G…}) or a user id ({@code U…}, {@code
 * W…}), which Slack turns into the bot's direct message with that user. Each call makes one
 * attempt: an HTTP 429 becomes {@link DeliveryResult.Throttled} with Slack's {@code Retry-After},
 * and retrying is the delivery service's job. Posts to one channel are spaced about a second apart,
 * shared with the adapter's own replies. The message reference is {@code <channel>:<ts>}.
 * Thread-safe; never throws for Slack errors.
 */
public final class SlackMessenger implements Messenger {
  private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);

  /** Slack errors meaning the recipient or message is not reachable any more. */
  private static final Set<String> GONE =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "user_not_found",
          "user_disabled",
          "account_inactive",
          "cannot_dm_bot",
          "message_not_found",
          "cant_update_message",
          "cant_delete_message");

  /** Slack errors worth another try later. */
  private static final Set<String> RETRYABLE =
      Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private final MethodsClient methods;
  private final ChannelPacer pacer;

  SlackMessenger(MethodsClient methods, ChannelPacer pacer) {
    this.methods = Objects.requireNonNull(methods, "methods");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public DeliveryResult send(Recipient recipient, Reply message) {
    String channel = address(recipient);
    SlackMessage rendered = SlackBlocks.message(message, false);
    try {
      pacer.await(channel);
      ChatPostMessageResponse response =
          methods.chatPostMessage(
              r ->
                  r.channel(channel)
                      .text(rendered.text())
                      .blocks(rendered.blocks())
                      .unfurlLinks(false)
                      .unfurlMedia(false));
      return outcome("chat.postMessage", recipient, response)
          .orElseGet(() -> new DeliveryResult.Sent(response.getChannel() + ":" + response.getTs()));
    } catch (SlackApiException e) {
      return failure("chat.postMessage", recipient, e);
    } catch (IOException e) {
      return unreachable("chat.postMessage", recipient, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.Failed("interrupted", true);
    }
  }

  @Override
  public DeliveryResult update(Recipient recipient, String messageRef, Reply message) {
    String[] ref = messageRef.split(":", 2);
    if (ref.length != 2 || ref[0].isBlank() || ref[1].isBlank()) {
      return new DeliveryResult.Failed("malformed Slack message reference", false);
    }
    SlackMessage rendered = SlackBlocks.message(message, false);
    try {
      var response =
          methods.chatUpdate(
              r -> r.channel(ref[0]).ts(ref[1]).text(rendered.text()).blocks(rendered.blocks()));
      return outcome("chat.update", recipient, response)
          .orElseGet(() -> new DeliveryResult.Sent(messageRef));
    } catch (SlackApiException e) {
      return failure("chat.update", recipient, e);
    } catch (IOException e) {
      return unreachable("chat.update", recipient, e);
    }
  }

  @Override
  public DeliveryResult delete(Recipient recipient, String messageRef) {
    String[] ref = messageRef.split(":", 2);
    if (ref.length != 2 || ref[0].isBlank() || ref[1].isBlank()) {
      return new DeliveryResult.Failed("malformed Slack message reference", false);
    }
    try {
      var response = methods.chatDelete(r -> r.channel(ref[0]).ts(ref[1]));
      return outcome("chat.delete", recipient, response)
          .orElseGet(() -> new DeliveryResult.Sent(messageRef));
    } catch (SlackApiException e) {
      return failure("chat.delete", recipient, e);
    } catch (IOException e) {
      return unreachable("chat.delete", recipient, e);
    }
  }

  private static String address(Recipient recipient) {
    if (recipient.platform() != Platform.SLACK) {
      throw new IllegalArgumentException("not a Slack recipient: " + recipient);
    }
    return recipient.address();
  }

  /** Empty when Slack said ok; otherwise what its error means for delivery. */
  private static java.util.Optional<DeliveryResult> outcome(
      String method, Recipient recipient, SlackApiTextResponse response) {
    if (response.isOk()) {
      return java.util.Optional.empty();
    }
    String error = String.valueOf(response.getError());
    log.info("{} to {} refused by Slack: {}", method, recipient, error);
    if (GONE.contains(error)) {
      return java.util.Optional.of(new DeliveryResult.Gone(error));
    }
    if ("ratelimited".equals(error)) {
      return java.util.Optional.of(new DeliveryResult.Throttled(SlackWebApi.parseRetryAfter(null)));
    }
    return java.util.Optional.of(new DeliveryResult.Failed(error, RETRYABLE.contains(error)));
  }

  private static DeliveryResult failure(String method, Recipient recipient, SlackApiException e) {
    int status = e.getResponse().code();
    if (status == 429) {
      return new DeliveryResult.Throttled(SlackWebApi.retryAfter(e));
    }
    log.info("{} to {} failed with HTTP {}", method, recipient, status);
    return new DeliveryResult.Failed("HTTP " + status, status >= 500 || status == 408);
  }

  private static DeliveryResult unreachable(String method, Recipient recipient, IOException e) {
    log.info("{} to {} could not reach Slack: {}", method, recipient, e.toString());
    return new DeliveryResult.Failed(e.getClass().getSimpleName(), true);
  }
}
