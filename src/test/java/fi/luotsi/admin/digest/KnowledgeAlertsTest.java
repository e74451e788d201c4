package fi.luotsi.admin.digest;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.admin.AuditLog;
import fi.luotsi.admin.KnowledgeStatus;
import fi.luotsi.admin.expert.ExpertQuestions;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.config.Roles;
import fi.luotsi.config.Settings;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.FakePlatformMessenger;
import fi.luotsi.delivery.Pacing;
import fi.luotsi.delivery.RetryPolicy;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import fi.luotsi.store.Database;
import fi.luotsi.testing.MutableClock;
import fi.luotsi.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KnowledgeAlertsTest {
  private static final KnowledgeProblem NO_TITLE =
      new KnowledgeProblem("esteellisyys/uusi.md", 1, "front matter has no title");
  private static final KnowledgeProblem BAD_RULE =
      new KnowledgeProblem("synonyms.txt", 4, "rule does not parse");

  private final Database db = TestDatabases.h2();
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-10T12:00:00Z"));
  private final FakePlatformMessenger slack = new FakePlatformMessenger(Platform.SLACK, clock);
  private final DeliveryService delivery =
      new DeliveryService(
          db.dataSource(),
          List.of(slack),
          clock,
          Pacing.unlimited(),
          new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 2),
          DeliveryService.Sleeper.real(),
          2,
          Duration.ofSeconds(30));
  private final AuditLog audit = new AuditLog(db.dataSource(), clock);

  @AfterEach
  void close() {
    db.close();
  }

  private KnowledgeAlerts alerts(Set<String> admins) {
    Settings settings =
        new Settings(
            Map.of(Language.FI, "Kysy järjestäjiltä."),
            new Roles(Set.of(), admins),
            20,
            Duration.ofDays(90),
            1_000_000,
            Settings.Experts.none(),
            Settings.Digest.standard());
    WeeklyDigest reach =
        new WeeklyDigest(
            db.dataSource(),
            new ExpertQuestions(db.dataSource()),
            settings,
            delivery,
            audit,
            new Pseudonyms(new byte[32]),
            clock);
    return new KnowledgeAlerts(reach, delivery, audit);
  }

  private static KnowledgeStatus status(List<KnowledgeProblem> problems, List<String> kept) {
    return new KnowledgeStatus(3, 10, 4, Instant.EPOCH, problems, kept);
  }

  @Test
  void aRefusedFileIsToldToEveryAdministratorWithFileLineAndReason() throws Exception {
    try (KnowledgeAlerts alerts = alerts(Set.of("slack:U0ADMIN", "slack:U0OTHER"))) {
      alerts.accept(status(List.of(NO_TITLE), List.of("esteellisyys/uusi.md")));
      alerts.drain();
    }

    assertThat(slack.deliveredCounts()).containsOnlyKeys("U0ADMIN", "U0OTHER");
    assertThat(slack.arrivals().get(0).message().plainText())
        .contains(
            "esteellisyys/uusi.md:1: front matter has no title (tiedoston edellinen versio vastaa"
                + " yhä)");
  }

  @Test
  void theSameProblemsAreToldOnceAlsoAfterARestartOrOnAnotherInstance() throws Exception {
    try (KnowledgeAlerts first = alerts(Set.of("slack:U0ADMIN"))) {
      first.accept(status(List.of(NO_TITLE), List.of()));
      first.accept(status(List.of(NO_TITLE), List.of())); // a reload that changed nothing
      first.drain();
    }
    try (KnowledgeAlerts restarted = alerts(Set.of("slack:U0ADMIN"))) {
      restarted.accept(status(List.of(NO_TITLE), List.of()));
      restarted.drain();
    }

    assertThat(slack.deliveredCounts()).containsExactly(Map.entry("U0ADMIN", 1));
  }

  @Test
  void aNewProblemIsNewsButAFixedOneIsNot() throws Exception {
    try (KnowledgeAlerts alerts = alerts(Set.of("slack:U0ADMIN"))) {
      alerts.accept(status(List.of(NO_TITLE), List.of()));
      alerts.accept(status(List.of(NO_TITLE, BAD_RULE), List.of()));
      alerts.accept(status(List.of(BAD_RULE), List.of())); // NO_TITLE fixed
      alerts.accept(status(List.of(), List.of()));
      alerts.drain();
    }

    assertThat(slack.arrivals()).hasSize(2);
    assertThat(slack.arrivals().get(1).message().plainText())
        .contains("synonyms.txt:4: rule does not parse");
  }

  @Test
  void withoutAdministratorsNothingIsSent() throws Exception {
    try (KnowledgeAlerts alerts = alerts(Set.of())) {
      alerts.accept(status(List.of(NO_TITLE), List.of()));
      alerts.drain();
    }

    assertThat(slack.calls()).isZero();
  }
}
