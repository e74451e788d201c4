package fi.luotsi.chat.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's text conventions in both directions: escaping plain text for mrkdwn so that it cannot
 * form mentions or links, and reducing incoming Slack markup to the plain text a person typed.
 */
final class SlackText {
  /** {@code <…>} spans: user, channel and group mentions, special mentions and links. */
  private static final Pattern MARKUP = Pattern.compile("<([^<>]*)>");

  private SlackText() {}

  /**
   * Escapes the three characters Slack treats as control characters in message text. The result
   * shows the original text literally: {@code <!channel>} stays text, not a notification.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A link in mrkdwn, or the escaped label alone when the URL is not a plain http(s) URL that can
   * be embedded safely.
   */
  static String link(String url, String label) {
    String safeLabel = escape(label).replace("|", "¦");
    if (!url.matches("https?://[^\\s<>|]+")) {
      return safeLabel;
    }
    return "<" + url.replace("&", "&amp;") + "|" + safeLabel + ">";
  }

  /**
   * The plain text of an incoming message: the bot's own mention removed, other mentions and links
   * reduced to their visible labels, and Slack's escapes undone.
   *
   * @param text the message text as Slack delivers it
   * @param botUserId the bot's user id, whose mentions are dropped; may be null
   */
  static String toPlain(String text, String botUserId) {
    if (text == null) {
      return "";
    }
    Matcher m = MARKUP.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(label(m.group(1), botUserId)));
    }
    m.appendTail(out);
    return unescape(out.toString()).replaceAll("[ \\t]{2,}", " ").strip();
  }

  private static String label(String inner, String botUserId) {
    int bar = inner.indexOf('|');
    String target = bar < 0 ? inner : inner.substring(0, bar);
    String shown = bar < 0 ? null : inner.substring(bar + 1);
    if (target.startsWith("@")) {
      if (botUserId != null && target.substring(1).equals(botUserId)) {
        return "";
      }
      return shown != null ? "@" + stripAt(shown) : target;
    }
    if (target.startsWith("#")) {
      return shown != null ? "#" + shown : target;
    }
    if (target.startsWith("!")) {
      if (shown != null) {
        return shown;
      }
      String special = target.substring(1);
      return special.startsWith("subteam^") ? "@team" : "@" + special;
    }
    if (target.startsWith("mailto:")) {
      return shown != null ? shown : target.substring("mailto:".length());
    }
    return shown != null ? shown : target;
  }

  private static String stripAt(String name) {
    return name.startsWith("@") ? name.substring(1) : name;
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Cuts {@code text} to at most {@code max} characters, marking the cut with an ellipsis. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
