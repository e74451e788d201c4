package fi.luotsi.admin;

import static fi.luotsi.admin.KnowledgeFiles.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.Conversation;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.MemoryQuestionLog;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import fi.luotsi.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Luotsi instances, each with its own knowledge directory, index, connection pool and chat
 * core, over one PostgreSQL, synchronising at the default interval: an upload published on one is
 * answered by the other within the promised 30 seconds and both report the same knowledge change; a
 * rollback reaches both; with the database down both keep answering the last knowledge.
 */
class KnowledgeClusterIT {
  private static final Duration PROMISE = Duration.ofSeconds(30);
  private static final String ADMIN = "UADMIN";
  private static final String QUESTION = "Mikä on kassavaranto?";
  private static final String KASSA =
      file("Talous", QUESTION, "Kassavaranto on kunnan tilillä oleva raha.");

  @TempDir Path root;
  private final Clock clock = Clock.systemUTC();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private EmbeddedPostgres postgres;
  private Instance a;
  private Instance b;

  @BeforeEach
  void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    toClose.add(postgres);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    Database.open(url, "postgres", "postgres").close(); // migrates
    a = new Instance("a", url);
    b = new Instance("b", url);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  /** One instance: what {@code Application} builds for knowledge, over its own directory. */
  private final class Instance {
    final Path dir;
    final LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null);
    final ManagedKnowledge managed;
    final Conversation conversation;

    Instance(String name, String url) {
      dir = root.resolve(name);
      KnowledgeFiles.write(
          dir, "tilat/kellari.md", file("Tilat", "Mikä on pyöräkellari?", "Alakerrassa."));
      // The production pool waits 30 s for a connection; a short wait lets the outage show sooner.
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername("postgres");
      config.setPassword("postgres");
      config.setConnectionTimeout(1000);
      config.setMaximumPoolSize(4);
      HikariDataSource database = new HikariDataSource(config);
      toClose.add(database);
      toClose.add(index);
      LiveKnowledge live = new LiveKnowledge(dir, index, clock);
      Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
      managed =
          new ManagedKnowledge(
                  database,
                  dir,
                  live,
                  new AuditLog(database, clock),
                  new Roles(Set.of(), Set.of("slack:" + ADMIN)),
                  pseudonyms,
                  clock)
              .start();
      toClose.add(managed);
      conversation =
          new Conversation(
              new AnswerEngine(index),
              index::sections,
              new MemoryQuestionLog(),
              pseudonyms,
              language -> "Kysy järjestäjiltä.",
              List.of(managed.command()),
              1000,
              clock);
    }

    Reply say(String text) {
      return conversation.handle(IncomingMessage.text(Platform.SLACK, ADMIN, "D1", text));
    }

    Reply press(Button button) {
      return conversation.handle(
          new IncomingMessage(
              Platform.SLACK,
              ADMIN,
              "D1",
              button.value(),
              button.action(),
              Optional.empty(),
              true));
    }

    boolean answers(String question, String text) {
      Reply reply = say(question);
      return reply.answered() && String.join(" ", reply.paragraphs()).contains(text);
    }
  }

  private Reply upload(Instance instance, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return instance.conversation.handle(
        IncomingMessage.text(Platform.SLACK, ADMIN, "D1", "")
            .withAttachments(
                List.of(
                    new fi.luotsi.chat.Attachment(
                        "kassa.md", bytes.length, Optional.of("text/markdown"), max -> bytes))));
  }

  private static Button publish(Reply preview) {
    return preview.buttons().stream()
        .filter(x -> x.label().equals("Julkaise"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no preview: " + preview.plainText()));
  }

  @Test
  void anUploadOnOneInstanceIsAnsweredByTheOtherAndARollbackReachesBoth() {
    assertThat(a.answers(QUESTION, "Kassavaranto")).isFalse();
    assertThat(b.answers(QUESTION, "Kassavaranto")).isFalse();

    Button button = publish(upload(a, KASSA));
    long started = System.nanoTime();
    Reply published = a.press(button);
    System.out.printf(
        "KnowledgeClusterIT: publishing on A (store, write, reload) took %d ms%n",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(published.plainText())
        .startsWith("Julkaisin tiedoston lisatyt/kassa.md: tietopankin muutos 1.");
    assertThat(a.answers(QUESTION, "kunnan tilillä"))
        .isTrue(); // at once on the publishing instance
    await().atMost(PROMISE).until(() -> b.answers(QUESTION, "kunnan tilillä"));
    System.out.printf(
        "KnowledgeClusterIT: upload published on A answered on B after %d ms%n",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(a.managed.appliedChange()).isEqualTo(1);
    assertThat(b.managed.appliedChange()).isEqualTo(1);

    a.press(publish(upload(a, KASSA.replace("kunnan tilillä", "pankissa"))));
    await().atMost(PROMISE).until(() -> b.answers(QUESTION, "pankissa"));
    assertThat(b.say("tietopankki historia lisatyt/kassa.md").plainText())
        .contains("• 2 · ")
        .contains("• 1 · ");

    started = System.nanoTime();
    Reply rolledBack = b.say("tietopankki palauta lisatyt/kassa.md 1");
    assertThat(rolledBack.plainText())
        .isEqualTo("Palautin tiedoston lisatyt/kassa.md versioon 1: tietopankin muutos 3.");
    await().atMost(PROMISE).until(() -> a.answers(QUESTION, "kunnan tilillä"));
    System.out.printf(
        "KnowledgeClusterIT: rollback on B answered on A after %d ms%n",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(b.answers(QUESTION, "kunnan tilillä")).isTrue();
    assertThat(a.managed.appliedChange()).isEqualTo(3);
    assertThat(b.managed.appliedChange()).isEqualTo(3);
    assertThat(a.managed.describe()).isEqualTo("knowledge change 3");
  }

  @Test
  void bothKeepAnsweringTheLastKnowledgeWhileTheDatabaseIsDown() throws Exception {
    a.press(publish(upload(a, KASSA)));
    await().atMost(PROMISE).until(() -> b.managed.appliedChange() == 1);

    postgres.close();

    await()
        .atMost(PROMISE)
        .until(
            () ->
                a.managed.describe().contains("synchronising fails")
                    && b.managed.describe().contains("synchronising fails"));
    assertThat(a.answers(QUESTION, "kunnan tilillä")).isTrue();
    assertThat(b.answers(QUESTION, "kunnan tilillä")).isTrue();
    assertThat(b.answers("Mikä on pyöräkellari?", "Alakerrassa")).isTrue();
    assertThat(a.managed.appliedChange()).isEqualTo(1);
    assertThat(b.managed.appliedChange()).isEqualTo(1);
  }
}
