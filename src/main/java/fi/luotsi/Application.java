package fi.luotsi;

import fi.luotsi.admin.Administration;
import fi.luotsi.admin.KnowledgeEditor;
import fi.luotsi.admin.LiveKnowledge;
import fi.luotsi.admin.ManagedKnowledge;
import fi.luotsi.admin.digest.KnowledgeAlerts;
import fi.luotsi.admin.digest.WeeklyDigest;
import fi.luotsi.admin.expert.Experts;
import fi.luotsi.admin.expert.SectionSuggestions;
import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.Conversation;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.slack.SlackAdapter;
import fi.luotsi.chat.teams.TeamsAdapter;
import fi.luotsi.chat.web.WebChat;
import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import fi.luotsi.config.Settings;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.http.HttpServer;
import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import fi.luotsi.ops.ConfigurationCheck;
import fi.luotsi.ops.HealthCheck;
import fi.luotsi.ops.Operations;
import fi.luotsi.reminder.BroadcastCommands;
import fi.luotsi.reminder.BroadcastService;
import fi.luotsi.reminder.ReminderService;
import fi.luotsi.reminder.ScheduledWork;
import fi.luotsi.reminder.quartz.QuartzSchedule;
import fi.luotsi.session.Attendance;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.session.SessionCommands;
import fi.luotsi.session.ical.CalendarFeed;
import fi.luotsi.store.BufferedQuestionLog;
import fi.luotsi.store.Database;
import fi.luotsi.store.InstanceSecrets;
import fi.luotsi.store.JdbcQuestionLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of a running Luotsi: builds every object by constructor injection, starts
 * the HTTP server and the platform adapters, and closes them in reverse order.
 */
public final class Application implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Application.class);

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final HttpServer server;
  private final LuceneKnowledgeIndex index;
  private final Conversation conversation;
  private final Database database;
  private final Optional<SlackAdapter> slack;
  private final ManagedKnowledge knowledgeStore;

  private Application(Environment env, Clock clock) {
    ConfigurationCheck.verify(env);
    // A failure half way must not leave the index files, the database pool or the server behind.
    try {
      Operations operations = new Operations();
      closeables.add(operations); // closed after the server, so requests in flight can count
      Settings settings = Settings.load(env.configDir());
      Optional<SlackAdapter.Settings> slackSettings = SlackAdapter.Settings.from(env);
      Path dataDir = env.dataDir();
      createDirectories(dataDir);

      index = new LuceneKnowledgeIndex(dataDir.resolve("index"));
      closeables.add(index);
      LiveKnowledge knowledge = new LiveKnowledge(env.knowledgeDir(), index, clock).watch();
      closeables.add(knowledge);

      database =
          Database.open(
              env.get("LUOTSI_DB_URL").orElse(Database.defaultUrl(dataDir)),
              env.get("LUOTSI_DB_USER").orElse("sa"),
              env.get("LUOTSI_DB_PASSWORD").orElse(""));
      closeables.add(database);
      operations.watch(knowledge, database);

      // Shared by every instance on this database, so one person has one pseudonym everywhere.
      Pseudonyms pseudonyms =
          new Pseudonyms(
              new InstanceSecrets(database.dataSource(), clock)
                  .pseudonymKey(dataDir.resolve("pseudonym.key")));
      String instanceId = instanceId(dataDir);
      log.info("This is instance {} (data directory {})", instanceId, dataDir.toAbsolutePath());
      List<ChatCommand> commands = new ArrayList<>();
      // Feature commands (programme, reminders, broadcasts, admin) are added here.
      Administration administration =
          new Administration(database.dataSource(), settings, pseudonyms, knowledge, clock);
      closeables.add(administration);
      commands.addAll(administration.commands());
      knowledgeStore =
          new ManagedKnowledge(
                  database.dataSource(),
                  env.knowledgeDir(),
                  knowledge,
                  administration.audit(),
                  settings.roles(),
                  pseudonyms,
                  clock)
              .start(); // before serving: this instance answers from the newest knowledge change
      closeables.add(knowledgeStore);
      commands.add(0, knowledgeStore.command()); // before "tietopankki" (status) takes the message
      operations
          .metrics()
          .gauge(
              "luotsi.knowledge.change", "Knowledge change served", knowledgeStore::appliedChange);
      operations
          .health()
          .addReadiness(
              "knowledge-changes", () -> HealthCheck.Result.up(knowledgeStore.describe()));
      ProgrammeFile programme =
          ProgrammeFile.loadIfPresent(env.configDir().resolve("sessions.yaml"));
      Attendance attendance = new Attendance(database.dataSource(), clock);
      DeliveryService delivery =
          DeliveryService.standard(database.dataSource(), List.of(), clock, instanceId);
      delivery.recoverEarlierClaims();
      QuartzSchedule.Settings quartz = QuartzSchedule.Settings.standard();
      QuartzSchedule schedule =
          new QuartzSchedule(
              database.dataSource(),
              database.isPostgres(),
              clock,
              // the same id after a restart: Quartz then resumes this instance's interrupted jobs
              // at once instead of waiting for the cluster to notice that the instance died
              new QuartzSchedule.Settings(
                  instanceId,
                  quartz.threads(),
                  quartz.checkinInterval(),
                  quartz.misfireThreshold()));
      closeables.add(schedule);
      ReminderService reminders =
          new ReminderService(
              programme, attendance, delivery, schedule, clock, Duration.ofMinutes(2));
      BroadcastService broadcasts =
          new BroadcastService(database.dataSource(), programme, delivery, schedule, clock);
      commands.add(
          new SessionCommands(programme, attendance, settings.roles(), clock, publicUrl(env)));
      commands.add(new BroadcastCommands(broadcasts, programme, settings.roles(), clock));
      AnswerEngine answerEngine = new AnswerEngine(index);
      // Answers keep coming while the database is away; the log catches up when it is back.
      BufferedQuestionLog questionLog =
          new BufferedQuestionLog(new JdbcQuestionLog(database.dataSource()), 10_000);
      closeables.add(questionLog);
      // Ask an expert: answers relayed to askers, and turned into knowledge by administrators.
      Experts experts =
          new Experts(
              database.dataSource(),
              settings,
              questionLog,
              pseudonyms,
              delivery,
              administration.audit(),
              Optional.of(knowledgeStore.editor()),
              closestSections(answerEngine),
              clock);
      closeables.add(experts.startPurging());
      administration.addPersonalData(experts.personalData());
      commands.add(experts.command());
      WeeklyDigest digest =
          new WeeklyDigest(
              database.dataSource(),
              experts.questions(),
              settings,
              delivery,
              administration.audit(),
              pseudonyms,
              clock);
      commands.add(digest.command());
      digest.schedule(schedule);
      KnowledgeAlerts alerts = new KnowledgeAlerts(digest, delivery, administration.audit());
      closeables.add(alerts);
      knowledge.onReload(alerts);
      alerts.accept(knowledge.status()); // what the first load refused
      reminders.watchProgramme();
      conversation =
          new Conversation(
              answerEngine,
              index::sections,
              questionLog,
              pseudonyms,
              settings::contact,
              commands,
              settings.questionsPerMinute(),
              clock);
      conversation.addObserver(operations.metrics());
      conversation.offerOnNoAnswer(experts.noAnswerButtons());

      server = new HttpServer(env.host(), env.port(), settings.maxBodyBytes());
      closeables.add(server);
      closeables.add(operations.health()::drain); // closed first: not ready while draining
      operations.register(server);
      new WebChat(conversation).register(server);
      new CalendarFeed(programme, clock).register(server);
      // Platform adapters (Slack, Teams) register their endpoints here.
      slack = slackSettings.map(s -> new SlackAdapter(s, conversation, clock, database));
      slack.ifPresent(
          adapter -> {
            closeables.add(adapter);
            adapter.register(server);
            delivery.connect(adapter.messenger());
          });
      Optional<TeamsAdapter.Settings> teams =
          TeamsAdapter.Settings.fromEnvironment(env, server.isLoopback());
      if (teams.isPresent()) {
        TeamsAdapter adapter =
            new TeamsAdapter(teams.get(), conversation, database.dataSource(), clock);
        closeables.add(closeables.indexOf(server), adapter); // closed after the server
        adapter.register(server);
        delivery.connect(adapter.messenger());
      }
      // Last, once every messenger is connected: a timer due at start-up (a reminder or broadcast
      // missed while stopped, or one interrupted by a crash) fires at once and must reach Slack
      // and Teams rather than fail as "not connected".
      schedule.start(ScheduledWork.of(reminders, broadcasts));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Builds and starts everything.
   *
   * @throws ConfigException when configuration is invalid (every problem listed)
   */
  public static Application start(Environment env, Clock clock) {
    Application app = new Application(env, clock);
    try {
      app.server.start();
      app.slack.ifPresent(SlackAdapter::start);
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    return app;
  }

  /** The sections the answer engine ranks closest to a question, for alternate phrasings. */
  static SectionSuggestions closestSections(AnswerEngine engine) {
    return (question, language) ->
        engine.answer(question, Optional.of(language)).candidates().stream()
            .map(hit -> hit.section())
            .distinct()
            .limit(3)
            .map(s -> new SectionSuggestions.Suggestion(s.id(), s.heading()))
            .toList();
  }

  /** Where people reach this instance, for links in chat ({@code LUOTSI_PUBLIC_URL}). */
  static String publicUrl(Environment env) {
    return env.getOrDefault("LUOTSI_PUBLIC_URL", "http://localhost:3978");
  }

  public int port() {
    return server.port();
  }

  public Conversation conversation() {
    return conversation;
  }

  /** Writes knowledge as versioned changes (for features that turn chat into knowledge). */
  public KnowledgeEditor knowledgeEditor() {
    return knowledgeStore.editor();
  }

  static KnowledgeBase loadKnowledge(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new ConfigException(
          "knowledge directory "
              + directory.toAbsolutePath()
              + " not found (give another with --knowledge or LUOTSI_KNOWLEDGE_DIR)");
    }
    KnowledgeBase knowledge = new KnowledgeLoader().load(directory);
    for (KnowledgeProblem problem : knowledge.problems()) {
      log.warn("Knowledge file refused: {}", problem);
    }
    log.info(
        "Knowledge loaded from {}: {} sections, {} problems",
        directory,
        knowledge.sections().size(),
        knowledge.problems().size());
    return knowledge;
  }

  /**
   * This instance's id among the instances sharing a database (Quartz cluster, delivery claims):
   * made once and kept in the data directory ({@code instance.id}), so a restarted instance is the
   * same instance and resumes its own interrupted work at once. Each instance needs its own data
   * directory.
   */
  static String instanceId(Path dataDir) {
    Path file = dataDir.resolve("instance.id");
    try {
      if (Files.isRegularFile(file)) {
        String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (id.matches("[A-Za-z0-9._-]{1,60}")) {
          return id;
        }
        log.warn("{} does not hold an instance id; making a new one", file);
      }
      byte[] random = new byte[6];
      new SecureRandom().nextBytes(random);
      String id = "luotsi-" + HexFormat.of().formatHex(random);
      Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigException("cannot create data directory " + dir + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        log.warn("Closing {} failed", closeables.get(i).getClass().getSimpleName(), e);
      }
    }
    closeables.clear();
  }
}
