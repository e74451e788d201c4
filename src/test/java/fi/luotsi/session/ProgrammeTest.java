package fi.luotsi.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.chat.Platform;
import fi.luotsi.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

  static final String VALID =
      """
      timezone: Europe/Helsinki
      reminders: [P7D, P1D, PT1H]
      groups:
        sysma:
          name: Sysmän luottamushenkilöt
          slack: [C0123ABCD, U0456EFGH]
          teams: ["19:abc@thread.tacv2"]
        hallitus:
          name: Kunnanhallitus
          slack: [C0999HALL]
      sessions:
        - id: sparraus-esteellisyys
          type: sparring
          title: "Eettisyys, esteellisyys ja julkisuus"
          start: 2027-03-04T17:00
          end: 2027-03-04T19:00
          location: Teams
          link: https://example.org/join
          description: "Kuvaus"
          audience: [sysma]
          topics: [esteellisyys, julkisuus]
          reminders: [P1D, PT1H]
        - id: seminaari
          type: seminar
          title: "Seminaari"
          start: 2027-04-01T09:00
          end: 2027-04-01T12:00
          audience: [sysma, hallitus]
      """;

  @Test
  void shippedProgrammeLoadsAndMatchesTheIssue() {
    Programme p = Programme.load(Path.of("config/sessions.yaml"));
    assertThat(p.zone()).isEqualTo(ZoneId.of("Europe/Helsinki"));
    assertThat(p.sessions()).hasSize(15);
    assertThat(p.sessions().stream().filter(s -> s.type() == SessionType.SEMINAR)).hasSize(4);
    assertThat(p.sessions().stream().filter(s -> s.type() == SessionType.SPARRING)).hasSize(6);
    assertThat(p.sessions().stream().filter(s -> s.type() == SessionType.WORKSHOP)).hasSize(5);
    Instant today = Instant.parse("2026-11-28T10:00:00Z");
    assertThat(p.sessions()).allMatch(s -> s.isUpcoming(today));
    Set<String> tags =
        Set.of(
            "luottamushenkilo",
            "paatoksenteko",
            "valtuustokausi",
            "esteellisyys",
            "julkisuus",
            "etiikka",
            "some",
            "talous",
            "talousarvio",
            "strategia",
            "hallintosaanto");
    assertThat(p.sessions()).allMatch(s -> !s.topics().isEmpty() && tags.containsAll(s.topics()));
    assertThat(p.sessions().stream().flatMap(s -> s.topics().stream()).distinct())
        .containsExactlyInAnyOrderElementsOf(tags);
  }

  @Test
  void readsEveryField() {
    Programme p = Programme.parse(VALID, "sessions.yaml");
    Session s = p.session("sparraus-esteellisyys").orElseThrow();
    assertThat(s.type()).isEqualTo(SessionType.SPARRING);
    assertThat(s.startInstant()).isEqualTo(Instant.parse("2027-03-04T15:00:00Z"));
    assertThat(s.location()).contains("Teams");
    assertThat(s.link()).contains("https://example.org/join");
    assertThat(s.reminders()).containsExactly(Duration.ofDays(1), Duration.ofHours(1));
    assertThat(p.session("seminaari").orElseThrow().reminders())
        .containsExactly(Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(1));
    assertThat(p.recipients(p.session("seminaari").orElseThrow()))
        .extracting(Object::toString)
        .containsExactly(
            "slack:C0123ABCD", "slack:U0456EFGH", "teams:19:abc@thread.tacv2", "slack:C0999HALL");
  }

  @Test
  void summerSessionIsThreeHoursAheadOfUtc() {
    Programme p =
        Programme.parse(VALID.replace("2027-04-01T09:00", "2027-04-01T09:00"), "sessions.yaml");
    assertThat(p.session("seminaari").orElseThrow().startInstant())
        .isEqualTo(Instant.parse("2027-04-01T06:00:00Z"));
  }

  @Test
  void groupsOfAUserAreThoseListingTheUserOrTheChannelTheyWriteIn() {
    Programme p = Programme.parse(VALID, "sessions.yaml");
    assertThat(p.groupsOf(Platform.SLACK, "U0456EFGH", "D1")).containsExactly("sysma");
    assertThat(p.groupsOf(Platform.SLACK, "U0000OTHER", "C0999HALL")).containsExactly("hallitus");
    assertThat(p.groupsOf(Platform.SLACK, "U0000OTHER", "D1")).isEmpty();
    assertThat(p.groupsOf(Platform.TEAMS, "29:x", "19:abc@thread.tacv2")).containsExactly("sysma");
    assertThat(p.upcoming(Instant.parse("2027-03-10T00:00:00Z"), Set.of("hallitus")))
        .extracting(Session::id)
        .containsExactly("seminaari");
  }

  @Test
  void reportsEveryProblemWithFileLineAndSession() {
    String broken =
        """
        timezone: Europe/Helsinki
        reminders: [P7D, tomorrow]
        groups:
          sysma:
            name: Sysmä
            slack: [C0123ABCD, not-an-id]
            chanels: []
        sessions:
          - id: a
            type: sparring
            title: A
            start: 2027-03-04T17:00
            end: 2027-03-04T16:00
            audience: [sysma]
          - id: b
            type: party
            title: B
            start: 2027-13-04T17:00
            end: 2027-03-04T19:00
            audience: [sysma, nobody]
            colour: red
          - id: c
            type: seminar
            title: C
            start: 2027-03-28T03:30
            end: 2027-03-28T05:00
            audience: [sysma]
          - id: a
            type: workshop
            title: duplicate
            start: 2027-03-04T17:00
            end: 2027-03-04T19:00
            audience: []
        """;
    assertThatThrownBy(() -> Programme.parse(broken, "config/sessions.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config/sessions.yaml:2: reminder offset 'tomorrow'")
        .hasMessageContaining(
            "config/sessions.yaml:6: group 'sysma': 'not-an-id' is not a Slack channel")
        .hasMessageContaining("config/sessions.yaml:7: group 'sysma': unknown key 'chanels'")
        .hasMessageContaining(
            "config/sessions.yaml:13: session 'a': end 2027-03-04T16:00 is not after start")
        .hasMessageContaining("config/sessions.yaml:16: session 'b': type 'party'")
        .hasMessageContaining("config/sessions.yaml:18: session 'b': start '2027-13-04T17:00'")
        .hasMessageContaining("config/sessions.yaml:20: session 'b': unknown group 'nobody'")
        .hasMessageContaining("config/sessions.yaml:21: session 'b': unknown key 'colour'")
        .hasMessageContaining("config/sessions.yaml:25: session 'c': start 2027-03-28T03:30")
        .hasMessageContaining("config/sessions.yaml:28: session 'a': the id is used by another")
        .hasMessageContaining("config/sessions.yaml:33: session 'a': audience lists no group");
  }

  @Test
  void reportsBrokenYamlWithItsLine() {
    assertThatThrownBy(() -> Programme.parse("groups:\n  a: [\n", "x.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("x.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void reportsMissingRequiredKeys() {
    assertThatThrownBy(
            () ->
                Programme.parse(
                    "groups: {g: {name: G}}\nsessions:\n  - id: x\n    type: seminar\n", "s.yaml"))
        .hasMessageContaining("s.yaml:3: session 'x': 'title' is missing")
        .hasMessageContaining("s.yaml:3: session 'x': 'start' is missing")
        .hasMessageContaining("'audience' is missing");
  }
}
