package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationCheckTest {
  @TempDir Path root;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void goodEnvironment() throws Exception {
    Files.createDirectories(root.resolve("knowledge"));
    Files.createDirectories(root.resolve("config"));
    env.put("LUOTSI_KNOWLEDGE_DIR", root.resolve("knowledge").toString());
    env.put("LUOTSI_CONFIG_DIR", root.resolve("config").toString());
    env.put("LUOTSI_DATA_DIR", root.resolve("data").toString());
  }

  private java.util.List<String> problems() {
    return ConfigurationCheck.problems(new Environment(env));
  }

  @Test
  void acceptsTheDefaultsWithExistingDirectories() {
    assertThat(problems()).isEmpty();
  }

  @Test
  void acceptsACompleteSlackAndTeamsConfiguration() {
    env.put("SLACK_BOT_TOKEN", "xoxb-1-2-abc");
    env.put("SLACK_SIGNING_SECRET", "s3cr3t");
    env.put("SLACK_APP_TOKEN", "xapp-1-A1-xyz");
    env.put("SLACK_API_URL", "http://127.0.0.1:9999/api/");
    env.put("MICROSOFT_APP_ID", "00000000-0000-0000-0000-000000000001");
    env.put("MICROSOFT_APP_PASSWORD", "pw");
    env.put("MICROSOFT_APP_TENANT_ID", "contoso.onmicrosoft.com");
    env.put("LUOTSI_DB_URL", "jdbc:postgresql://db.example.org:5432/luotsi");
    env.put("LUOTSI_DB_USER", "luotsi");

    assertThat(problems()).isEmpty();
  }

  @Test
  void listsEveryProblemAtOnce() throws Exception {
    Files.writeString(root.resolve("config/luotsi.yaml"), "roles:\n  admins: [bob]\nbogus: 1\n");
    env.put("LUOTSI_KNOWLEDGE_DIR", root.resolve("missing").toString());
    env.put("LUOTSI_PORT", "99999");
    env.put("LUOTSI_DB_URL", "jdbc:mysql://db:3306/luotsi?password=hunter2");
    env.put("SLACK_BOT_TOKEN", "xoxb-1");
    env.put("MICROSOFT_APP_ID", "app");

    assertThat(problems())
        .containsExactlyInAnyOrder(
            "LUOTSI_PORT must be a port number 0-65535, was '99999'",
            root.resolve("config/luotsi.yaml") + ": unknown key 'bogus'",
            root.resolve("config/luotsi.yaml")
                + ": role member 'bob' must look like slack:U… or teams:…",
            "LUOTSI_KNOWLEDGE_DIR "
                + root.resolve("missing").toAbsolutePath()
                + " is not a directory",
            "LUOTSI_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL, was 'jdbc:mysql://db:3306/luotsi'",
            "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor"
                + " SLACK_APP_TOKEN (Socket Mode) is",
            "MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not");
  }

  @Test
  void neverPrintsSecrets() {
    env.put("LUOTSI_DB_URL", "jdbc:mysql://db:3306/luotsi?password=hunter2");
    env.put("SLACK_BOT_TOKEN", "not-a-bot-token-SECRET");
    env.put("SLACK_APP_TOKEN", "xoxp-SECRET");
    env.put("MICROSOFT_APP_PASSWORD", "SECRET");
    env.put("MICROSOFT_APP_TENANT_ID", "SECRET-tenant");

    assertThat(String.join("\n", problems())).doesNotContain("SECRET").doesNotContain("hunter2");
  }

  @Test
  void showsDatabaseUrlsWithoutCredentials() {
    assertThat(ConfigurationCheck.redacted("jdbc:postgresql://luotsi:pw@db:5432/luotsi?password=x"))
        .isEqualTo("jdbc:postgresql://db:5432/luotsi");
    assertThat(ConfigurationCheck.redacted("jdbc:h2:file:/srv/luotsi;PASSWORD=x"))
        .isEqualTo("jdbc:h2:file:/srv/luotsi");
  }

  @Test
  void namesAnInvalidYamlFileWithItsLine() throws Exception {
    Files.writeString(root.resolve("config/luotsi.yaml"), "contact:\n  fi: \"open\nroles: [\n");

    assertThat(problems())
        .singleElement()
        .asString()
        .isEqualTo(
            root.resolve("config/luotsi.yaml")
                + ":2: not valid YAML: while scanning a quoted scalar;"
                + " found unexpected end of stream");
  }

  @Test
  void refusesSlackPartsWithoutTheBotToken() {
    env.put("SLACK_SIGNING_SECRET", "s3cr3t");

    assertThat(problems())
        .containsExactly("SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not");
  }

  @Test
  void refusesMalformedSlackTokensAndApiUrl() {
    env.put("SLACK_BOT_TOKEN", "xoxp-user");
    env.put("SLACK_APP_TOKEN", "xoxb-wrong");
    env.put("SLACK_API_URL", "slack.com");

    assertThat(problems())
        .containsExactly(
            "SLACK_BOT_TOKEN must be a bot token (xoxb-…)",
            "SLACK_APP_TOKEN must be an app-level token (xapp-…)",
            "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/");
  }

  @Test
  void refusesTeamsPartsWithoutTheAppId() {
    env.put("MICROSOFT_APP_PASSWORD", "pw");
    env.put("MICROSOFT_APP_TENANT_ID", "contoso.onmicrosoft.com");

    assertThat(problems())
        .containsExactly(
            "MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not",
            "MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_ID is not");
  }

  @Test
  void refusesContradictoryTeamsModes() {
    env.put("MICROSOFT_APP_ID", "app");
    env.put("MICROSOFT_APP_PASSWORD", "pw");
    env.put("MICROSOFT_APP_TENANT_ID", "not a tenant!");
    env.put("LUOTSI_TEAMS_LOCAL", "true");

    assertThat(problems())
        .containsExactly(
            "MICROSOFT_APP_TENANT_ID must be a tenant id (GUID) or domain, was 'not a tenant!'",
            "LUOTSI_TEAMS_LOCAL=true asks for anonymous local mode, but MICROSOFT_APP_ID is set;"
                + " unset one of them");
  }

  @Test
  void refusesAnUnreadableTeamsLocalFlag() {
    env.put("LUOTSI_TEAMS_LOCAL", "maybe");

    assertThat(problems()).containsExactly("LUOTSI_TEAMS_LOCAL must be true or false, was 'maybe'");
  }

  @Test
  void refusesDatabaseCredentialsWithoutAUrl() {
    env.put("LUOTSI_DB_PASSWORD", "pw");

    assertThat(problems())
        .containsExactly(
            "LUOTSI_DB_USER or LUOTSI_DB_PASSWORD is set but LUOTSI_DB_URL is not"
                + " (without it Luotsi uses its own H2 file database)");
  }

  @Test
  void refusesADataDirectoryThatIsAFile() throws Exception {
    Files.writeString(root.resolve("data"), "not a directory");

    assertThat(problems())
        .containsExactly(
            "LUOTSI_DATA_DIR " + root.resolve("data").toAbsolutePath() + " is not a directory");
  }

  @Test
  void refusesANonPositiveRetention() throws Exception {
    Files.writeString(root.resolve("config/luotsi.yaml"), "question_log_retention: PT0S\n");

    assertThat(problems())
        .containsExactly(
            root.resolve("config/luotsi.yaml") + ": question_log_retention must be positive");
  }

  @Test
  void verifyThrowsOneExceptionListingEveryProblem() {
    env.put("LUOTSI_PORT", "x");
    env.put("MICROSOFT_APP_ID", "app");

    assertThatThrownBy(() -> ConfigurationCheck.verify(new Environment(env)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "2 configuration problems:\n"
                + "  - LUOTSI_PORT must be a port number 0-65535, was 'x'\n"
                + "  - MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not");
  }
}
