package fi.luotsi.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls the adapter makes when replying, with Slack's rate limits honoured: posts to a
 * channel are paced to about one per second ({@link ChannelPacer}), and an HTTP 429 is retried
 * after its {@code Retry-After} (at most {@value #MAX_ATTEMPTS} attempts, waits capped at one
 * minute). Runs on the adapter's reply threads, never on the thread that acknowledges Slack.
 * Thread-safe.
 */
final class SlackWebApi {
  private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
  static final int MAX_ATTEMPTS = 4;
  private static final Duration MAX_WAIT = Duration.ofMinutes(1);

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException, SlackApiException, SlackCallFailed;
  }

  private final Slack slack;
  private final MethodsClient methods;
  private final ChannelPacer pacer;
  private final Gson gson;

  SlackWebApi(Slack slack, String botToken, ChannelPacer pacer) {
    this.slack = Objects.requireNonNull(slack, "slack");
    this.methods = slack.methods(Objects.requireNonNull(botToken, "botToken"));
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.gson = GsonFactory.createSnakeCase(slack.getConfig());
  }

  MethodsClient methods() {
    return methods;
  }

  ChannelPacer pacer() {
    return pacer;
  }

  /** Posts a message to a channel, DM or user id, optionally in a thread; returns its ts. */
  String postMessage(String channel, Optional<String> threadTs, SlackMessage message)
      throws SlackCallFailed, InterruptedException {
    ChatPostMessageResponse response =
        withRetries(
            "chat.postMessage",
            channel,
            () ->
                checked(
                    "chat.postMessage",
                    methods.chatPostMessage(
                        r ->
                            r.channel(channel)
                                .threadTs(threadTs.orElse(null))
                                .text(message.text())
                                .blocks(message.blocks())
                                .unfurlLinks(false)
                                .unfurlMedia(false))));
    return response.getTs();
  }

  /** Publishes the App Home tab of a user. */
  void publishHome(String userId, View view, Optional<String> hash)
      throws SlackCallFailed, InterruptedException {
    withRetries(
        "views.publish",
        null,
        () ->
            checked(
                "views.publish",
                methods.viewsPublish(r -> r.userId(userId).view(view).hash(hash.orElse(null)))));
  }

  /** The user's Slack locale, e.g. {@code fi-FI}; empty when Slack reports none. */
  Optional<String> locale(String userId) throws SlackCallFailed, InterruptedException {
    UsersInfoResponse response =
        withRetries(
            "users.info",
            null,
            () ->
                checked("users.info", methods.usersInfo(r -> r.user(userId).includeLocale(true))));
    return Optional.ofNullable(response.getUser())
        .map(u -> u.getLocale())
        .filter(l -> !l.isBlank());
  }

  /**
   * Answers through an interaction's {@code response_url}.
   *
   * @param ephemeral true: only the person who acted sees it; false: posted in the channel
   */
  void respond(String responseUrl, SlackMessage message, boolean ephemeral)
      throws SlackCallFailed, InterruptedException {
    JsonObject body = new JsonObject();
    body.addProperty("response_type", ephemeral ? "ephemeral" : "in_channel");
    body.addProperty("replace_original", false);
    body.addProperty("text", message.text());
    body.add("blocks", gson.toJsonTree(message.blocks()));
    postToResponseUrl(responseUrl, body);
  }

  /** Removes the message an interaction came from (e.g. an ephemeral answer after sharing it). */
  void deleteOriginal(String responseUrl) throws SlackCallFailed, InterruptedException {
    JsonObject body = new JsonObject();
    body.addProperty("delete_original", true);
    postToResponseUrl(responseUrl, body);
  }

  private void postToResponseUrl(String responseUrl, JsonObject body)
      throws SlackCallFailed, InterruptedException {
    String json = gson.toJson(body);
    withRetries(
        "response_url",
        null,
        () -> {
          WebhookResponse response = slack.send(responseUrl, json);
          int code = response.getCode() == null ? 0 : response.getCode();
          if (code == 429) {
            throw new RateLimited(retryAfter(response.getHeaders()));
          }
          if (code / 100 != 2) {
            throw new SlackCallFailed("response_url", "HTTP " + code);
          }
          return response;
        });
  }

  private static <T extends SlackApiTextResponse> T checked(String method, T response)
      throws SlackCallFailed {
    if (!response.isOk()) {
      throw new SlackCallFailed(method, String.valueOf(response.getError()));
    }
    return response;
  }

  private <T> T withRetries(String method, String channel, Call<T> call)
      throws SlackCallFailed, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      if (channel != null) {
        pacer.await(channel);
      }
      Duration wait;
      try {
        return call.run();
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status != 429) {
          String error = e.getError() != null ? e.getError().getError() : null;
          throw new SlackCallFailed(method, "HTTP " + status + (error != null ? " " + error : ""));
        }
        wait = retryAfter(e);
      } catch (RateLimited e) {
        wait = e.retryAfter;
      } catch (IOException e) {
        throw new SlackCallFailed(method, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new SlackCallFailed(method, "still rate limited after " + attempt + " attempts");
      }
      log.info("Slack rate-limited {}; retrying in {} s", method, wait.toSeconds());
      Thread.sleep(wait);
    }
  }

  /** The wait a 429 asks for: its {@code Retry-After} seconds, 1 s when absent, at most 1 min. */
  static Duration retryAfter(SlackApiException e) {
    return parseRetryAfter(e.getResponse().header("Retry-After"));
  }

  private static Duration retryAfter(Map<String, List<String>> headers) {
    if (headers != null) {
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if ("retry-after".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
          return parseRetryAfter(h.getValue().get(0));
        }
      }
    }
    return parseRetryAfter(null);
  }

  static Duration parseRetryAfter(String header) {
    try {
      long seconds = header == null ? 1 : Long.parseLong(header.trim());
      Duration wait = Duration.ofSeconds(Math.max(1, seconds));
      return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  /** A 429 from a response URL, which answers with a status rather than an exception. */
  private static final class RateLimited extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    RateLimited(Duration retryAfter) {
      super("rate limited", null);
      this.retryAfter = retryAfter;
    }
  }
}
