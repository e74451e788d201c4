package fi.luotsi.chat;

import fi.luotsi.knowledge.Language;
import java.util.List;

/**
 * Offers extra buttons with the "I don't know" reply, e.g. "ask an expert". The buttons should
 * refer to the question by {@code questionRef} (the question log's id) rather than carry its text.
 *
 * <p>Implementations are thread-safe, quick, and return an empty list when they have nothing to
 * offer; they must not throw.
 */
@FunctionalInterface
public interface NoAnswerButtons {

  /**
   * @param questionRef the logged question's id ({@link QuestionLog#find})
   * @param language the reply's language
   * @return buttons to add after the suggestions, in display order
   */
  List<Button> buttons(String questionRef, Language language);
}
