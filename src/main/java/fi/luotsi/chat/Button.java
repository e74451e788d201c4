package fi.luotsi.chat;

import java.util.Objects;

/**
 * A button offered with a reply. Pressing it comes back as an {@link IncomingMessage} with the same
 * {@link Action} and {@code value}.
 *
 * @param label what the person sees, already in the reply's language
 * @param action what pressing it means
 * @param value the action's argument: the follow-up question for {@link Action#ASK}, the answer
 *     reference for feedback and sharing, a URL for {@link Action#LINK}, a session id for RSVP
 */
public record Button(String label, Action action, String value) {

  /** What a button does. Adapters render every value; unknown presses are ignored politely. */
  public enum Action {
    /** Not a button: typed text. */
    NONE,
    /** Ask {@code value} as a new question (related topics, "next sessions"). */
    ASK,
    /** The answer {@code value} helped. */
    FEEDBACK_UP,
    /** The answer {@code value} did not help. */
    FEEDBACK_DOWN,
    /** Post the private answer {@code value} visibly in the conversation. */
    SHARE,
    /** Open the URL {@code value}. */
    LINK,
    /** Attend the session {@code value}. */
    RSVP_YES,
    /** Cannot attend the session {@code value}. */
    RSVP_NO,
    /** A command of a feature, written as text in {@code value} (e.g. "tiedote lähetä 12"). */
    COMMAND
  }

  public Button {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(value, "value");
    if (action == Action.NONE) {
      throw new IllegalArgumentException("a button needs an action");
    }
  }
}
