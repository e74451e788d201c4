package fi.luotsi;

import fi.luotsi.bench.Benchmark;
import fi.luotsi.bench.Calibration;
import fi.luotsi.bench.EvalQuestion;
import fi.luotsi.bench.EvaluationSet;
import fi.luotsi.bench.load.LoadBenchmark;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.teams.TeamsAppPackage;
import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import fi.luotsi.delivery.BroadcastBenchmark;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import fi.luotsi.reminder.BroadcastRefused;
import fi.luotsi.reminder.BroadcastService;
import fi.luotsi.reminder.quartz.QuartzSchedule;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.store.Database;
import fi.luotsi.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code serve} (default), {@code ask}, {@code chat}, {@code bench}, {@code
 * teams-package}, {@code broadcast}, {@code bench-broadcast}, {@code bench-load}.
 */
@Command(
    name = "luotsi",
    mixinStandardHelpOptions = true,
    description = "Chat assistant for municipal trustees.",
    subcommands = {
      Main.Serve.class,
      AskCommand.class,
      ConsoleCommand.class,
      Main.Bench.class,
      Main.Calibrate.class,
      Main.TeamsPackage.class,
      Main.Broadcast.class,
      Main.BenchBroadcast.class,
      Main.BenchLoad.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException || e instanceof StoreException) {
            commandLine.getErr().println("Luotsi cannot start:\n" + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    return new Serve().call();
  }

  static PrintStream utf8(PrintStream stream) {
    return new PrintStream(stream, true, StandardCharsets.UTF_8);
  }

  /** Runs the server until the process is stopped. */
  @Command(name = "serve", description = "Start the HTTP server, web chat and platform adapters.")
  static final class Serve implements Callable<Integer> {
    @Override
    public Integer call() {
      Application app = Application.start(Environment.system(), Clock.systemDefaultZone());
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    app.close();
                    stopped.countDown();
                  },
                  "luotsi-shutdown"));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }

  /** Prints answer quality and speed figures against two baselines. */
  @Command(
      name = "bench",
      description =
          "Evaluate answer quality (test split) and speed, with baselines, and print figures.")
  static final class Bench implements Callable<Integer> {
    @Option(names = "--knowledge", description = "Knowledge directory (default: knowledge/).")
    Path knowledge;

    @Option(names = "--split", description = "dev or test (default: ${DEFAULT-VALUE}).")
    String split = "test";

    @Option(
        names = "--sections",
        description = "Size of the generated knowledge base (default: ${DEFAULT-VALUE}).")
    int generated = 5000;

    @Option(names = "--quality-only", description = "Skip the speed measurements.")
    boolean qualityOnly;

    @Option(names = "--failures", description = "List the questions answered wrongly.")
    boolean failures;

    @Override
    public Integer call() {
      Path dir = knowledge != null ? knowledge : Environment.system().knowledgeDir();
      new Benchmark(utf8(System.out))
          .run(Application.loadKnowledge(dir), split, generated, !qualityOnly, failures);
      return 0;
    }
  }

  /** Fits the decline model on the dev split and writes it where the jar's resources come from. */
  @Command(
      name = "calibrate",
      description = {
        "Fit the decline model (when to say \"I don't know\") on the evaluation's dev split,",
        "print its cross-validated figures and write it to --output."
      })
  static final class Calibrate implements Callable<Integer> {
    @Option(names = "--knowledge", description = "Knowledge directory (default: knowledge/).")
    Path knowledge;

    @Option(
        names = {"-o", "--output"},
        description = "Properties file to write (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("src/main/resources/fi/luotsi/answer/decline-model.properties");

    @Override
    public Integer call() throws IOException {
      Path dir = knowledge != null ? knowledge : Environment.system().knowledgeDir();
      PrintStream out = utf8(System.out);
      try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null)) {
        index.rebuild(Application.loadKnowledge(dir));
        List<EvalQuestion> dev =
            EvaluationSet.load().stream().filter(q -> q.split().equals("dev")).toList();
        Calibration.Result result = Calibration.fit(index, dev);
        Calibration.print(result, out);
        Files.writeString(
            output,
            "# Decline model of fi.luotsi.answer.DeclineModel, written by `calibrate` (fitted on the"
                + " dev split).\n"
                + result.model().toProperties());
        out.println("Written to " + output);
      }
      return 0;
    }
  }

  /** Builds the zip that an administrator uploads to Teams. */
  @Command(
      name = "teams-package",
      description = {
        "Build the Teams app package from config/teams (LUOTSI_CONFIG_DIR) with MICROSOFT_APP_ID.",
        "Upload the zip in the Teams admin center (Manage apps → Upload new app)."
      })
  static final class TeamsPackage implements Callable<Integer> {
    @Option(
        names = {"-o", "--output"},
        description = "Zip to write (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("luotsi-teams.zip");

    @Override
    public Integer call() {
      Path zip = TeamsAppPackage.build(Environment.system(), output);
      utf8(System.out).println("Teams app package written to " + zip.toAbsolutePath());
      return 0;
    }
  }

  /** An organiser's announcement from the command line, sent by the running server. */
  @Command(
      name = "broadcast",
      description = {
        "Send an announcement to groups of the programme (config/sessions.yaml).",
        "It is stored in the database for the running server's scheduler to send, now or",
        "--at a local time; 'tiedote raportti <n>' in chat shows the delivery report."
      })
  static final class Broadcast implements Callable<Integer> {
    @Option(
        names = {"-g", "--group"},
        required = true,
        description = "A group id; repeat for several, 'kaikki' for all.")
    List<String> groups;

    @Option(names = "--at", description = "Local time to send, e.g. 2026-12-01T09:00.")
    LocalDateTime at;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The announcement.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
      Environment env = Environment.system();
      Clock clock = Clock.systemDefaultZone();
      PrintStream out = utf8(System.out);
      try (Database db =
          Database.open(
              env.get("LUOTSI_DB_URL").orElse(Database.defaultUrl(env.dataDir())),
              env.get("LUOTSI_DB_USER").orElse("sa"),
              env.get("LUOTSI_DB_PASSWORD").orElse(""))) {
        ProgrammeFile programme = ProgrammeFile.load(env.configDir().resolve("sessions.yaml"));
        QuartzSchedule schedule =
            new QuartzSchedule(
                db.dataSource(), db.isPostgres(), clock, QuartzSchedule.Settings.standard());
        try {
          BroadcastService broadcasts =
              new BroadcastService(
                  db.dataSource(),
                  programme,
                  DeliveryService.standard(db.dataSource(), List.of(), clock),
                  schedule,
                  clock);
          List<String> ids =
              groups.stream()
                  .map(g -> List.of("kaikki", "all", "alla").contains(g) ? "*" : g)
                  .toList();
          out.println(
              broadcasts.broadcastFromCommandLine(
                  System.getProperty("user.name", "operator"),
                  ids,
                  String.join(" ", words),
                  // the running server (it holds the Slack and Teams connections) sends it
                  Optional.of(
                      at == null
                          ? clock.instant().plusSeconds(1)
                          : at.atZone(programme.current().zone()).toInstant())));
          return 0;
        } catch (BroadcastRefused e) {
          utf8(System.err).println("Not sent: " + e.getMessage());
          return 1;
        } finally {
          schedule.stop(false);
        }
      }
    }
  }

  /** Delivery figures of a 2,000-recipient broadcast against a throttling fake platform. */
  @Command(
      name = "bench-broadcast",
      description =
          "Broadcast through the delivery service to a simulated platform that answers 429 to"
              + " 10 %% of calls; print delivered, duplicates, lost and time against the rate"
              + " limit.")
  static final class BenchBroadcast implements Callable<Integer> {
    @Option(names = "--platform", description = "teams or slack (default: ${DEFAULT-VALUE}).")
    String platform = "teams";

    @Option(names = "--recipients", description = "How many (default: ${DEFAULT-VALUE}).")
    int recipients = 2000;

    @Option(names = "--throttle", description = "Share of 429 answers (default: ${DEFAULT-VALUE}).")
    double throttle = 0.10;

    @Override
    public Integer call() throws Exception {
      BroadcastBenchmark.run(
          Platform.valueOf(platform.toUpperCase(Locale.ROOT)),
          recipients,
          throttle,
          Duration.ofMillis(15),
          utf8(System.out));
      return 0;
    }
  }

  /** Throughput and latency of a whole server on loopback under concurrent web and Slack users. */
  @Command(
      name = "bench-load",
      description = {
        "Start a whole Luotsi on 127.0.0.1 (temporary H2 data, a local Slack Web API) and drive",
        "virtual users for a fixed time: web users POST /api/chat, Slack users POST signed",
        "message events and slash commands to /slack/events. Prints requests, throughput,",
        "p50/p95/p99 latency per endpoint, Slack answers delivered and errors by kind.",
        "Exit code 1 when there was any error."
      })
  static final class BenchLoad implements Callable<Integer> {
    @Option(names = "--users", description = "Virtual users (default: ${DEFAULT-VALUE}).")
    int users = 50;

    @Option(names = "--seconds", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds = 60;

    // Under full load on 2 cores the JIT needs about a minute before throughput settles (the
    // timeline bench-load prints shows it); a shorter warm-up measures a server still compiling.
    @Option(
        names = "--warmup",
        description = "Seconds of load before measuring (default: ${DEFAULT-VALUE}).")
    int warmup = 60;

    @Option(
        names = "--slack-share",
        description = "Share of Slack users, 0-1 (default: ${DEFAULT-VALUE}).")
    double slackShare = 0.5;

    @Option(names = "--knowledge", description = "Knowledge directory (default: knowledge/).")
    Path knowledge;

    @Override
    public Integer call() throws Exception {
      Path dir = knowledge != null ? knowledge : Environment.system().knowledgeDir();
      LoadBenchmark.Result result =
          LoadBenchmark.run(
              new LoadBenchmark.Settings(
                  users, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), slackShare, dir),
              utf8(System.out));
      return result.errorCount() == 0 ? 0 : 1;
    }
  }
}
