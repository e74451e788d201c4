package fi.luotsi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.chat.MemoryQuestionLog;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.QuestionLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BufferedQuestionLogTest {
  /** The memory log behind a switch that makes every call fail like a database that is away. */
  static final class SwitchedLog implements QuestionLog {
    final MemoryQuestionLog stored = new MemoryQuestionLog();
    final AtomicBoolean down = new AtomicBoolean();

    private void check() {
      if (down.get()) {
        throw new StoreException("cannot log question", new java.sql.SQLException("refused"));
      }
    }

    @Override
    public void record(Entry entry) {
      check();
      stored.record(entry);
    }

    @Override
    public Optional<Entry> find(String id) {
      check();
      return stored.find(id);
    }

    @Override
    public boolean feedback(String questionId, String userRef, boolean helpful, Instant at) {
      check();
      return stored.feedback(questionId, userRef, helpful, at);
    }
  }

  private static QuestionLog.Entry entry(String id) {
    return new QuestionLog.Entry(
        id, Instant.EPOCH, "ref", Platform.WEB, "fi", "kysymys " + id, Optional.empty(), 0);
  }

  @Test
  void writesThroughWhileTheDatabaseWorks() {
    SwitchedLog store = new SwitchedLog();
    try (BufferedQuestionLog log = new BufferedQuestionLog(store, 10)) {
      log.record(entry("a"));
      assertThat(store.stored.find("a")).isPresent();
      assertThat(log.waiting()).isZero();
    }
  }

  @Test
  void keepsQuestionsDuringAnOutageAndWritesThemInOrderWhenTheDatabaseIsBack() {
    SwitchedLog store = new SwitchedLog();
    try (BufferedQuestionLog log = new BufferedQuestionLog(store, 10)) {
      store.down.set(true);
      log.record(entry("a"));
      log.record(entry("b"));
      assertThat(log.waiting()).isEqualTo(2);
      assertThat(log.find("b")).isPresent();

      store.down.set(false);
      await().atMost(Duration.ofSeconds(10)).until(() -> log.waiting() == 0);
      assertThat(store.stored.find("a")).isPresent();
      assertThat(store.stored.find("b")).isPresent();
      log.record(entry("c"));
      assertThat(store.stored.find("c")).isPresent();
    }
  }

  @Test
  void dropsWhatDoesNotFitAndKeepsAnswering() {
    SwitchedLog store = new SwitchedLog();
    try (BufferedQuestionLog log = new BufferedQuestionLog(store, 2)) {
      store.down.set(true);
      for (int i = 0; i < 5; i++) {
        log.record(entry("q" + i));
      }
      assertThat(log.waiting()).isEqualTo(2);
      store.down.set(false);
      await().atMost(Duration.ofSeconds(10)).until(() -> log.waiting() == 0);
      assertThat(store.stored.find("q0")).isPresent();
      assertThat(store.stored.find("q1")).isPresent();
      assertThat(store.stored.find("q2")).isEmpty();
    }
  }
}
