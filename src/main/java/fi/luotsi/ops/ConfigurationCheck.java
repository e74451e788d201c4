package fi.luotsi.ops;

import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import fi.luotsi.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
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

  private static void slack(Environment env, List<String> problems) {
    Optional<String> bot = env.get("SLACK_BOT_TOKEN");
    Optional<String> secret = env.get("SLACK_SIGNING_SECRET");
    Optional<String> app = env.get("SLACK_APP_TOKEN");
    Optional<String> api = env.get("SLACK_API_URL");
    if (bot.isEmpty() && secret.isEmpty() && app.isEmpty()) {
      if (api.isPresent()) {
        problems.add("SLACK_API_URL is set but SLACK_BOT_TOKEN is not");
      }
      return;
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

  private static void teams(Environment env, List<String> problems) {
    Optional<String> appId = env.get("MICROSOFT_APP_ID");
    boolean password = env.get("MICROSOFT_APP_PASSWORD").isPresent();
    Optional<String> tenant = env.get("MICROSOFT_APP_TENANT_ID");
    String localValue = env.getOrDefault("LUOTSI_TEAMS_LOCAL", "false").toLowerCase(Locale.ROOT);
    boolean local = List.of("true", "1", "yes").contains(localValue);
    if (!local && !List.of("false", "0", "no").contains(localValue)) {
      problems.add("LUOTSI_TEAMS_LOCAL must be true or false, was '" + localValue + "'");
    }
    if (appId.isPresent() && !password) {
      problems.add("MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not");
    }
    if (password && appId.isEmpty()) {
      problems.add("MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not");
    }
    if (tenant.isPresent() && appId.isEmpty()) {
      problems.add("MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_ID is not");
    }
    if (tenant.isPresent() && !tenant.get().matches("[A-Za-z0-9][A-Za-z0-9.-]*")) {
      problems.add("MICROSOFT_APP_TENANT_ID must be a tenant id (GUID) or domain");
    }
    if (appId.isPresent() && local) {
      problems.add(
          "LUOTSI_TEAMS_LOCAL=true asks for anonymous local mode, but MICROSOFT_APP_ID is set;"
              + " unset one of them");
    }
  }
}
