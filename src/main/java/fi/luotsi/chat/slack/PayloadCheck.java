package fi.luotsi.chat.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the request bodies Slack sends to {@code /slack/events} before Bolt parses them, so
 * that a malformed body gets a 400 with a reason instead of a parser exception (and Bolt's parser
 * never logs an unknown body at WARN). Shapes accepted: Events API JSON ({@code event_callback},
 * {@code url_verification}, {@code app_rate_limited}), slash command forms, interactivity forms
 * ({@code payload=} with {@code block_actions}), and {@code ssl_check} probes.
 */
final class PayloadCheck {
  /** What a well-formed body is. */
  enum Kind {
    EVENT,
    URL_VERIFICATION,
    APP_RATE_LIMITED,
    COMMAND,
    INTERACTION,
    SSL_CHECK
  }

  /** The outcome: a kind, or the reason the body is malformed. */
  record Result(Optional<Kind> kind, String problem) {
    static Result ok(Kind kind) {
      return new Result(Optional.of(kind), "");
    }

    static Result malformed(String problem) {
      return new Result(Optional.empty(), problem);
    }
  }

  private static final Set<String> INTERACTIONS = Set.of("block_actions");

  private PayloadCheck() {}

  static Result check(String body) {
    String trimmed = body.strip();
    if (trimmed.isEmpty()) {
      return Result.malformed("empty body");
    }
    if (trimmed.startsWith("{")) {
      return json(trimmed);
    }
    Map<String, String> form;
    try {
      form = form(trimmed);
    } catch (IllegalArgumentException e) {
      return Result.malformed("body is neither JSON nor a valid form");
    }
    if (form.containsKey("payload")) {
      Optional<JsonObject> payload = object(form.get("payload"));
      if (payload.isEmpty()) {
        return Result.malformed("interaction payload is not a JSON object");
      }
      String type = string(payload.get(), "type");
      if (type == null) {
        return Result.malformed("interaction payload has no type");
      }
      if (!INTERACTIONS.contains(type)) {
        return Result.malformed("unsupported interaction type '" + clip(type) + "'");
      }
      if (!(payload.get().get("actions") instanceof JsonArray)
          || !(payload.get().get("user") instanceof JsonObject)) {
        return Result.malformed("block_actions payload lacks actions or user");
      }
      return Result.ok(Kind.INTERACTION);
    }
    if (form.containsKey("command")) {
      if (form.get("command").isBlank() || !form.containsKey("user_id")) {
        return Result.malformed("slash command lacks command or user_id");
      }
      return Result.ok(Kind.COMMAND);
    }
    if ("1".equals(form.get("ssl_check"))) {
      return Result.ok(Kind.SSL_CHECK);
    }
    return Result.malformed("body is not an event, command or interaction");
  }

  private static Result json(String body) {
    Optional<JsonObject> object = object(body);
    if (object.isEmpty()) {
      return Result.malformed("body is not a JSON object");
    }
    String type = string(object.get(), "type");
    if (type == null) {
      return Result.malformed("JSON body has no type");
    }
    return switch (type) {
      case "event_callback" -> {
        JsonElement event = object.get().get("event");
        if (!(event instanceof JsonObject e) || string(e, "type") == null) {
          yield Result.malformed("event_callback without an event type");
        }
        yield Result.ok(Kind.EVENT);
      }
      case "url_verification" ->
          string(object.get(), "challenge") == null
              ? Result.malformed("url_verification without a challenge")
              : Result.ok(Kind.URL_VERIFICATION);
      case "app_rate_limited" -> Result.ok(Kind.APP_RATE_LIMITED);
      default -> Result.malformed("unsupported payload type '" + clip(type) + "'");
    };
  }

  private static Optional<JsonObject> object(String json) {
    try {
      JsonElement element = JsonParser.parseString(json);
      return element instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    } catch (JsonParseException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
        ? value.getAsString()
        : null;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(name, value);
    }
    return out;
  }

  /** Reasons are logged; keep attacker-chosen text short. */
  private static String clip(String text) {
    return SlackText.truncate(text.replaceAll("\\p{Cntrl}", "?"), 40);
  }
}
