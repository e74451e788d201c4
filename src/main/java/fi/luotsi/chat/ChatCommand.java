package fi.luotsi.chat;

import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Optional;

/**
 * A command that a feature plugs into the chat core (next sessions, RSVP, broadcasts, admin). The
 * core offers each message to its commands in order before treating it as a question.
 *
 * <p>Implementations are thread-safe. They return empty for messages that are not theirs.
 */
public interface ChatCommand {

  /**
   * Handles the message if it is this command's.
   *
   * @param message the message, mention already stripped
   * @param language the language to reply in
   * @return the reply, or empty when the message is not this command
   */
  Optional<Reply> handle(IncomingMessage message, Language language);

  /** One line per sub-command for the help reply, in the given language. */
  List<String> helpLines(Language language);

  /**
   * The help lines for the person asking for help: {@link #helpLines(Language)} unless the command
   * is for some people only, who alone then see it in their help.
   *
   * @param asker the help request, whose platform and user tell who asks
   */
  default List<String> helpLines(IncomingMessage asker, Language language) {
    return helpLines(language);
  }
}
