package fi.luotsi.chat.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.RoleTypes;
import com.microsoft.bot.schema.Serialization;
import fi.luotsi.http.HttpEndpoint;
import fi.luotsi.http.HttpRequest;
import fi.luotsi.http.HttpResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}: what Spring's {@code BotController} would do, on our HTTP server.
 *
 * <ul>
 *   <li>An empty body, a body that is not JSON or a JSON value that is not an activity gets 400.
 *   <li>The SDK authenticates the {@code Authorization} header; a missing, forged, expired or
 *       foreign token gets 401 (in local mode no header is needed, but one that is sent is still
 *       checked).
 *   <li>The turn runs to its end before the answer: 202 for messages and events, the invoke
 *       response for invokes, 500 when the turn failed in a way the bot could not handle.
 * </ul>
 *
 * <p>The activity's locale is moved into {@link TeamsBot#LOCALE_PROPERTY} before the turn: the SDK
 * sets the JVM-wide default locale from it on every turn, which would change how the rest of the
 * application formats and lower-cases text depending on who wrote last.
 */
final class MessagesEndpoint implements HttpEndpoint {
  private static final Logger log = LoggerFactory.getLogger(MessagesEndpoint.class);
  private static final String UNAUTHORIZED = "{\"error\":\"unauthorized\"}";

  private final TeamsBotAdapter adapter;
  private final Bot bot;
  private final boolean loopbackServiceUrlsOnly;
  private final Duration turnTimeout;

  /**
   * @param loopbackServiceUrlsOnly refuse activities whose {@code serviceUrl} is not on this
   *     machine (local mode: nobody vouches for the URL, so the bot must not post to arbitrary
   *     hosts)
   */
  MessagesEndpoint(
      TeamsBotAdapter adapter, Bot bot, boolean loopbackServiceUrlsOnly, Duration turnTimeout) {
    this.adapter = Objects.requireNonNull(adapter, "adapter");
    this.bot = Objects.requireNonNull(bot, "bot");
    this.loopbackServiceUrlsOnly = loopbackServiceUrlsOnly;
    this.turnTimeout = Objects.requireNonNull(turnTimeout, "turnTimeout");
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    if (request.body().length == 0) {
      return badRequest("empty body: expected a Bot Framework activity as JSON");
    }
    JsonNode tree;
    try {
      tree = Serialization.jsonToTree(request.bodyAsString());
    } catch (IOException e) {
      return badRequest("the body is not JSON");
    }
    if (tree == null || !tree.isObject()) {
      return badRequest("the body is not a JSON object");
    }
    Activity activity = Serialization.treeToValue(tree, Activity.class);
    String problem = problem(activity);
    if (problem != null) {
      return badRequest(problem);
    }
    prepare(activity);
    String authorization = request.header("authorization").orElse("");
    try {
      InvokeResponse response =
          adapter
              .processIncomingActivity(authorization, activity, bot)
              .get(turnTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response == null) {
        return HttpResponse.empty(202);
      }
      return response.getBody() == null
          ? HttpResponse.empty(response.getStatus())
          : HttpResponse.json(response.getStatus(), Serialization.toString(response.getBody()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HttpResponse.json(503, "{\"error\":\"shutting down\"}");
    } catch (TimeoutException e) {
      log.error(
          "Teams {} activity in {} did not finish within {}",
          activity.getType(),
          activity.getConversation().getId(),
          turnTimeout);
      return HttpResponse.json(504, "{\"error\":\"the turn did not finish in time\"}");
    } catch (ExecutionException | RuntimeException | JsonProcessingException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (isAuthenticationFailure(cause)) {
        log.info(
            "Refused a Teams activity from {}: {}", request.remoteAddress(), rootMessage(cause));
        return HttpResponse.json(401, UNAUTHORIZED).withHeader("WWW-Authenticate", "Bearer");
      }
      log.error(
          "Teams {} activity in {} failed",
          activity.getType(),
          activity.getConversation().getId(),
          cause);
      return HttpResponse.json(500, "{\"error\":\"the bot failed to handle the activity\"}");
    }
  }

  private String problem(Activity activity) {
    if (activity == null || activity.getType() == null || activity.getType().isBlank()) {
      return "not a Bot Framework activity (no type)";
    }
    if (activity.getConversation() == null || isBlank(activity.getConversation().getId())) {
      return "the activity has no conversation id";
    }
    if (isBlank(activity.getServiceUrl())) {
      return "the activity has no serviceUrl";
    }
    URI serviceUrl;
    try {
      serviceUrl = URI.create(activity.getServiceUrl());
    } catch (IllegalArgumentException e) {
      return "the activity's serviceUrl is not a URL";
    }
    String scheme =
        serviceUrl.getScheme() == null ? "" : serviceUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || serviceUrl.getHost() == null) {
      return "the activity's serviceUrl is not an http(s) URL";
    }
    if (loopbackServiceUrlsOnly && !isLoopback(serviceUrl.getHost())) {
      return "in local mode the serviceUrl must be on this machine (localhost)";
    }
    return null;
  }

  private static void prepare(Activity activity) {
    if (activity.getLocale() != null) {
      activity.setProperties(TeamsBot.LOCALE_PROPERTY, TextNode.valueOf(activity.getLocale()));
      activity.setLocale(null);
    }
    // The SDK dereferences recipient.role for Emulator traffic; an inbound recipient is the bot.
    if (activity.getRecipient() != null && activity.getRecipient().getRole() == null) {
      activity.getRecipient().setRole(RoleTypes.BOT);
    }
  }

  private static boolean isLoopback(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // Only literal addresses are accepted; a name is not resolved.
      return (bare.contains(":") || bare.chars().allMatch(c -> c == '.' || Character.isDigit(c)))
          && InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean isAuthenticationFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException || t instanceof JWTVerificationException) {
        return true;
      }
      if (t instanceof CompletionException && t.getCause() == null) {
        return false;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message =
        t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    return message.length() <= 300 ? message : message.substring(0, 300) + "…";
  }

  private static HttpResponse badRequest(String message) {
    return HttpResponse.json(400, "{\"error\":" + TextNode.valueOf(message) + "}");
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
