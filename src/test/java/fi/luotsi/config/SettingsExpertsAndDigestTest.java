package fi.luotsi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsExpertsAndDigestTest {
  @TempDir Path dir;

  private Settings load(String yaml) throws Exception {
    Files.writeString(dir.resolve("luotsi.yaml"), yaml);
    return Settings.load(dir);
  }

  @Test
  void expertsAreOffAndTheDigestIsOnMondaysByDefault() throws Exception {
    Settings settings = load("questions_per_minute: 5\n");
    assertThat(settings.experts().configured()).isFalse();
    assertThat(settings.digest()).isEqualTo(Settings.Digest.standard());
    assertThat(Settings.defaults().experts()).isEqualTo(Settings.Experts.none());
    Settings empty = load("experts:\n  slack: \"\"\n  teams: \"\"\n");
    assertThat(empty.experts().configured()).isFalse();
  }

  @Test
  void readsTheDestinationsAndTheDigestTime() throws Exception {
    Settings settings =
        load(
            "experts:\n  slack: C0123ABCD\n  teams: \"19:abc@thread.tacv2\"\n"
                + "digest:\n  day: friday\n  time: \"15:30\"\n  enabled: false\n");
    assertThat(settings.experts())
        .isEqualTo(
            new Settings.Experts(Optional.of("C0123ABCD"), Optional.of("19:abc@thread.tacv2")));
    assertThat(settings.digest())
        .isEqualTo(new Settings.Digest(false, DayOfWeek.FRIDAY, LocalTime.of(15, 30)));
  }

  @Test
  void listsEveryProblemWithTheFile() {
    assertThatThrownBy(
            () ->
                load(
                    "experts:\n  slack: U0123ABCD\n  email: x\n"
                        + "digest:\n  day: someday\n  time: \"25:00\"\n  enabled: maybe\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("experts.slack must be a Slack channel id such as C0123ABCD")
        .hasMessageContaining("unknown key 'experts.email'")
        .hasMessageContaining("digest.day must be a weekday such as MONDAY")
        .hasMessageContaining("digest.time must be a time such as \"09:00\"")
        .hasMessageContaining("digest.enabled must be true or false")
        .hasMessageContaining("luotsi.yaml");
  }
}
