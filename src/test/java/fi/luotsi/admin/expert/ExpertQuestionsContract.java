package fi.luotsi.admin.expert;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.admin.expert.ExpertQuestions.Asker;
import fi.luotsi.admin.expert.ExpertQuestions.NewQuestion;
import fi.luotsi.admin.expert.ExpertQuestions.Question;
import fi.luotsi.chat.Platform;
import fi.luotsi.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the expert-question store must do on every database Luotsi runs on. */
abstract class ExpertQuestionsContract {
  static final Instant T = Instant.parse("2027-03-10T12:00:00Z");

  private Database database;
  private ExpertQuestions store;

  abstract Database open() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    database = open();
    store = new ExpertQuestions(database.dataSource());
  }

  @AfterEach
  void tearDown() {
    database.close();
  }

  private Question add(String ref, String userRef, Instant at) {
    return store
        .add(
            new NewQuestion(
                ref,
                userRef,
                Platform.SLACK,
                "fi",
                "Saako valtuutettu palkkion?",
                false,
                new Asker("U0ASKER", "D0ASKER", true),
                at))
        .orElseThrow();
  }

  @Test
  void storesAQuestionOncePerLoggedQuestion() {
    Question q = add("ref-1", "user-a", T);
    assertThat(q.shortId()).isEqualTo("K" + q.id());
    assertThat(q.pending()).isTrue();
    assertThat(q.asker()).contains(new Asker("U0ASKER", "D0ASKER", true));
    assertThat(q.createdAt()).isEqualTo(T);
    assertThat(
            store.add(
                new NewQuestion(
                    "ref-1",
                    "user-a",
                    Platform.SLACK,
                    "fi",
                    "x",
                    true,
                    new Asker("U0ASKER", "D0ASKER", true),
                    T)))
        .isEmpty();
    assertThat(store.findByQuestionRef("ref-1")).contains(q);
    assertThat(store.pendingCount()).isEqualTo(1);
  }

  @Test
  void exactlyOneOfManyConcurrentAnswersWins() throws Exception {
    Question q = add("ref-1", "user-a", T);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String text = "vastaus " + i;
        answers.add(() -> store.answer(q.id(), text, "slack:U0ORG", T.plusSeconds(60)));
      }
      int winners = 0;
      for (Future<Boolean> f : pool.invokeAll(answers)) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    Question answered = store.find(q.id()).orElseThrow();
    assertThat(answered.status()).isEqualTo(ExpertQuestions.ANSWERED);
    assertThat(answered.answeredAt()).contains(T.plusSeconds(60));
    assertThat(store.pendingCount()).isZero();
  }

  @Test
  void relayingForgetsThePlatformIds() {
    Question q = add("ref-1", "user-a", T);
    store.answer(q.id(), "Kyllä.", "slack:U0ORG", T);
    store.relayed(q.id(), true);
    Question relayed = store.find(q.id()).orElseThrow();
    assertThat(relayed.asker()).isEmpty();
    assertThat(relayed.relay()).contains(ExpertQuestions.SENT);
  }

  @Test
  void oneKnowledgeEditPerQuestion() {
    Question q = add("ref-1", "user-a", T);
    assertThat(store.claimKnowledge(q.id())).isTrue();
    assertThat(store.claimKnowledge(q.id())).isFalse();
    store.releaseKnowledge(q.id());
    assertThat(store.claimKnowledge(q.id())).isTrue();
    store.madeKnowledge(q.id(), "a.md#b");
    assertThat(store.find(q.id()).orElseThrow().sectionId()).contains("a.md#b");
    assertThat(store.claimKnowledge(q.id())).isFalse();
  }

  @Test
  void erasesAPersonsQuestionsAndPurgesOldOnes() {
    add("ref-1", "user-a", T.minus(Duration.ofDays(100)));
    add("ref-2", "user-a", T);
    add("ref-3", "user-b", T.minus(Duration.ofDays(1)));
    assertThat(store.pending(10))
        .extracting(Question::questionRef)
        .map(r -> r.orElseThrow())
        .containsExactly("ref-1", "ref-3", "ref-2");
    assertThat(store.purge(T.minus(Duration.ofDays(90)))).isEqualTo(1);
    assertThat(store.byUser("user-a")).hasSize(1);
    assertThat(store.eraseUser("user-a")).isEqualTo(1);
    assertThat(store.byUser("user-a")).isEmpty();
    assertThat(store.pending(10)).hasSize(1);
  }
}
