package fi.luotsi.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.Serialization;
import fi.luotsi.chat.Attachment;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.knowledge.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps Teams message activities to {@link IncomingMessage}s: typed text with the bot's mention
 * stripped and the files sent with it ({@link TeamsFiles}), or a press of an {@code Action.Submit}
 * button that {@link AdaptiveCardRenderer} made.
 */
final class IncomingActivities {
  private IncomingActivities() {}

  /**
   * The message for the chat core, or empty when the activity is not addressed to the bot: a
   * channel or group message that does not mention it, a message with neither text nor files, or a
   * press of a button that is not ours.
   *
   * @param activity a message activity
   * @param locale the activity's locale as Teams sent it (the adapter clears it on the activity)
   * @param files turns the activity's file attachments into the core's attachments
   */
  static Optional<IncomingMessage> toIncoming(
      Activity activity, Optional<String> locale, TeamsFiles files) {
    ChannelAccount from = activity.getFrom();
    ConversationAccount conversation = activity.getConversation();
    if (from == null || conversation == null || conversation.getId() == null) {
      return Optional.empty();
    }
    String userId =
        blankToNull(from.getAadObjectId()) != null ? from.getAadObjectId() : from.getId();
    if (userId == null) {
      return Optional.empty();
    }
    boolean direct = isDirect(conversation);
    Optional<Language> language = locale.flatMap(Language::fromTag);
    String conversationId = baseConversationId(conversation.getId());

    Optional<ButtonPress> press = buttonPress(activity.getValue());
    if (press.isPresent()) {
      return Optional.of(
          new IncomingMessage(
              Platform.TEAMS,
              userId,
              conversationId,
              press.get().value(),
              press.get().action(),
              language,
              direct));
    }
    if (activity.getValue() != null && isBlank(activity.getText())) {
      return Optional.empty(); // a submit from a card that is not ours
    }
    List<String> mentions = recipientMentionTexts(activity);
    if (!direct && mentions.isEmpty()) {
      return Optional.empty();
    }
    String text = stripMentions(activity.getText(), mentions);
    List<Attachment> attachments = files.attachments(activity.getAttachments());
    if (text.isEmpty() && attachments.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new IncomingMessage(
            Platform.TEAMS,
            userId,
            conversationId,
            text,
            Button.Action.NONE,
            language,
            direct,
            attachments));
  }

  /** Personal chats are private; channels and group chats are not. */
  static boolean isDirect(ConversationAccount conversation) {
    String type = conversation.getConversationType();
    if (type != null) {
      return "personal".equals(type);
    }
    return !Boolean.TRUE.equals(conversation.isGroup());
  }

  /**
   * A channel conversation id names the thread too ({@code 19:…@thread.tacv2;messageid=…}); the
   * conversation itself is the part before {@code ;messageid=}.
   */
  static String baseConversationId(String conversationId) {
    int thread = conversationId.indexOf(";messageid=");
    return thread < 0 ? conversationId : conversationId.substring(0, thread);
  }

  /**
   * The bot's own mentions ({@code <at>Luotsi</at>}) in the activity. Written here rather than
   * using the SDK's {@code removeRecipientMention}, which treats the mention text as a regular
   * expression and fails on entities without a type.
   */
  private static List<String> recipientMentionTexts(Activity activity) {
    if (activity.getRecipient() == null
        || activity.getRecipient().getId() == null
        || activity.getEntities() == null) {
      return List.of();
    }
    String botId = activity.getRecipient().getId();
    List<String> texts = new ArrayList<>();
    for (Entity entity : activity.getEntities()) {
      if (entity == null || !"mention".equalsIgnoreCase(entity.getType())) {
        continue;
      }
      Mention mention = entity.getAs(Mention.class);
      if (mention == null
          || mention.getMentioned() == null
          || !botId.equals(mention.getMentioned().getId())) {
        continue;
      }
      if (!isBlank(mention.getText())) {
        texts.add(mention.getText());
      } else if (!isBlank(mention.getMentioned().getName())) {
        texts.add("<at>" + mention.getMentioned().getName() + "</at>");
      } else {
        texts.add("");
      }
    }
    return texts;
  }

  private static String stripMentions(String text, List<String> mentions) {
    String stripped = text == null ? "" : text;
    for (String mention : mentions) {
      if (!mention.isEmpty()) {
        stripped = stripped.replace(mention, " ");
      }
    }
    return stripped.replace('\u00a0', ' ').strip();
  }

  private record ButtonPress(Button.Action action, String value) {}

  private static Optional<ButtonPress> buttonPress(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    JsonNode data;
    try {
      data = value instanceof JsonNode node ? node : Serialization.objectToTree(value);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (data == null || !data.isObject()) {
      return Optional.empty();
    }
    JsonNode action = data.get(AdaptiveCardRenderer.ACTION_KEY);
    JsonNode argument = data.get(AdaptiveCardRenderer.VALUE_KEY);
    if (action == null || !action.isTextual() || argument == null || !argument.isTextual()) {
      return Optional.empty();
    }
    return AdaptiveCardRenderer.parseAction(action.asText())
        .map(parsed -> new ButtonPress(parsed, argument.asText()));
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static String blankToNull(String text) {
    return isBlank(text) ? null : text;
  }
}
