package fi.luotsi.ops;

import fi.luotsi.chat.slack.SlackAdapter;
import fi.luotsi.chat.teams.TeamsAdapter;
import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import fi.luotsi.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The start-up configuration check: reads the whole environment and {@code luotsi.yaml} and lists
 * every problem at once, so that an operator fixes them in one go rather than one restart each.
 * Secrets are checked for presence and shape, never printed.
 */
public final class ConfigurationCheck {
  private ConfigurationCheck() {}

  /**
   * Checks everything.
   *
   * @throws ConfigException listing every problem, one a line, when there is any
   */
  public static void verify(Environment env) {
    List<String> problems = problems(env);
    if (!problems.isEmpty()) {
      throw new ConfigException(
          problems.size()
              + (problems.size() == 1 ? " configuration problem" : " configuration problems")
              + ":\n  - "
              + String.join("\n  - ", problems));
    }
  }

  /** Every problem found, in a stable order; empty when the configuration is usable. */
  public static List<String> problems(Environment env) {
    List<String> problems = new ArrayList<>();
    server(env, problems);
    settings(env, problems);
    directories(env, problems);
    database(env, problems);
    slack(env, problems);
    teams(env, problems);
    return problems;
  }

  private static void server(Environment env, List<String> problems) {
    try {
      env.port();
    } catch (ConfigException e) {
      problems.add(e.getMessage());
    }
    String host = env.host();
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      problems.add("LUOTSI_HOST '" + host + "' is not an address of this machine");
    }
  }

  private static void settings(Environment env, List<String> problems) {
    Optional<Path> dir = path(env, "LUOTSI_CONFIG_DIR", "config", problems);
    if (dir.isEmpty()) {
      return;
    }
    try {
      Settings settings = Settings.load(dir.get());
      if (settings.questionLogRetention().isNegative()
          || settings.questionLogRetention().isZero()) {
        problems.add(
            dir.get().resolve("luotsi.yaml") + ": question_log_retention must be positive");
      }
      if (settings.maxBodyBytes() < 1024) {
        problems.add(dir.get().resolve("luotsi.yaml") + ": max_body_bytes must be at least 1024");
      }
    } catch (ConfigException e) {
      problems.addAll(settingsProblems(dir.get().resolve("luotsi.yaml"), e.getMessage()));
    } catch (RuntimeException e) {
      problems.add(dir.get().resolve("luotsi.yaml") + ": " + e.getMessage());
    }
  }

  /**
   * Splits the settings' message into its problems: each starts with the file's name; a YAML parser
   * message continues over indented lines that quote the file and point at a column, of which only
   * the unindented explanations are kept.
   */
  private static List<String> settingsProblems(Path file, String message) {
    List<String> out = new ArrayList<>();
    for (String line : message.split("\n")) {
      if (line.startsWith(file.toString()) || out.isEmpty()) {
        out.add(line.strip());
      } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        out.set(out.size() - 1, out.get(out.size() - 1) + "; " + line.strip());
      }
    }
    return out;
  }

  private static void directories(Environment env, List<String> problems) {
    path(env, "LUOTSI_KNOWLEDGE_DIR", "knowledge", problems)
        .ifPresent(
            dir -> {
              if (!Files.isDirectory(dir)) {
                problems.add(
                    "LUOTSI_KNOWLEDGE_DIR " + dir.toAbsolutePath() + " is not a directory");
              } else if (!listable(dir)) {
                problems.add("LUOTSI_KNOWLEDGE_DIR " + dir.toAbsolutePath() + " cannot be read");
              }
            });
    path(env, "LUOTSI_DATA_DIR", "data", problems)
        .ifPresent(
            dir -> {
              Path absolute = dir.toAbsolutePath();
              if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                problems.add("LUOTSI_DATA_DIR " + absolute + " is not a directory");
                return;
              }
              Path existing = absolute;
              while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
              }
              if (existing == null || !Files.isWritable(existing)) {
                problems.add("LUOTSI_DATA_DIR " + absolute + " cannot be written");
              }
            });
  }

  private static Optional<Path> path(
      Environment env, String variable, String fallback, List<String> problems) {
    String value = env.getOrDefault(variable, fallback);
    try {
      return Optional.of(Path.of(value));
    } catch (InvalidPathException e) {
      problems.add(variable + " is not a valid path: " + e.getReason());
      return Optional.empty();
    }
  }

  private static boolean listable(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      entries.iterator().hasNext();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void database(Environment env, List<String> problems) {
    Optional<String> url = env.get("LUOTSI_DB_URL");
    if (url.isEmpty()) {
      if (env.get("LUOTSI_DB_USER").isPresent() || env.get("LUOTSI_DB_PASSWORD").isPresent()) {
        problems.add(
            "LUOTSI_DB_USER or LUOTSI_DB_PASSWORD is set but LUOTSI_DB_URL is not"
                + " (without it Luotsi uses its own H2 file database)");
      }
      return;
    }
    String lower = url.get().toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
      problems.add(
          "LUOTSI_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL, was '"
              + redacted(url.get())
              + "'");
      return;
    }
    if (lower.startsWith("jdbc:h2:tcp:")
        || lower.startsWith("jdbc:h2:ssl:")
        || lower.contains(";auto_server=true")) {
      // Several instances would each run reminders and broadcasts on a database that Quartz's
      // clustering and the delivery log's claims are not built for: use PostgreSQL for that.
      problems.add(
          "LUOTSI_DB_URL is an H2 database shared between processes ("
              + redacted(url.get())
              + "); H2 serves one instance only, several instances need PostgreSQL"
              + " (jdbc:postgresql://…)");
      return;
    }
    try {
      DriverManager.getDriver(url.get());
    } catch (SQLException e) {
      problems.add("LUOTSI_DB_URL is not a URL that the driver accepts: " + redacted(url.get()));
    }
  }

  /** The URL without its parameters and user information, which may hold credentials. */
  static String redacted(String url) {
    String cut = url.split("[?;]", 2)[0];
    return cut.replaceFirst("//[^/@]*@", "//");
  }

  /** The adapters own their rules; the check only gathers them with everything else. */
  private static void slack(Environment env, List<String> problems) {
    problems.addAll(SlackAdapter.Settings.problems(env));
  }

  private static void teams(Environment env, List<String> problems) {
    problems.addAll(TeamsAdapter.Settings.problems(env, loopback(env.host())));
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false; // reported by server()
    }
  }
}
