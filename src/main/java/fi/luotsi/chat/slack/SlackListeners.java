package fi.luotsi.chat.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import fi.luotsi.chat.Attachment;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt listeners: each turns what Slack delivered into an {@link IncomingMessage} and a {@link
 * Destination}, hands both to {@link SlackReplies}, and acknowledges at once, well inside Slack's
 * three seconds. The same listeners serve HTTP and Socket Mode.
 *
 * <ul>
 *   <li>a direct message is answered in the DM (in its thread if it was in one); files sent with it
 *       (subtype {@code file_share}) reach the core as attachments, also when the text is empty;
 *   <li>a mention in a channel is answered in the message's thread, never at channel level, with
 *       the files shared with the mention as attachments;
 *   <li>{@code /luotsi text} is answered privately with a button to share the answer;
 *   <li>a button press goes to the core with its action and value;
 *   <li>opening the App Home tab publishes the core's help as the tab.
 * </ul>
 *
 * Other bots' messages, message subtypes other than file shares (edits, joins, …), channel messages
 * without a mention and repeated deliveries of the same event are acknowledged and ignored.
 */
final class SlackListeners {
  private static final Logger log = LoggerFactory.getLogger(SlackListeners.class);

  /**
   * The Events API subscriptions these listeners serve; the app manifest must list exactly these.
   */
  static final List<String> BOT_EVENTS = List.of("app_home_opened", "app_mention", "message.im");

  private final SlackReplies replies;
  private final DeliveryLedger ledger;
  private final SlackFiles files;

  SlackListeners(SlackReplies replies, DeliveryLedger ledger, SlackFiles files) {
    this.replies = Objects.requireNonNull(replies, "replies");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.files = Objects.requireNonNull(files, "files");
  }

  void register(App app) {
    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          onDirectMessage(payload, ctx);
          return ctx.ack();
        });
    // Bolt routes message events by subtype: a message with files is "message:file_share", which
    // the plain message listener never sees.
    app.event(
        MessageFileShareEvent.class,
        (payload, ctx) -> {
          onFileShare(payload, ctx);
          return ctx.ack();
        });
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          onMention(payload, ctx);
          return ctx.ack();
        });
    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          onHomeOpened(payload, ctx);
          return ctx.ack();
        });
    // Whatever the command is called in the workspace's manifest: the app has only this one.
    app.command(
        Pattern.compile("/.+"),
        (request, ctx) -> {
          onCommand(request.getPayload());
          return ctx.ack();
        });
    app.blockAction(
        Pattern.compile(".*"),
        (request, ctx) -> {
          onButton(request.getPayload());
          return ctx.ack();
        });
  }

  private void onDirectMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent event = payload.getEvent();
    if (!"im".equals(event.getChannelType())
        || event.getBotId() != null
        || event.getUser() == null) {
      return;
    }
    if (!fresh(payload.getEventId(), event.getChannel(), event.getTs(), ctx)) {
      return;
    }
    replies.answerLater(
        typed(event.getUser(), event.getChannel(), event.getText(), ctx.getBotUserId(), true)
            .withAttachments(files.attachments(event.getFiles())),
        new Destination.Post(event.getChannel(), Optional.ofNullable(event.getThreadTs())));
  }

  /**
   * Files sent in a DM, with or without text. The event has no {@code bot_id}; in a DM with the bot
   * the only other sender is the bot itself, whose events Bolt drops and whose user id is checked
   * here too.
   */
  private void onFileShare(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
    MessageFileShareEvent event = payload.getEvent();
    if (!"im".equals(event.getChannelType())
        || event.getUser() == null
        || event.getUser().equals(ctx.getBotUserId())
        || Boolean.TRUE.equals(event.getDisplayAsBot())) {
      return;
    }
    if (!fresh(payload.getEventId(), event.getChannel(), event.getTs(), ctx)) {
      return;
    }
    List<Attachment> attachments = files.attachments(event.getFiles());
    log.info(
        "Slack DM from {} with {} file(s): {}",
        event.getUser(),
        attachments.size(),
        describe(attachments));
    replies.answerLater(
        typed(event.getUser(), event.getChannel(), event.getText(), ctx.getBotUserId(), true)
            .withAttachments(attachments),
        new Destination.Post(event.getChannel(), Optional.ofNullable(event.getThreadTs())));
  }

  /** Names and sizes for the log; never content. */
  static String describe(List<Attachment> attachments) {
    return String.join(
        ", ",
        attachments.stream()
            .map(a -> a.fileName() + " (" + (a.size() < 0 ? "?" : a.size()) + " bytes)")
            .toList());
  }

  private void onMention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent event = payload.getEvent();
    if (event.getBotId() != null
        || event.getUser() == null
        || event.getEdited() != null
        || event.getChannel() == null
        || event.getChannel().startsWith("D")) {
      return; // bots, edits; DMs arrive as message.im
    }
    if (!fresh(payload.getEventId(), event.getChannel(), event.getTs(), ctx)) {
      return;
    }
    String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    replies.answerLater(
        typed(event.getUser(), event.getChannel(), event.getText(), ctx.getBotUserId(), false)
            .withAttachments(files.attachments(event.getFiles())),
        new Destination.Post(event.getChannel(), Optional.of(thread)));
  }

  private void onHomeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    if (!"home".equals(event.getTab()) || event.getUser() == null) {
      return;
    }
    if (!fresh(payload.getEventId(), null, null, ctx)) {
      return;
    }
    Optional<String> hash = Optional.ofNullable(event.getView()).map(v -> v.getHash());
    String dm = event.getChannel() != null ? event.getChannel() : event.getUser();
    replies.publishHomeLater(event.getUser(), dm, hash);
  }

  private void onCommand(SlashCommandPayload command) {
    if (command.getUserId() == null || command.getResponseUrl() == null) {
      log.info("Ignored a slash command without user or response URL");
      return;
    }
    String channel = command.getChannelId() != null ? command.getChannelId() : command.getUserId();
    replies.answerLater(
        typed(command.getUserId(), channel, command.getText(), null, channel.startsWith("D")),
        new Destination.Ephemeral(command.getResponseUrl(), true));
  }

  /**
   * Typed text as the core wants it: Slack markup reduced to plain text, the bot's mention gone.
   */
  private static IncomingMessage typed(
      String user, String channel, String slackText, String botUserId, boolean direct) {
    return new IncomingMessage(
        Platform.SLACK,
        user,
        channel,
        SlackText.toPlain(slackText, botUserId),
        Button.Action.NONE,
        Optional.empty(),
        direct);
  }

  private void onButton(BlockActionPayload payload) {
    if (payload.getUser() == null || payload.getActions() == null) {
      return;
    }
    String user = payload.getUser().getId();
    BlockActionPayload.Container container = payload.getContainer();
    String channel =
        payload.getChannel() != null
            ? payload.getChannel().getId()
            : container != null ? container.getChannelId() : null;
    boolean ephemeral = container != null && container.isEphemeral();
    Optional<String> thread =
        Optional.ofNullable(payload.getMessage())
            .map(m -> m.getThreadTs())
            .or(() -> Optional.ofNullable(container).map(c -> c.getThreadTs()));
    Optional<String> responseUrl = Optional.ofNullable(payload.getResponseUrl());
    for (BlockActionPayload.Action pressed : payload.getActions()) {
      Optional<Button.Action> action = ActionIds.parse(pressed.getActionId());
      if (action.isEmpty() || pressed.getValue() == null) {
        log.debug("Ignored unknown Slack action {}", pressed.getActionId());
        continue;
      }
      if (action.get() == Button.Action.LINK) {
        continue; // Slack opens the URL itself
      }
      Destination destination =
          destination(action.get(), user, channel, ephemeral, thread, responseUrl);
      String conversation = channel != null ? channel : user;
      IncomingMessage message =
          new IncomingMessage(
              Platform.SLACK,
              user,
              conversation,
              pressed.getValue(),
              action.get(),
              Optional.empty(),
              channel == null || channel.startsWith("D"));
      replies.answerLater(message, destination);
    }
  }

  /**
   * Sharing posts in the channel; a follow-up question is answered where the answer it came from
   * was (privately or in the thread); anything else (feedback, RSVP, commands) is acknowledged
   * privately. Presses on the App Home tab, which has no channel, are answered in the DM.
   */
  static Destination destination(
      Button.Action action,
      String user,
      String channel,
      boolean ephemeral,
      Optional<String> thread,
      Optional<String> responseUrl) {
    if (channel == null) {
      return new Destination.Post(user, Optional.empty());
    }
    return switch (action) {
      case SHARE ->
          new Destination.Share(
              channel,
              ephemeral ? Optional.empty() : thread,
              ephemeral ? responseUrl : Optional.empty());
      case ASK ->
          ephemeral && responseUrl.isPresent()
              ? new Destination.Ephemeral(responseUrl.get(), true)
              : new Destination.Post(channel, thread);
      default ->
          responseUrl.isPresent()
              ? new Destination.Ephemeral(responseUrl.get(), false)
              : new Destination.Post(channel, thread);
    };
  }

  /**
   * Whether this delivery is new. Slack retries carry the same {@code event_id}; a message also
   * counts once by channel and timestamp, in case it arrives under two subscriptions.
   */
  private boolean fresh(String eventId, String channel, String ts, EventContext ctx) {
    boolean fresh = eventId == null || ledger.firstSighting("event:" + eventId);
    if (channel != null && ts != null) {
      fresh &= ledger.firstSighting("message:" + channel + ":" + ts);
    }
    if (ctx.getRetryNum() != null && ctx.getRetryNum() > 0) {
      log.info(
          "Slack retry {} ({}) of event {}: {}",
          ctx.getRetryNum(),
          ctx.getRetryReason(),
          eventId,
          fresh ? "first delivery seen, answering" : "already answered");
    } else if (!fresh) {
      log.info("Duplicate Slack event {} ignored", eventId);
    }
    return fresh;
  }
}
