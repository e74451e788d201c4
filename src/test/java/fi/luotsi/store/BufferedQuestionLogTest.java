package fi.luotsi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.chat.MemoryQuestionLog;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.QuestionLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BufferedQuestionLogTest {
  /** The memory log behind a switch that makes every call fail like a database that is away. */
  static class SwitchedLog implements QuestionLog {
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

  @Test
  void questionsAskedWhileAWriteIsUnderWayAreWrittenTogetherInOneTransaction() throws Exception {
    CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
    List<List<String>> transactions = new CopyOnWriteArrayList<>();
    SwitchedLog store =
        new SwitchedLog() {
          @Override
          public void recordAll(List<Entry> entries) {
            transactions.add(entries.stream().map(Entry::id).toList());
            if (transactions.size() == 1) {
              try {
                firstWriteMayEnd.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }
            entries.forEach(this::record);
          }
        };
    try (BufferedQuestionLog log = new BufferedQuestionLog(store, 10);
        ExecutorService pool = Executors.newFixedThreadPool(6)) {
      Future<?> first = pool.submit(() -> log.record(entry("first")));
      await().atMost(Duration.ofSeconds(10)).until(() -> transactions.size() == 1);
      List<Future<?>> others = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String id = "q" + i;
        others.add(pool.submit(() -> log.record(entry(id))));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> log.queued() == 5);
      assertThat(others).noneMatch(Future::isDone); // a question is logged before its reply
      firstWriteMayEnd.countDown();
      first.get(10, TimeUnit.SECONDS);
      for (Future<?> other : others) {
        other.get(10, TimeUnit.SECONDS);
      }
      assertThat(transactions).hasSize(2);
      assertThat(transactions.get(1)).containsExactlyInAnyOrder("q0", "q1", "q2", "q3", "q4");
      for (String id : List.of("first", "q0", "q1", "q2", "q3", "q4")) {
        assertThat(store.stored.find(id)).isPresent();
      }
    }
  }

  @Test
  void aGroupThatCannotBeWrittenIsKeptWholeUntilTheDatabaseIsBack() {
    SwitchedLog store = new SwitchedLog();
    try (BufferedQuestionLog log = new BufferedQuestionLog(store, 10)) {
      store.down.set(true);
      log.record(entry("a"));
      assertThat(log.waiting()).isEqualTo(1);
      assertThat(log.queued()).isZero();
      store.down.set(false);
      await().atMost(Duration.ofSeconds(10)).until(() -> log.waiting() == 0);
      assertThat(store.stored.find("a")).isPresent();
    }
  }
}
