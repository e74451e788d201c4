package fi.luotsi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.QuestionLog.Entry;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbcQuestionLogIT {
  private static final Instant ASKED = Instant.parse("2027-03-04T15:00:00Z");
  private static Database database;
  private static JdbcQuestionLog log;

  // One database for the class; each test uses its own question and section ids.
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String section = "esteellisyys/perusteet.md#milloin-olen-esteellinen-" + run;
  private final String budget = "talous/talousarvio.md#mikä-on-talousarvio-" + run;

  @BeforeAll
  static void open() {
    database = Database.open(Database.inMemoryUrl("questions-" + UUID.randomUUID()), "sa", "");
    log = new JdbcQuestionLog(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private String id(String name) {
    return name + "-" + run;
  }

  private Entry entry(String id, Optional<String> section) {
    return new Entry(
        id,
        ASKED,
        "a1b2c3d4e5f60718",
        Platform.SLACK,
        "fi",
        "Milloin olen esteellinen?",
        section,
        0.75);
  }

  @Test
  void aRecordedQuestionIsFoundAsItWasRecorded() {
    Entry answered = entry(id("q-1"), Optional.of(section));
    Entry unanswered =
        new Entry(
            id("q-2"),
            ASKED.plusMillis(1500),
            "u2",
            Platform.TEAMS,
            "sv",
            "Vad?",
            Optional.empty(),
            0);

    log.record(answered);
    log.record(unanswered);

    assertThat(log.find(id("q-1"))).contains(answered);
    assertThat(log.find(id("q-2"))).contains(unanswered);
    assertThat(log.find(id("q-2")).orElseThrow().answered()).isFalse();
  }

  @Test
  void anUnknownQuestionIsNotFound() {
    assertThat(log.find("no-such-question")).isEmpty();
  }

  @Test
  void keepsALongQuestionWhole() {
    Entry entry =
        new Entry(
            id("q-long"), ASKED, "u", Platform.WEB, "fi", "ä".repeat(2000), Optional.empty(), 0);

    log.record(entry);

    assertThat(log.find(id("q-long")).orElseThrow().question()).hasSize(2000);
  }

  @Test
  void feedbackIsStoredPerPersonAndCountedForTheSection() {
    log.record(entry(id("q-1"), Optional.of(section)));

    assertThat(log.feedback(id("q-1"), "user-a", true, ASKED.plusSeconds(5))).isTrue();
    assertThat(log.feedback(id("q-1"), "user-b", false, ASKED.plusSeconds(6))).isTrue();

    assertThat(log.votes(section)).containsExactly(1, 1);
  }

  @Test
  void aSecondVoteByTheSamePersonReplacesTheFirst() {
    log.record(entry(id("q-1"), Optional.of(section)));

    log.feedback(id("q-1"), "user-a", true, ASKED.plusSeconds(5));
    log.feedback(id("q-1"), "user-a", false, ASKED.plusSeconds(9));

    assertThat(log.votes(section)).containsExactly(0, 1);
  }

  @Test
  void feedbackOnAnUnknownQuestionIsRefusedAndStoresNothing() {
    assertThat(log.feedback("forged", "user-a", true, ASKED)).isFalse();
    assertThat(log.votes(section)).containsExactly(0, 0);
  }

  @Test
  void votesAreCountedPerSection() {
    log.record(entry(id("q-1"), Optional.of(section)));
    log.record(entry(id("q-2"), Optional.of(budget)));

    log.feedback(id("q-1"), "user-a", true, ASKED);
    log.feedback(id("q-2"), "user-a", true, ASKED);
    log.feedback(id("q-2"), "user-b", true, ASKED);

    assertThat(log.votes(section)).containsExactly(1, 0);
    assertThat(log.votes(budget)).containsExactly(2, 0);
  }

  @Test
  void aDuplicateQuestionIdIsAStoreErrorNamingTheQuestion() {
    log.record(entry(id("q-1"), Optional.of(section)));

    assertThatThrownBy(() -> log.record(entry(id("q-1"), Optional.empty())))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(id("q-1"));
  }

  @Test
  void theDatabaseIsReachableOnceMigrated() {
    assertThat(database.isReachable()).isTrue();
    assertThat(database.isPostgres()).isFalse();
  }

  @Test
  void aDatabaseThatCannotBeOpenedIsAStoreErrorWithoutThePassword() {
    assertThatThrownBy(
            () -> Database.open("jdbc:nosuchdriver:luotsi;password=hunter2", "sa", "hunter2"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect to database")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("hunter2");
  }
}
