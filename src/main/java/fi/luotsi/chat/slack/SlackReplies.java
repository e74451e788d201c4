package fi.luotsi.chat.slack;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.ConversationHandler;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers acknowledged Slack messages off the acknowledging thread: looks up the user's language,
 * asks the chat core, renders the reply and delivers it to its {@link Destination}. Failures are
 * logged once here and never reach Slack's request.
 */
final class SlackReplies {
  private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

  /** Errors meaning the bot may not post in the channel itself. */
  private static final Set<String> NOT_A_MEMBER = Set.of("not_in_channel", "channel_not_found");

  private final ConversationHandler handler;
  private final SlackWebApi api;
  private final UserLanguages languages;
  private final ExecutorService executor;

  SlackReplies(
      ConversationHandler handler,
      SlackWebApi api,
      UserLanguages languages,
      ExecutorService executor) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.api = Objects.requireNonNull(api, "api");
    this.languages = Objects.requireNonNull(languages, "languages");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** Queues the answer to {@code message} (its user language still unset). */
  void answerLater(IncomingMessage message, Destination destination) {
    later("answer", message.userId(), () -> answer(message, destination));
  }

  /** Queues a refresh of the user's App Home tab. */
  void publishHomeLater(String userId, String dmChannel, Optional<String> viewHash) {
    later("App Home", userId, () -> publishHome(userId, dmChannel, viewHash));
  }

  private void later(String what, String userId, Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      log.warn("Slack {} for {} dropped: too many requests in progress", what, userId);
    }
  }

  private void answer(IncomingMessage message, Destination destination) {
    Optional<Language> language = languages.languageOf(message.userId());
    Reply reply = ask(message.withUserLanguage(language), language);
    try {
      deliver(reply, destination);
    } catch (SlackCallFailed e) {
      log.warn("Slack reply to {} not delivered: {}", message.userId(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Reply ask(IncomingMessage message, Optional<Language> language) {
    try {
      return handler.handle(message);
    } catch (RuntimeException e) {
      log.error("Chat core failed on a Slack message from {}", message.userId(), e);
      Language lang = language.orElse(Language.FI);
      return Reply.error(lang, Phrases.unavailable(lang));
    }
  }

  private void deliver(Reply reply, Destination destination)
      throws SlackCallFailed, InterruptedException {
    switch (destination) {
      case Destination.Post post ->
          api.postMessage(post.channel(), post.threadTs(), SlackBlocks.message(reply, false));
      case Destination.Ephemeral eph ->
          api.respond(eph.responseUrl(), SlackBlocks.message(reply, eph.offerShare()), true);
      case Destination.Share share -> share(reply, share);
    }
  }

  private void share(Reply reply, Destination.Share share)
      throws SlackCallFailed, InterruptedException {
    SlackMessage message = SlackBlocks.message(reply, false);
    try {
      api.postMessage(share.channel(), share.threadTs(), message);
    } catch (SlackCallFailed e) {
      if (share.responseUrl().isEmpty() || !NOT_A_MEMBER.contains(e.error())) {
        throw e;
      }
      api.respond(share.responseUrl().get(), message, false);
    }
    if (share.responseUrl().isPresent()) {
      api.deleteOriginal(share.responseUrl().get());
    }
  }

  /** The help reply followed by the upcoming sessions, as one reply for the App Home tab. */
  static Reply home(Reply help, Reply sessions) {
    List<String> paragraphs = new java.util.ArrayList<>(help.paragraphs());
    sessions.heading().ifPresent(paragraphs::add);
    paragraphs.addAll(sessions.paragraphs());
    List<Button> buttons = new java.util.ArrayList<>(help.buttons());
    buttons.addAll(sessions.buttons());
    return new Reply(
        Reply.Kind.INFO,
        help.heading(),
        paragraphs,
        List.of(),
        Optional.empty(),
        buttons,
        help.language(),
        Optional.empty());
  }

  private void publishHome(String userId, String dmChannel, Optional<String> viewHash) {
    Optional<Language> language = languages.languageOf(userId);
    // The core answers a help word in that word's language.
    String helpWord =
        switch (language.orElse(Language.FI)) {
          case FI -> "apua";
          case SV -> "hjälp";
          case EN -> "help";
        };
    IncomingMessage help =
        new IncomingMessage(
            Platform.SLACK, userId, dmChannel, helpWord, Button.Action.NONE, language, true);
    // The programme's command answers the person's upcoming sessions in their language.
    String sessionsWord =
        switch (language.orElse(Language.FI)) {
          case FI -> "seuraavat";
          case SV -> "nästa";
          case EN -> "next sessions";
        };
    IncomingMessage sessions =
        new IncomingMessage(
            Platform.SLACK, userId, dmChannel, sessionsWord, Button.Action.NONE, language, true);
    Reply reply = home(ask(help, language), ask(sessions, language));
    try {
      api.publishHome(userId, SlackBlocks.home(reply), viewHash);
    } catch (SlackCallFailed e) {
      log.warn("App Home of {} not published: {}", userId, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
