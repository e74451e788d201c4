package fi.luotsi.chat.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.restclient.RestException;
import fi.luotsi.chat.ConversationHandler;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import fi.luotsi.http.HttpServer;
import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Teams for Luotsi: builds the Bot Framework adapter, serves {@code POST /api/messages}
 * on the main HTTP server and offers the Teams {@link TeamsMessenger}.
 *
 * <p>With an app id, every request must carry a valid Bot Framework token (401 otherwise). Without
 * one the adapter runs in <em>local mode</em>: anonymous, for the Bot Framework Emulator and the
 * Microsoft 365 Agents Playground. Local mode is allowed only while the server listens on loopback,
 * or when it is requested explicitly ({@code LUOTSI_TEAMS_LOCAL=true}); start-up says which mode
 * runs. Files sent to the bot in a personal chat reach the core as attachments that download on
 * demand (the app manifest declares {@code supportsFiles}). Close it after the HTTP server.
 */
public final class TeamsAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TeamsAdapter.class);

  /** The route Azure Bot Service, the Emulator and the Agents Playground post to. */
  public static final String PATH = "/api/messages";

  /** Outbound HTTP timeout (connect, read, write) and the longest a turn may take. */
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(20);

  private static final Duration TURN_TIMEOUT = Duration.ofSeconds(60);

  /**
   * What the adapter needs from the environment.
   *
   * @param appId {@code MICROSOFT_APP_ID}; empty for local mode
   * @param appPassword {@code MICROSOFT_APP_PASSWORD} (a client secret); never logged
   * @param tenantId {@code MICROSOFT_APP_TENANT_ID} for single-tenant app registrations
   * @param serverOnLoopback whether the HTTP server binds a loopback address
   * @param localModeRequested {@code LUOTSI_TEAMS_LOCAL=true}: allow local mode on any address
   */
  public record Settings(
      Optional<String> appId,
      Optional<String> appPassword,
      Optional<String> tenantId,
      boolean serverOnLoopback,
      boolean localModeRequested) {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    public Settings {
      appId = Objects.requireNonNull(appId, "appId").map(String::strip).filter(s -> !s.isEmpty());
      appPassword = Objects.requireNonNull(appPassword, "appPassword").filter(s -> !s.isBlank());
      tenantId =
          Objects.requireNonNull(tenantId, "tenantId").map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * Reads {@code MICROSOFT_APP_ID}, {@code MICROSOFT_APP_PASSWORD}, {@code
     * MICROSOFT_APP_TENANT_ID} and {@code LUOTSI_TEAMS_LOCAL}.
     *
     * @return empty when Teams stays off: no Teams variable is set and the server is reachable from
     *     other machines, where anonymous local mode is not allowed
     */
    public static Optional<Settings> fromEnvironment(Environment env, boolean serverOnLoopback) {
      String local = env.getOrDefault("LUOTSI_TEAMS_LOCAL", "false").toLowerCase(Locale.ROOT);
      boolean localRequested =
          switch (local) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default ->
                throw new ConfigException(
                    "LUOTSI_TEAMS_LOCAL must be true or false, was '" + local + "'");
          };
      Settings settings =
          new Settings(
              env.get("MICROSOFT_APP_ID"),
              env.get("MICROSOFT_APP_PASSWORD"),
              env.get("MICROSOFT_APP_TENANT_ID"),
              serverOnLoopback,
              localRequested);
      boolean anyTeamsVariable =
          settings.appId().isPresent()
              || settings.appPassword().isPresent()
              || settings.tenantId().isPresent()
              || localRequested;
      if (!anyTeamsVariable && !serverOnLoopback) {
        log.info(
            "Teams is off: MICROSOFT_APP_ID is not set, and anonymous local mode needs a loopback"
                + " address (or LUOTSI_TEAMS_LOCAL=true)");
        return Optional.empty();
      }
      return Optional.of(settings);
    }

    /**
     * Every problem with the Teams variables for a server bound as {@code serverOnLoopback} says,
     * for the start-up check to list at once; empty when Teams is configured correctly or off.
     */
    public static List<String> problems(Environment env, boolean serverOnLoopback) {
      try {
        return fromEnvironment(env, serverOnLoopback).map(Settings::problems).orElse(List.of());
      } catch (ConfigException e) {
        return List.of(e.getMessage());
      }
    }

    /** Local mode: no app id, no authentication. */
    public boolean localMode() {
      return appId.isEmpty();
    }

    /** Every configuration problem, for start-up to report at once; empty when valid. */
    public List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (appId.isPresent() && appPassword.isEmpty()) {
        problems.add("MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not");
      }
      if (appId.isEmpty() && appPassword.isPresent()) {
        problems.add("MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not");
      }
      if (appId.isEmpty() && tenantId.isPresent()) {
        problems.add("MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_ID is not");
      }
      if (tenantId.isPresent() && !TENANT.matcher(tenantId.get()).matches()) {
        problems.add(
            "MICROSOFT_APP_TENANT_ID must be a tenant id (GUID) or domain, was '"
                + tenantId.get()
                + "'");
      }
      if (appId.isPresent() && localModeRequested) {
        problems.add(
            "LUOTSI_TEAMS_LOCAL=true asks for anonymous local mode, but MICROSOFT_APP_ID is set;"
                + " unset one of them");
      }
      if (localMode() && !serverOnLoopback && !localModeRequested) {
        problems.add(
            "MICROSOFT_APP_ID is not set and the server is reachable from other machines:"
                + " anonymous Teams access (local mode) is allowed only on a loopback address;"
                + " set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or LUOTSI_TEAMS_LOCAL=true"
                + " on a trusted network");
      }
      return problems;
    }

    @Override
    public String toString() {
      return "Settings[appId="
          + appId.orElse("<none>")
          + ", appPassword="
          + (appPassword.isPresent() ? "***" : "<none>")
          + ", tenantId="
          + tenantId.orElse("<none>")
          + ", serverOnLoopback="
          + serverOnLoopback
          + ", localModeRequested="
          + localModeRequested
          + "]";
    }
  }

  /**
   * Replaceable collaborators for tests (a fake OpenID endpoint and token service, a pacer, a
   * shorter download timeout).
   */
  record Wiring(
      Optional<String> openIdMetadataUrl,
      TeamsBotAdapter.CredentialsFactory credentials,
      SendPacer pacer,
      Duration downloadTimeout) {

    Wiring(
        Optional<String> openIdMetadataUrl,
        TeamsBotAdapter.CredentialsFactory credentials,
        SendPacer pacer) {
      this(openIdMetadataUrl, credentials, pacer, TeamsFiles.DEFAULT_TIMEOUT);
    }
  }

  private final Settings settings;
  private final TeamsBotAdapter botAdapter;
  private final TeamsBot bot;
  private final TeamsMessenger messenger;
  private final TeamsFiles files;
  private final ExecutorService coreExecutor = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * @throws ConfigException when the settings are inconsistent, or ask for local mode where it is
   *     not allowed
   */
  public TeamsAdapter(
      Settings settings, ConversationHandler handler, DataSource dataSource, Clock clock) {
    this(
        settings,
        handler,
        dataSource,
        clock,
        new Wiring(
            Optional.empty(), TeamsBotAdapter.CredentialsFactory.ENTRA_ID, SendPacer.teams(clock)));
  }

  TeamsAdapter(
      Settings settings,
      ConversationHandler handler,
      DataSource dataSource,
      Clock clock,
      Wiring wiring) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(clock, "clock");
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      throw new ConfigException("Teams configuration: " + String.join("; ", problems));
    }
    ConversationReferenceStore references = new ConversationReferenceStore(dataSource, clock);
    this.botAdapter =
        new TeamsBotAdapter(
            settings, wiring.openIdMetadataUrl(), wiring.credentials(), HTTP_TIMEOUT);
    this.botAdapter.setOnTurnError(this::onTurnError);
    // Download links are pre-authenticated; plain http only for a local connector.
    this.files = new TeamsFiles(settings.localMode(), wiring.downloadTimeout());
    this.bot = new TeamsBot(handler, references, coreExecutor, files);
    this.messenger =
        new TeamsMessenger(
            botAdapter, references, wiring.pacer(), clock, HTTP_TIMEOUT.multipliedBy(2));
  }

  /** Serves {@value #PATH} on the server; call before {@link HttpServer#start()}. */
  public void register(HttpServer server) {
    boolean loopback = server.isLoopback();
    if (settings.localMode() && !settings.localModeRequested() && !loopback) {
      throw new ConfigException(
          "Teams local mode is allowed only on a loopback address, but the server binds "
              + server.host());
    }
    server.post(
        PATH,
        new MessagesEndpoint(
            botAdapter, bot, settings.localMode() && !settings.localModeRequested(), TURN_TIMEOUT));
    if (!settings.localMode()) {
      log.info(
          "Teams: POST {} for Bot Framework app {} ({}); requests need a valid Bot Framework token",
          PATH,
          settings.appId().get(),
          settings.tenantId().map(t -> "single-tenant " + t).orElse("multi-tenant"));
    } else if (loopback) {
      log.info(
          "Teams: local mode (MICROSOFT_APP_ID is not set): POST {} accepts anonymous activities"
              + " from this machine only, for the Bot Framework Emulator or the Microsoft 365"
              + " Agents Playground",
          PATH);
    } else {
      log.warn(
          "Teams: LOCAL MODE on {} (LUOTSI_TEAMS_LOCAL=true): POST {} accepts UNAUTHENTICATED"
              + " activities from any machine that reaches it. Use only on a trusted network.",
          server.host(),
          PATH);
    }
  }

  /** The outbound port for reminders and broadcasts. */
  public TeamsMessenger messenger() {
    return messenger;
  }

  /** Stops the adapter's HTTP clients and worker threads. */
  @Override
  public void close() {
    coreExecutor.shutdown();
    botAdapter.close();
    files.close();
  }

  /** A turn failed: log it once and, unless Teams itself is unreachable, apologise. */
  private CompletableFuture<Void> onTurnError(TurnContext turnContext, Throwable error) {
    String conversation =
        turnContext.getActivity().getConversation() == null
            ? "?"
            : turnContext.getActivity().getConversation().getId();
    log.error("Teams turn in conversation {} failed", conversation, error);
    if (isConnectorFailure(error)) {
      return CompletableFuture.completedFuture(null);
    }
    Language language =
        TeamsBot.locale(turnContext.getActivity()).flatMap(Language::fromTag).orElse(Language.FI);
    return turnContext
        .sendActivity(CardActivities.of(Reply.error(language, TeamsTexts.apology(language))))
        .handle(
            (sent, failure) -> {
              if (failure != null) {
                log.warn("Teams: could not apologise in {} either", conversation, failure);
              }
              return null;
            });
  }

  private static boolean isConnectorFailure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RestException || t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
