package fi.luotsi.chat.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.ConversationHandler;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.http.HttpRequest;
import fi.luotsi.http.HttpResponse;
import fi.luotsi.http.HttpServer;
import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The web chat: {@code GET /} serves a single-page chat for browsers (also on phones), {@code POST
 * /api/chat} takes {@code {"user": "…", "text": "…"}} (optionally {@code "action"} and {@code
 * "value"} for a button press, {@code "lang"} for the browser language) and answers {@code
 * {"answered": bool, "text": "…", "sources": [{"id", "title", "url"}], "buttons": [{"label",
 * "action", "value"}]}} plus {@code heading}, {@code paragraphs}, {@code note}, {@code kind} and
 * {@code language}.
 */
public final class WebChat {
  private static final int MAX_TEXT = 2000;

  /** The request's fields, all strings when present: a number or an object is refused. */
  private static final List<String> STRING_FIELDS =
      List.of("user", "text", "action", "value", "lang");

  private final ConversationHandler handler;
  private final ObjectMapper json = new ObjectMapper();
  private final byte[] page;

  public WebChat(ConversationHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.page = resource("index.html");
  }

  /** Adds {@code GET /} and {@code POST /api/chat} to the server. */
  public void register(HttpServer server) {
    server.get("/", request -> new HttpResponse(200, "text/html; charset=utf-8", page, Map.of()));
    server.post("/api/chat", this::chat);
  }

  HttpResponse chat(HttpRequest request) {
    JsonNode body;
    try {
      body = json.readTree(request.body());
    } catch (IOException e) {
      return error(400, "request body must be JSON: {\"user\": \"…\", \"text\": \"…\"}");
    }
    if (body == null || !body.isObject()) {
      return error(400, "request body must be a JSON object");
    }
    for (String field : STRING_FIELDS) {
      JsonNode value = body.get(field);
      if (value != null && !value.isNull() && !value.isTextual()) {
        return error(400, "\"" + field + "\" must be a string");
      }
    }
    String user = body.path("user").asText("").strip();
    String text = body.path("text").asText("");
    if (user.isEmpty()) {
      return error(400, "\"user\" is required");
    }
    if (user.length() > 200) {
      return error(400, "\"user\" is too long");
    }
    if (text.length() > MAX_TEXT) {
      return error(400, "\"text\" is longer than " + MAX_TEXT + " characters");
    }
    Button.Action action = Button.Action.NONE;
    if (body.hasNonNull("action")) {
      try {
        action = Button.Action.valueOf(body.get("action").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return error(400, "unknown action " + body.get("action").asText());
      }
      if (body.hasNonNull("value")) {
        text = body.get("value").asText();
      }
    }
    Optional<Language> language = Language.fromTag(body.path("lang").asText(""));
    IncomingMessage message =
        new IncomingMessage(Platform.WEB, user, "web:" + user, text, action, language, true);
    return HttpResponse.json(200, render(handler.handle(message)));
  }

  String render(Reply reply) {
    ObjectNode out = json.createObjectNode();
    out.put("answered", reply.answered());
    out.put("kind", reply.kind().name().toLowerCase(Locale.ROOT));
    out.put("language", reply.language().code());
    out.put("text", reply.plainText());
    reply.heading().ifPresent(h -> out.put("heading", h));
    ArrayNode paragraphs = out.putArray("paragraphs");
    reply.paragraphs().forEach(paragraphs::add);
    reply.note().ifPresent(n -> out.put("note", n));
    ArrayNode sources = out.putArray("sources");
    for (Reply.Source source : reply.sources()) {
      ObjectNode s = sources.addObject();
      s.put("id", source.id());
      s.put("title", source.title());
      s.put("url", source.url().orElse(null));
      source.citation().ifPresent(c -> s.put("citation", c));
    }
    ArrayNode buttons = out.putArray("buttons");
    for (Button button : reply.buttons()) {
      ObjectNode b = buttons.addObject();
      b.put("label", button.label());
      b.put("action", button.action().name().toLowerCase(Locale.ROOT));
      b.put("value", button.value());
    }
    try {
      return json.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render reply", e);
    }
  }

  private HttpResponse error(int status, String message) {
    ObjectNode out = json.createObjectNode();
    out.put("error", message);
    return HttpResponse.json(status, out.toString());
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebChat.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing web chat resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
