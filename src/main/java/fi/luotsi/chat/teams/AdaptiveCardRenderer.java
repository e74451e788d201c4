package fi.luotsi.chat.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link Reply} as an Adaptive Card (schema 1.4, which every Teams client renders).
 *
 * <p>Reply text is plain text, but TextBlocks interpret a Markdown subset, so every text is passed
 * through {@link #escapeMarkdown(String)}: knowledge text can neither format itself nor inject
 * links. Links appear only as {@code Action.OpenUrl} buttons.
 *
 * <p>{@link Button.Action#SHARE} buttons are left out: Teams has no private replies to share.
 *
 * <p>Buttons that come back to the bot are {@code Action.Submit} with data {@code {"luotsiAction":
 * ACTION, "luotsiValue": value}}; Teams delivers a press as a message activity whose {@code value}
 * is that object (see {@link IncomingActivities}).
 */
final class AdaptiveCardRenderer {
  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String ACTION_KEY = "luotsiAction";
  static final String VALUE_KEY = "luotsiValue";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_BUTTON_TITLE = 80;

  private AdaptiveCardRenderer() {}

  static ObjectNode render(Reply reply) {
    Language language = reply.language();
    ObjectNode card = JSON.objectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", "1.4");
    card.put("lang", language.code());
    card.putObject("msteams").put("width", "Full");
    ArrayNode body = card.putArray("body");

    reply
        .heading()
        .ifPresent(
            heading -> body.add(textBlock(heading).put("weight", "Bolder").put("size", "Medium")));
    for (String paragraph : reply.paragraphs()) {
      addLines(body, paragraph);
    }
    addSources(reply, body);
    reply
        .note()
        .ifPresent(note -> body.add(textBlock(note).put("size", "Small").put("isSubtle", true)));

    List<Button> feedback = new ArrayList<>();
    ArrayNode actions = JSON.arrayNode();
    for (Button button : reply.buttons()) {
      switch (button.action()) {
        case FEEDBACK_UP, FEEDBACK_DOWN -> feedback.add(button);
        // Teams has no private replies: a channel answer is already public, and a personal chat
        // has no channel to share into.
        case SHARE -> {}
        default -> actions.add(action(button));
      }
    }
    if (actions.size() > 0) {
      body.add(actionSet(actions));
    }
    if (feedback.isEmpty() && reply.answered() && reply.answerRef().isPresent()) {
      String ref = reply.answerRef().get();
      feedback.add(new Button(TeamsTexts.helpful(language), Button.Action.FEEDBACK_UP, ref));
      feedback.add(new Button(TeamsTexts.notHelpful(language), Button.Action.FEEDBACK_DOWN, ref));
    }
    if (!feedback.isEmpty()) {
      body.add(
          textBlock(TeamsTexts.feedbackQuestion(language))
              .put("size", "Small")
              .put("isSubtle", true)
              .put("spacing", "Medium"));
      ArrayNode feedbackActions = JSON.arrayNode();
      feedback.forEach(button -> feedbackActions.add(action(button)));
      body.add(actionSet(feedbackActions));
    }
    return card;
  }

  /** A one-line summary for notifications and clients that cannot show cards. */
  static String summary(Reply reply) {
    String text =
        reply
            .heading()
            .orElseGet(() -> reply.paragraphs().isEmpty() ? "" : reply.paragraphs().get(0));
    return text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }

  private static void addSources(Reply reply, ArrayNode body) {
    if (reply.sources().isEmpty()) {
      return;
    }
    body.add(
        textBlock(TeamsTexts.sources(reply.language()))
            .put("weight", "Bolder")
            .put("size", "Small")
            .put("spacing", "Medium"));
    ArrayNode links = JSON.arrayNode();
    for (Reply.Source source : reply.sources()) {
      String line =
          source.title() + source.citation().map(citation -> " (" + citation + ")").orElse("");
      body.add(textBlock("• " + line).put("size", "Small").put("spacing", "None"));
      source.url().ifPresent(url -> links.add(openUrl(source.title(), url)));
    }
    if (links.size() > 0) {
      body.add(actionSet(links));
    }
  }

  /**
   * A paragraph's lines (list items arrive as {@code "• a\n• b"}) become one TextBlock each: a
   * single newline inside a TextBlock is a soft break that some renderers join into one line.
   */
  private static void addLines(ArrayNode body, String paragraph) {
    boolean first = true;
    for (String line : paragraph.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode block = textBlock(line);
      if (!first) {
        block.put("spacing", "None");
      }
      body.add(block);
      first = false;
    }
  }

  private static ObjectNode textBlock(String plainText) {
    ObjectNode block = JSON.objectNode();
    block.put("type", "TextBlock");
    block.put("text", escapeMarkdown(plainText));
    block.put("wrap", true);
    return block;
  }

  private static ObjectNode actionSet(ArrayNode actions) {
    ObjectNode set = JSON.objectNode();
    set.put("type", "ActionSet");
    set.set("actions", actions);
    return set;
  }

  private static ObjectNode action(Button button) {
    if (button.action() == Button.Action.LINK) {
      return openUrl(button.label(), button.value());
    }
    ObjectNode submit = JSON.objectNode();
    submit.put("type", "Action.Submit");
    submit.put("title", title(button.label()));
    ObjectNode data = submit.putObject("data");
    data.put(ACTION_KEY, button.action().name());
    data.put(VALUE_KEY, button.value());
    return submit;
  }

  private static ObjectNode openUrl(String title, String url) {
    ObjectNode open = JSON.objectNode();
    open.put("type", "Action.OpenUrl");
    open.put("title", title(title));
    open.put("url", url);
    return open;
  }

  /** Button titles are not Markdown, but Teams cuts long ones badly; shorten with an ellipsis. */
  private static String title(String label) {
    String oneLine = label.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_BUTTON_TITLE
        ? oneLine
        : oneLine.substring(0, MAX_BUTTON_TITLE - 1) + "…";
  }

  /**
   * Escapes plain text for a TextBlock so that it shows literally: emphasis, code, strike-through
   * and link brackets are backslash-escaped everywhere, and list, heading and quote markers at the
   * start of a line.
   */
  static String escapeMarkdown(String plain) {
    StringBuilder out = new StringBuilder(plain.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c == '\n') {
        out.append(c);
        lineStart = true;
        continue;
      }
      if (lineStart) {
        if (c == ' ' || c == '\t') {
          out.append(c);
          continue;
        }
        lineStart = false;
        if (c == '-' || c == '+' || c == '#' || c == '>') {
          out.append('\\').append(c);
          continue;
        }
        int digitsEnd = i;
        while (digitsEnd < plain.length() && Character.isDigit(plain.charAt(digitsEnd))) {
          digitsEnd++;
        }
        if (digitsEnd > i
            && digitsEnd < plain.length()
            && (plain.charAt(digitsEnd) == '.' || plain.charAt(digitsEnd) == ')')) {
          out.append(plain, i, digitsEnd).append('\\').append(plain.charAt(digitsEnd));
          i = digitsEnd;
          continue;
        }
      }
      switch (c) {
        case '\\', '*', '_', '`', '~', '[', ']' -> out.append('\\').append(c);
        case '\r' -> {}
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static Optional<Button.Action> parseAction(String name) {
    try {
      Button.Action action = Button.Action.valueOf(name);
      return action == Button.Action.NONE ? Optional.empty() : Optional.of(action);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
