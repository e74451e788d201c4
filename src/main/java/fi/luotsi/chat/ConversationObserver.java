package fi.luotsi.chat;

import java.time.Duration;

/**
 * Told what the chat core did, for metrics. Methods run on the handling thread: they must be quick
 * and must not throw. They receive no message text and no user id.
 */
public interface ConversationObserver {

  /**
   * A question was answered from the knowledge base or not.
   *
   * @param answered whether the bot presented an answer
   * @param took how long finding the answer took
   */
  default void questionAnswered(boolean answered, Duration took) {}

  /** A person's 👍 ({@code helpful}) or 👎 on an answer was stored. */
  default void feedbackGiven(boolean helpful) {}
}
