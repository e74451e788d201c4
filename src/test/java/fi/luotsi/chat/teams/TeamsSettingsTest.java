package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import fi.luotsi.http.HttpServer;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {
  private static final String APP_ID = "5e1f0c4a-9d2b-4c3e-8f71-2a6b9c0d1e2f";

  private static Optional<TeamsAdapter.Settings> read(Map<String, String> env, boolean loopback) {
    return TeamsAdapter.Settings.fromEnvironment(new Environment(env), loopback);
  }

  @Test
  void runsLocalModeOnLoopbackWithoutCredentials() {
    TeamsAdapter.Settings settings = read(Map.of(), true).orElseThrow();

    assertThat(settings.localMode()).isTrue();
    assertThat(settings.problems()).isEmpty();
  }

  @Test
  void staysOffOnAPublicAddressWithoutCredentials() {
    assertThat(read(Map.of(), false)).isEmpty();
  }

  @Test
  void refusesLocalModeOnAPublicAddressUnlessRequested() {
    TeamsAdapter.Settings withoutFlag =
        new TeamsAdapter.Settings(
            Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    assertThat(withoutFlag.problems()).singleElement().asString().contains("loopback");
    assertThatThrownBy(() -> adapter(withoutFlag))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("anonymous Teams access (local mode) is allowed only on a loopback");

    TeamsAdapter.Settings requested =
        read(Map.of("LUOTSI_TEAMS_LOCAL", "true"), false).orElseThrow();
    assertThat(requested.problems()).isEmpty();
  }

  @Test
  void refusesToRegisterLocalModeOnAServerThatIsNotOnLoopback() {
    TeamsAdapter.Settings claimsLoopback = read(Map.of(), true).orElseThrow();
    try (TeamsAdapter adapter = adapter(claimsLoopback);
        HttpServer everywhere = new HttpServer("0.0.0.0", 0, 1000)) {
      assertThatThrownBy(() -> adapter.register(everywhere))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("0.0.0.0");
    }
  }

  @Test
  void reportsEveryInconsistencyAtOnce() {
    TeamsAdapter.Settings settings =
        read(
                Map.of(
                    "MICROSOFT_APP_ID", APP_ID,
                    "MICROSOFT_APP_TENANT_ID", "not a tenant!",
                    "LUOTSI_TEAMS_LOCAL", "yes"),
                false)
            .orElseThrow();

    assertThat(settings.problems())
        .containsExactly(
            "MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not",
            "MICROSOFT_APP_TENANT_ID must be a tenant id (GUID) or domain, was 'not a tenant!'",
            "LUOTSI_TEAMS_LOCAL=true asks for anonymous local mode, but MICROSOFT_APP_ID is set;"
                + " unset one of them");
    assertThat(
            read(Map.of("MICROSOFT_APP_PASSWORD", "pw", "MICROSOFT_APP_TENANT_ID", "x"), true)
                .orElseThrow()
                .problems())
        .containsExactly(
            "MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not",
            "MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_ID is not");
  }

  @Test
  void rejectsAnUnclearLocalFlag() {
    assertThatThrownBy(() -> read(Map.of("LUOTSI_TEAMS_LOCAL", "maybe"), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("LUOTSI_TEAMS_LOCAL must be true or false");
  }

  @Test
  void neverShowsThePassword() {
    TeamsAdapter.Settings settings =
        read(Map.of("MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", "s3cr3t-value"), false)
            .orElseThrow();

    assertThat(settings.problems()).isEmpty();
    assertThat(settings.toString()).contains(APP_ID).contains("***").doesNotContain("s3cr3t");
  }

  private static TeamsAdapter adapter(TeamsAdapter.Settings settings) {
    return new TeamsAdapter(settings, message -> null, new JdbcDataSource(), Clock.systemUTC());
  }
}
