package fi.luotsi.chat.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.Conversations;
import com.microsoft.bot.schema.Activity;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryResult;
import fi.luotsi.delivery.Messenger;
import fi.luotsi.delivery.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends, replaces and deletes messages in Teams conversations without a preceding question, using
 * the conversation references the bot saved when it was installed or spoken to. The recipient's
 * address is the Teams conversation id ({@code a:…} personal chat, {@code 19:…} channel or group
 * chat).
 *
 * <p>Each call paces itself to Teams' per-conversation and per-tenant limits (see {@link
 * SendPacer}; a call may wait for that, at most about 30 s for a conversation that had 60 messages
 * in half a minute), then makes exactly one HTTP attempt and reports what happened: 429 is {@link
 * DeliveryResult.Throttled} with Teams' {@code Retry-After}; 403 and 404 are {@link
 * DeliveryResult.Gone}; 408, 412, 5xx and network failures are retryable {@link
 * DeliveryResult.Failed}. A conversation without a saved reference is {@code Gone}: the bot is not
 * installed there. Retrying is the delivery service's job. Thread-safe; never throws for platform
 * errors.
 */
public final class TeamsMessenger implements Messenger {
  private static final Logger log = LoggerFactory.getLogger(TeamsMessenger.class);

  private final TeamsBotAdapter adapter;
  private final ConversationReferenceStore references;
  private final SendPacer pacer;
  private final Clock clock;
  private final Duration timeout;

  TeamsMessenger(
      TeamsBotAdapter adapter,
      ConversationReferenceStore references,
      SendPacer pacer,
      Clock clock,
      Duration timeout) {
    this.adapter = Objects.requireNonNull(adapter, "adapter");
    this.references = Objects.requireNonNull(references, "references");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public Platform platform() {
    return Platform.TEAMS;
  }

  @Override
  public DeliveryResult send(Recipient recipient, Reply message) {
    Objects.requireNonNull(message, "message");
    return attempt(
        "send",
        recipient,
        saved -> {
          Activity activity = CardActivities.of(message);
          activity.applyConversationReference(saved.reference());
          if ("personal".equals(saved.conversationType())) {
            CardActivities.withAlert(activity);
          }
          return conversations ->
              conversations
                  .sendToConversation(saved.conversationId(), activity)
                  .thenApply(
                      sent ->
                          new DeliveryResult.Sent(
                              sent == null || sent.getId() == null ? "" : sent.getId()));
        });
  }

  @Override
  public DeliveryResult update(Recipient recipient, String messageRef, Reply message) {
    Objects.requireNonNull(messageRef, "messageRef");
    Objects.requireNonNull(message, "message");
    return attempt(
        "update",
        recipient,
        saved -> {
          Activity activity = CardActivities.of(message);
          activity.applyConversationReference(saved.reference());
          activity.setId(messageRef);
          return conversations ->
              conversations
                  .updateActivity(saved.conversationId(), messageRef, activity)
                  .thenApply(updated -> new DeliveryResult.Sent(messageRef));
        });
  }

  @Override
  public DeliveryResult delete(Recipient recipient, String messageRef) {
    Objects.requireNonNull(messageRef, "messageRef");
    return attempt(
        "delete",
        recipient,
        saved ->
            conversations ->
                conversations
                    .deleteActivity(saved.conversationId(), messageRef)
                    .thenApply(deleted -> new DeliveryResult.Sent(messageRef)));
  }

  /** One call to the Bot Connector for the recipient's conversation. */
  private interface Call extends Function<Conversations, CompletableFuture<DeliveryResult.Sent>> {}

  private DeliveryResult attempt(
      String what, Recipient recipient, Function<ConversationReferenceStore.Saved, Call> prepare) {
    Objects.requireNonNull(recipient, "recipient");
    if (recipient.platform() != Platform.TEAMS) {
      return new DeliveryResult.Failed("not a Teams recipient: " + recipient, false);
    }
    Optional<ConversationReferenceStore.Saved> found;
    try {
      found = references.find(recipient.address());
    } catch (RuntimeException e) {
      log.warn("Teams {} to {}: cannot read the conversation reference", what, recipient, e);
      return new DeliveryResult.Failed(
          "cannot read the conversation reference: " + e.getMessage(), true);
    }
    if (found.isEmpty()) {
      return new DeliveryResult.Gone(
          "no conversation reference for "
              + recipient.address()
              + ": the bot is not installed there");
    }
    ConversationReferenceStore.Saved saved = found.get();
    try {
      pacer.acquire(saved.conversationId(), saved.tenantId().orElse(""));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.Failed("interrupted before sending", true);
    }
    DeliveryResult result = call(saved, prepare.apply(saved));
    if (!(result instanceof DeliveryResult.Sent)) {
      log.debug("Teams {} to {}: {}", what, recipient, result);
    }
    return result;
  }

  /**
   * Runs the call inside {@code continueConversation}, which supplies an authenticated connector
   * client. Failures are caught inside the callback: the SDK would hand them to its turn-error
   * handler and report success.
   */
  private DeliveryResult call(ConversationReferenceStore.Saved saved, Call call) {
    AtomicReference<DeliveryResult> outcome = new AtomicReference<>();
    CompletableFuture<Void> turn;
    try {
      turn =
          adapter.continueConversation(
              adapter.botAppId(),
              saved.reference(),
              turnContext -> {
                CompletableFuture<DeliveryResult.Sent> sent;
                try {
                  ConnectorClient client =
                      turnContext.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
                  sent = call.apply(client.getConversations());
                } catch (RuntimeException e) {
                  sent = CompletableFuture.failedFuture(e);
                }
                return sent.handle(
                    (ok, failure) -> {
                      outcome.set(
                          failure == null ? ok : DeliveryOutcomes.fromFailure(failure, clock));
                      return null;
                    });
              });
    } catch (RuntimeException e) {
      return DeliveryOutcomes.fromFailure(e, clock);
    }
    try {
      turn.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.Failed("interrupted while sending; delivery unknown", true);
    } catch (TimeoutException e) {
      return new DeliveryResult.Failed(
          "no answer from the Bot Connector within " + timeout + "; delivery unknown", true);
    } catch (ExecutionException e) {
      if (outcome.get() == null) {
        return DeliveryOutcomes.fromFailure(e.getCause(), clock);
      }
    }
    DeliveryResult result = outcome.get();
    return result != null
        ? result
        : new DeliveryResult.Failed("the Bot Framework adapter did not run the call", false);
  }
}
