package fi.luotsi.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.TeamInfo;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import fi.luotsi.chat.ConversationHandler;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.StoreException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's turn logic: messages go to the chat core and its reply comes back as an Adaptive Card;
 * installs and removals keep the conversation references current.
 */
final class TeamsBot extends TeamsActivityHandler {
  private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);

  /** Where {@link MessagesEndpoint} keeps the activity's locale after clearing it (see there). */
  static final String LOCALE_PROPERTY = "luotsiLocale";

  private final ConversationHandler handler;
  private final ConversationReferenceStore references;
  private final Executor coreExecutor;
  private final TeamsFiles files;

  TeamsBot(
      ConversationHandler handler,
      ConversationReferenceStore references,
      Executor coreExecutor,
      TeamsFiles files) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.references = Objects.requireNonNull(references, "references");
    this.coreExecutor = Objects.requireNonNull(coreExecutor, "coreExecutor");
    this.files = Objects.requireNonNull(files, "files");
  }

  @Override
  protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
    Activity activity = turnContext.getActivity();
    remember(activity);
    Optional<IncomingMessage> message =
        IncomingActivities.toIncoming(activity, locale(activity), files);
    if (message.isEmpty()) {
      log.debug("Ignored a Teams message that is not addressed to the bot");
      return CompletableFuture.completedFuture(null);
    }
    if (!message.get().attachments().isEmpty()) {
      log.info(
          "Teams message from {} with {} file(s): {}",
          message.get().userId(),
          message.get().attachments().size(),
          String.join(", ", message.get().attachments().stream().map(a -> a.fileName()).toList()));
    }
    // The core may block (database, index): keep it off the SDK's small shared pool.
    return CompletableFuture.supplyAsync(() -> handler.handle(message.get()), coreExecutor)
        .thenCompose(reply -> turnContext.sendActivity(CardActivities.of(reply)))
        .thenApply(sent -> null);
  }

  @Override
  protected CompletableFuture<Void> onTeamsMembersAdded(
      List<TeamsChannelAccount> membersAdded, TeamInfo teamInfo, TurnContext turnContext) {
    Activity activity = turnContext.getActivity();
    if (!containsBot(membersAdded, activity)) {
      return CompletableFuture.completedFuture(null); // someone joined; no greeting for each one
    }
    remember(activity);
    Language language = locale(activity).flatMap(Language::fromTag).orElse(Language.FI);
    boolean personal = IncomingActivities.isDirect(activity.getConversation());
    String welcome =
        personal ? TeamsTexts.welcomePersonal(language) : TeamsTexts.welcomeShared(language);
    return turnContext
        .sendActivity(CardActivities.of(Reply.info(language, welcome)))
        .thenApply(sent -> null);
  }

  @Override
  protected CompletableFuture<Void> onTeamsMembersRemoved(
      List<TeamsChannelAccount> membersRemoved, TeamInfo teamInfo, TurnContext turnContext) {
    if (containsBot(membersRemoved, turnContext.getActivity())) {
      forget(turnContext.getActivity(), teamInfo);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turnContext) {
    remember(turnContext.getActivity());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<Void> onInstallationUpdateRemove(TurnContext turnContext) {
    forget(turnContext.getActivity(), turnContext.getActivity().teamsGetTeamInfo());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<Void> onTeamsTeamDeleted(
      ChannelInfo channelInfo, TeamInfo teamInfo, TurnContext turnContext) {
    forget(turnContext.getActivity(), teamInfo);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<Void> onTeamsTeamHardDeleted(
      ChannelInfo channelInfo, TeamInfo teamInfo, TurnContext turnContext) {
    forget(turnContext.getActivity(), teamInfo);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<Void> onTeamsChannelDeleted(
      ChannelInfo channelInfo, TeamInfo teamInfo, TurnContext turnContext) {
    if (channelInfo != null && channelInfo.getId() != null) {
      try {
        references.delete(IncomingActivities.baseConversationId(channelInfo.getId()));
      } catch (StoreException e) {
        log.warn(
            "Teams: could not forget deleted channel {}: {}", channelInfo.getId(), e.getMessage());
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Saves where this activity came from, so that reminders and broadcasts can reach it. */
  private void remember(Activity activity) {
    ConversationAccount conversation = activity.getConversation();
    if (conversation == null || conversation.getId() == null || activity.getServiceUrl() == null) {
      return;
    }
    ConversationReference reference = activity.getConversationReference();
    String conversationId = IncomingActivities.baseConversationId(conversation.getId());
    ConversationAccount base = ConversationAccount.clone(conversation);
    base.setId(conversationId);
    reference.setConversation(base);
    reference.setActivityId(null); // proactive messages start new posts, not replies
    reference.setLocale(null); // the SDK would set the JVM's default locale from it
    String type =
        conversation.getConversationType() != null
            ? conversation.getConversationType()
            : IncomingActivities.isDirect(conversation) ? "personal" : "groupChat";
    TeamInfo team = activity.teamsGetTeamInfo();
    boolean added;
    try {
      added =
          references.save(
              new ConversationReferenceStore.Saved(
                  conversationId,
                  type,
                  Optional.ofNullable(conversation.getTenantId()),
                  Optional.ofNullable(team == null ? null : team.getId()),
                  reference));
    } catch (StoreException e) {
      // Answering matters more; the next message or install saves it again.
      log.warn("Teams: could not save where {} is: {}", conversationId, e.getMessage());
      return;
    }
    if (added) {
      log.info(
          "Teams: can now reach {} conversation {}{}",
          type,
          conversationId,
          team == null || team.getName() == null ? "" : " in team '" + team.getName() + "'");
    }
  }

  private void forget(Activity activity, TeamInfo team) {
    try {
      forgetOrFail(activity, team);
    } catch (StoreException e) {
      // Sends there will fail with 403/404 and be reported as gone.
      log.warn(
          "Teams: could not forget a conversation the bot was removed from: {}", e.getMessage());
    }
  }

  private void forgetOrFail(Activity activity, TeamInfo team) {
    if (team != null && team.getId() != null) {
      int removed = references.deleteTeam(team.getId());
      log.info("Teams: removed from team {}; forgot {} conversation(s)", team.getId(), removed);
      return;
    }
    if (activity.getConversation() != null && activity.getConversation().getId() != null) {
      String conversationId =
          IncomingActivities.baseConversationId(activity.getConversation().getId());
      if (references.delete(conversationId)) {
        log.info("Teams: removed from conversation {}; forgot it", conversationId);
      }
    }
  }

  private static boolean containsBot(List<? extends ChannelAccount> members, Activity activity) {
    if (members == null || activity.getRecipient() == null) {
      return false;
    }
    String botId = activity.getRecipient().getId();
    return members.stream()
        .anyMatch(member -> member != null && Objects.equals(member.getId(), botId));
  }

  static Optional<String> locale(Activity activity) {
    JsonNode stashed = activity.getProperties().get(LOCALE_PROPERTY);
    if (stashed != null && stashed.isTextual() && !stashed.asText().isBlank()) {
      return Optional.of(stashed.asText());
    }
    return Optional.ofNullable(activity.getLocale()).filter(locale -> !locale.isBlank());
  }
}
