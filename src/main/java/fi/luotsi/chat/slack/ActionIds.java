package fi.luotsi.chat.slack;

import fi.luotsi.chat.Button;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable {@code action_id}s and {@code block_id}s. Messages already posted keep working across
 * releases, so these strings must not change: {@code luotsi.<action>.<n>}, where {@code n} keeps
 * the ids within one actions block unique.
 */
final class ActionIds {
  static final String BLOCK_HEADING = "luotsi.heading";
  static final String BLOCK_TEXT = "luotsi.text.";
  static final String BLOCK_SOURCES = "luotsi.sources";
  static final String BLOCK_NOTE = "luotsi.note";
  static final String BLOCK_RELATED = "luotsi.related";
  static final String BLOCK_FEEDBACK = "luotsi.feedback";
  static final String BLOCK_ACTIONS = "luotsi.actions";
  static final String BLOCK_HOME_HEADING = "luotsi.home.heading";
  static final String BLOCK_HOME_INTRO = "luotsi.home.intro";

  /** Every action id this adapter has ever rendered matches this. */
  static final Pattern ANY = Pattern.compile("luotsi\\.([a-z_]+)\\.(\\d+)");

  private ActionIds() {}

  static String actionId(Button.Action action, int index) {
    return "luotsi." + action.name().toLowerCase(Locale.ROOT) + "." + index;
  }

  /** The button action an action id stands for; empty for ids this adapter did not render. */
  static Optional<Button.Action> parse(String actionId) {
    if (actionId == null) {
      return Optional.empty();
    }
    Matcher m = ANY.matcher(actionId);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Button.Action action = Button.Action.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      return action == Button.Action.NONE ? Optional.empty() : Optional.of(action);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
