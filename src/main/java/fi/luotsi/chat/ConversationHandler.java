package fi.luotsi.chat;

/**
 * The chat core's one entry point: every adapter turns what its platform delivers into an {@link
 * IncomingMessage} and renders the returned {@link Reply}.
 *
 * <p>Implementations are thread-safe, never return null and never throw for bad user input: an
 * unknown command or an unanswerable question is a reply, not an exception.
 */
public interface ConversationHandler {
  Reply handle(IncomingMessage message);
}
