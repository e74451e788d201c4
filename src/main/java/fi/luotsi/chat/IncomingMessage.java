package fi.luotsi.chat;

import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform-neutral message from a person: typed text, or a press of a button that an earlier
 * {@link Reply} offered.
 *
 * @param platform where it came from
 * @param userId the platform's user id (Slack {@code U…}, Teams AAD object id or {@code 29:…})
 * @param conversationId the platform's conversation (channel, DM, web session)
 * @param text the typed text, with any bot mention already stripped; for a button press, the
 *     button's value
 * @param action {@link Button.Action#NONE} for typed text, otherwise the pressed button's action
 * @param userLanguage the user's language as the platform reports it (Slack user locale, Teams
 *     activity locale, browser language); empty when unknown
 * @param direct whether the conversation is a private one with the bot (a DM or personal chat)
 * @param attachments files sent with the message (not yet downloaded), in the order sent
 */
public record IncomingMessage(
    Platform platform,
    String userId,
    String conversationId,
    String text,
    Button.Action action,
    Optional<Language> userLanguage,
    boolean direct,
    List<Attachment> attachments) {

  public IncomingMessage {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(conversationId, "conversationId");
    text = text == null ? "" : text.strip();
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(userLanguage, "userLanguage");
    attachments = List.copyOf(attachments);
  }

  /** A message without attachments. */
  public IncomingMessage(
      Platform platform,
      String userId,
      String conversationId,
      String text,
      Button.Action action,
      Optional<Language> userLanguage,
      boolean direct) {
    this(platform, userId, conversationId, text, action, userLanguage, direct, List.of());
  }

  /** Typed text in a private conversation. */
  public static IncomingMessage text(
      Platform platform, String userId, String conversationId, String text) {
    return new IncomingMessage(
        platform, userId, conversationId, text, Button.Action.NONE, Optional.empty(), true);
  }

  public IncomingMessage withUserLanguage(Optional<Language> language) {
    return new IncomingMessage(
        platform, userId, conversationId, text, action, language, direct, attachments);
  }

  public IncomingMessage inChannel() {
    return new IncomingMessage(
        platform, userId, conversationId, text, action, userLanguage, false, attachments);
  }

  /** The same message with these files attached. */
  public IncomingMessage withAttachments(List<Attachment> files) {
    return new IncomingMessage(
        platform, userId, conversationId, text, action, userLanguage, direct, files);
  }

  public boolean isButtonPress() {
    return action != Button.Action.NONE;
  }
}
