package fi.luotsi.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import fi.luotsi.chat.ConversationHandler;
import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import fi.luotsi.http.HttpServer;
import fi.luotsi.store.Database;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Luotsi in Slack, through Bolt for Java. Build it, {@link #register(HttpServer)} its endpoint
 * before the server starts, then {@link #start()}; {@link #close()} on shutdown.
 *
 * <ul>
 *   <li><b>HTTP mode</b> (a signing secret is set): events, slash commands and interactivity arrive
 *       at {@code POST /slack/events} on the shared server.
 *   <li><b>Socket Mode</b> (an app token is set): the bot connects out over a WebSocket (no public
 *       URL needed) and reconnects by itself after a drop.
 * </ul>
 *
 * Both may run at once. Every request is acknowledged at once and answered from a small pool of
 * reply threads. {@link #messenger()} is the outbound port for reminders and broadcasts. Files sent
 * to the bot reach the core as attachments that download on demand ({@code SlackFiles}; the app
 * needs the {@code files:read} scope).
 */
public final class SlackAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
  private static final int REPLY_THREADS = 4;
  private static final int REPLY_QUEUE = 500;

  /**
   * The Slack credentials and endpoint. Secrets come from the environment only; {@link #toString()}
   * never shows them.
   *
   * @param botToken {@code SLACK_BOT_TOKEN}, the {@code xoxb-} bot token
   * @param signingSecret {@code SLACK_SIGNING_SECRET}; present for HTTP mode
   * @param appToken {@code SLACK_APP_TOKEN}, an {@code xapp-} token; present for Socket Mode
   * @param apiUrl {@code SLACK_API_URL}, the Web API base URL (default {@code
   *     https://slack.com/api/}); for tests and proxies
   */
  public record Settings(
      String botToken,
      Optional<String> signingSecret,
      Optional<String> appToken,
      Optional<String> apiUrl) {

    public Settings {
      Objects.requireNonNull(botToken, "botToken");
      Objects.requireNonNull(signingSecret, "signingSecret");
      Objects.requireNonNull(appToken, "appToken");
      Objects.requireNonNull(apiUrl, "apiUrl");
      java.util.Map<String, String> variables = new java.util.HashMap<>();
      variables.put("SLACK_BOT_TOKEN", botToken);
      signingSecret.ifPresent(v -> variables.put("SLACK_SIGNING_SECRET", v));
      appToken.ifPresent(v -> variables.put("SLACK_APP_TOKEN", v));
      apiUrl.ifPresent(v -> variables.put("SLACK_API_URL", v));
      List<String> problems = problems(new Environment(variables));
      if (!problems.isEmpty()) {
        throw new ConfigException(String.join("; ", problems));
      }
      apiUrl = apiUrl.map(u -> u.endsWith("/") ? u : u + "/");
    }

    /**
     * The Slack settings in the environment: empty when no Slack variable is set (Slack stays off).
     *
     * @throws ConfigException naming every variable that is missing or malformed
     */
    public static Optional<Settings> from(Environment env) {
      List<String> problems = problems(env);
      if (!problems.isEmpty()) {
        throw new ConfigException(String.join("; ", problems));
      }
      Optional<String> bot = env.get("SLACK_BOT_TOKEN");
      if (bot.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Settings(
              bot.get(),
              env.get("SLACK_SIGNING_SECRET"),
              env.get("SLACK_APP_TOKEN"),
              env.get("SLACK_API_URL")));
    }

    /**
     * Every problem with the Slack variables, for the start-up check to list at once; empty when
     * Slack is configured correctly or not at all. Never contains a token.
     */
    public static List<String> problems(Environment env) {
      Optional<String> bot = env.get("SLACK_BOT_TOKEN");
      Optional<String> secret = env.get("SLACK_SIGNING_SECRET");
      Optional<String> app = env.get("SLACK_APP_TOKEN");
      Optional<String> api = env.get("SLACK_API_URL");
      List<String> problems = new ArrayList<>();
      if (bot.isEmpty() && secret.isEmpty() && app.isEmpty()) {
        if (api.isPresent()) {
          problems.add("SLACK_API_URL is set but SLACK_BOT_TOKEN is not");
        }
        return problems;
      }
      if (bot.isEmpty()) {
        problems.add(
            (secret.isPresent() ? "SLACK_SIGNING_SECRET" : "SLACK_APP_TOKEN")
                + " is set but SLACK_BOT_TOKEN is not");
      } else if (!bot.get().startsWith("xoxb-")) {
        problems.add("SLACK_BOT_TOKEN must be a bot token (xoxb-…)");
      }
      if (bot.isPresent() && secret.isEmpty() && app.isEmpty()) {
        problems.add(
            "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor"
                + " SLACK_APP_TOKEN (Socket Mode) is");
      }
      if (app.isPresent() && !app.get().startsWith("xapp-")) {
        problems.add("SLACK_APP_TOKEN must be an app-level token (xapp-…)");
      }
      if (api.isPresent() && !httpUrl(api.get())) {
        problems.add("SLACK_API_URL must be an http(s) URL such as https://slack.com/api/");
      }
      return problems;
    }

    private static boolean httpUrl(String value) {
      try {
        URI uri = URI.create(value);
        return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    public boolean httpMode() {
      return signingSecret.isPresent();
    }

    public boolean socketMode() {
      return appToken.isPresent();
    }

    @Override
    public String toString() {
      return "Slack["
          + (httpMode() ? "HTTP" : "")
          + (httpMode() && socketMode() ? "+" : "")
          + (socketMode() ? "Socket Mode" : "")
          + apiUrl.map(u -> ", api " + u).orElse("")
          + "]";
    }
  }

  private final Settings settings;
  private final Clock clock;
  private final Slack slack;
  private final App app;
  private final SlackWebApi api;
  private final ExecutorService replyExecutor;
  private final SlackMessenger messenger;
  private final SlackFiles files;
  private SocketModeApp socketMode;

  /**
   * An adapter that remembers answered deliveries in memory: right for a single instance.
   *
   * @param settings the credentials; see {@link Settings#from(Environment)}
   * @param handler the chat core
   * @param clock the clock that request timestamps are checked against
   */
  public SlackAdapter(Settings settings, ConversationHandler handler, Clock clock) {
    this(settings, handler, clock, Optional.empty());
  }

  /**
   * An adapter that remembers answered deliveries in the shared database, so that several instances
   * (or a restarted one) answer each Slack retry once.
   */
  public SlackAdapter(
      Settings settings, ConversationHandler handler, Clock clock, Database database) {
    this(settings, handler, clock, Optional.of(database));
  }

  private SlackAdapter(
      Settings settings, ConversationHandler handler, Clock clock, Optional<Database> database) {
    this(settings, handler, clock, database, SlackFiles.DEFAULT_TIMEOUT);
  }

  /** For tests: file downloads time out after {@code downloadTimeout}. */
  SlackAdapter(
      Settings settings,
      ConversationHandler handler,
      Clock clock,
      Optional<Database> database,
      Duration downloadTimeout) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(handler, "handler");

    SlackConfig config = new SlackConfig();
    settings.apiUrl().ifPresent(config::setMethodsEndpointUrlPrefix);
    config.setStatsEnabled(false); // we pace ourselves; stats would add auth.test calls
    this.slack = Slack.getInstance(config);
    this.app =
        new App(
            AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().orElse(null))
                // Bolt would read these from the environment and turn into an OAuth app.
                .clientId(null)
                .clientSecret(null)
                // Signatures are checked by SlackEventsEndpoint, in both time directions.
                .requestVerificationEnabled(false)
                // Edits, joins, bot messages: acknowledged and ignored.
                .subtypedMessageEventsAutoAckEnabled(true)
                .allEventsApiAutoAckEnabled(true)
                .threadPoolSize(2)
                .build());

    ChannelPacer pacer = ChannelPacer.slackDefault();
    this.api = new SlackWebApi(slack, settings.botToken(), pacer);
    this.replyExecutor =
        new ThreadPoolExecutor(
            REPLY_THREADS,
            REPLY_THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(REPLY_QUEUE),
            daemonThreads("slack-reply-"));
    UserLanguages languages = new UserLanguages(this::lookupLocale, clock);
    SlackReplies replies = new SlackReplies(handler, api, languages, replyExecutor);
    DeliveryLedger ledger =
        database
            .<DeliveryLedger>map(db -> new JdbcLedger(db.dataSource(), clock))
            .orElseGet(() -> new MemoryLedger(clock, 20_000));
    this.files =
        new SlackFiles(api.methods(), settings.botToken(), settings.apiUrl(), downloadTimeout);
    new SlackListeners(replies, ledger, files).register(app);
    this.messenger = new SlackMessenger(api.methods(), pacer);
  }

  /** Registers {@code POST /slack/events} when HTTP mode is configured; call before starting it. */
  public void register(HttpServer server) {
    if (settings.httpMode()) {
      server.post(
          "/slack/events",
          new SlackEventsEndpoint(app, new SignatureCheck(settings.signingSecret().get(), clock)));
    }
  }

  /**
   * Checks the bot token with {@code auth.test}, and in Socket Mode the app token with {@code
   * apps.connections.open}, then starts. The WebSocket connects in the background.
   *
   * @throws ConfigException when Slack refuses a token or cannot be reached
   */
  public synchronized void start() {
    AuthTestResponse auth = authTest();
    try {
      app.start();
    } catch (IllegalArgumentException e) {
      // Bolt's own auth.test, a moment after ours; its message names no token.
      throw new ConfigException("Slack refused to start: " + e.getMessage());
    }
    if (settings.socketMode()) {
      startSocketMode();
    }
    log.info(
        "Slack connected as bot user {} in workspace {} ({})",
        auth.getUserId(),
        auth.getTeam() != null ? auth.getTeam() : auth.getTeamId(),
        settings);
  }

  private AuthTestResponse authTest() {
    try {
      AuthTestResponse auth = api.methods().authTest(r -> r);
      if (!auth.isOk()) {
        throw new ConfigException(
            "SLACK_BOT_TOKEN was refused by Slack (auth.test: " + auth.getError() + ")");
      }
      return auth;
    } catch (IOException | SlackApiException e) {
      throw new ConfigException("Slack's Web API cannot be reached for auth.test: " + reason(e));
    }
  }

  private void startSocketMode() {
    String appToken = settings.appToken().get();
    try {
      AppsConnectionsOpenResponse open =
          slack.methods(appToken).appsConnectionsOpen(r -> r.token(appToken));
      if (!open.isOk()) {
        throw new ConfigException(
            "SLACK_APP_TOKEN was refused by Slack (apps.connections.open: "
                + open.getError()
                + ")");
      }
      socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
      socketMode.startAsync();
    } catch (IOException | SlackApiException e) {
      throw new ConfigException("Slack Socket Mode cannot be opened: " + reason(e));
    } catch (ConfigException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Slack Socket Mode failed to start", e);
    }
  }

  private static String reason(Exception e) {
    return e instanceof SlackApiException s
        ? "HTTP " + s.getResponse().code()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private Optional<String> lookupLocale(String userId) {
    try {
      return api.locale(userId);
    } catch (SlackCallFailed e) {
      log.info("Slack locale of {} unknown: {}", userId, e.error());
      throw new UserLanguages.LookupFailed(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserLanguages.LookupFailed("interrupted");
    }
  }

  /** The outbound port to Slack, sharing this adapter's Web API client and channel pacing. */
  public SlackMessenger messenger() {
    return messenger;
  }

  /** Disconnects Socket Mode, lets queued replies finish briefly, and releases Slack's clients. */
  @Override
  public synchronized void close() {
    if (socketMode != null) {
      SocketModeClient client = socketMode.getClient();
      try {
        socketMode.close();
        if (client != null) {
          client.close();
        }
      } catch (Exception e) {
        log.warn("Slack Socket Mode did not close cleanly: {}", e.toString());
      }
      socketMode = null;
    }
    replyExecutor.shutdown();
    try {
      if (!replyExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
        replyExecutor.shutdownNow();
      }
    } catch (InterruptedException e) {
      replyExecutor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    app.stop();
    app.executorService().shutdownNow();
    files.close();
    try {
      slack.close();
    } catch (Exception e) {
      log.warn("Slack client did not close cleanly: {}", e.toString());
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
