package fi.luotsi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.QuestionLog.Entry;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcQuestionLogIT {
  private static final Instant ASKED = Instant.parse("2027-03-04T15:00:00Z");
  private static final String SECTION = "esteellisyys/perusteet.md#milloin-olen-esteellinen";

  private Database database;
  private JdbcQuestionLog log;

  @BeforeEach
  void open() {
    database = Database.open(Database.inMemoryUrl("questions-" + UUID.randomUUID()), "sa", "");
    log = new JdbcQuestionLog(database.dataSource());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static Entry entry(String id, Optional<String> section) {
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
    Entry answered = entry("q-1", Optional.of(SECTION));
    Entry unanswered =
        new Entry(
            "q-2", ASKED.plusMillis(1500), "u2", Platform.TEAMS, "sv", "Vad?", Optional.empty(), 0);

    log.record(answered);
    log.record(unanswered);

    assertThat(log.find("q-1")).contains(answered);
    assertThat(log.find("q-2")).contains(unanswered);
    assertThat(log.find("q-2").orElseThrow().answered()).isFalse();
  }

  @Test
  void anUnknownQuestionIsNotFound() {
    assertThat(log.find("no-such-question")).isEmpty();
  }

  @Test
  void keepsALongQuestionWhole() {
    Entry entry =
        new Entry("q-long", ASKED, "u", Platform.WEB, "fi", "ä".repeat(2000), Optional.empty(), 0);

    log.record(entry);

    assertThat(log.find("q-long").orElseThrow().question()).hasSize(2000);
  }

  @Test
  void feedbackIsStoredPerPersonAndCountedForTheSection() {
    log.record(entry("q-1", Optional.of(SECTION)));

    assertThat(log.feedback("q-1", "user-a", true, ASKED.plusSeconds(5))).isTrue();
    assertThat(log.feedback("q-1", "user-b", false, ASKED.plusSeconds(6))).isTrue();

    assertThat(log.votes(SECTION)).containsExactly(1, 1);
  }

  @Test
  void aSecondVoteByTheSamePersonReplacesTheFirst() {
    log.record(entry("q-1", Optional.of(SECTION)));

    log.feedback("q-1", "user-a", true, ASKED.plusSeconds(5));
    log.feedback("q-1", "user-a", false, ASKED.plusSeconds(9));

    assertThat(log.votes(SECTION)).containsExactly(0, 1);
  }

  @Test
  void feedbackOnAnUnknownQuestionIsRefusedAndStoresNothing() {
    assertThat(log.feedback("forged", "user-a", true, ASKED)).isFalse();
    assertThat(log.votes(SECTION)).containsExactly(0, 0);
  }

  @Test
  void votesAreCountedPerSection() {
    log.record(entry("q-1", Optional.of(SECTION)));
    log.record(entry("q-2", Optional.of("talous/talousarvio.md#mikä-on-talousarvio")));

    log.feedback("q-1", "user-a", true, ASKED);
    log.feedback("q-2", "user-a", true, ASKED);
    log.feedback("q-2", "user-b", true, ASKED);

    assertThat(log.votes(SECTION)).containsExactly(1, 0);
    assertThat(log.votes("talous/talousarvio.md#mikä-on-talousarvio")).containsExactly(2, 0);
  }

  @Test
  void aDuplicateQuestionIdIsAStoreErrorNamingTheQuestion() {
    log.record(entry("q-1", Optional.of(SECTION)));

    assertThatThrownBy(() -> log.record(entry("q-1", Optional.empty())))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("q-1");
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
