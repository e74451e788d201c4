package fi.luotsi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.admin.KnowledgeVersions.Action;
import fi.luotsi.admin.KnowledgeVersions.Change;
import fi.luotsi.admin.KnowledgeVersions.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The knowledge version store's behaviour, run against H2 and PostgreSQL by subclasses. */
abstract class KnowledgeVersionsContract {
  static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");

  final AdjustableClock clock = new AdjustableClock(NOW);
  KnowledgeVersions versions;
  PendingChanges pending;

  /** A fresh, migrated database. */
  abstract DataSource dataSource();

  @BeforeEach
  void setUpStore() {
    versions = new KnowledgeVersions(dataSource(), clock);
    pending = new PendingChanges(dataSource(), clock);
  }

  private static Change change(String path, String content, Action action) {
    return new Change(path, Optional.ofNullable(content), action, "slack:U1", "");
  }

  @Test
  void numbersChangesInOrderAndKeepsEveryVersion() {
    assertThat(versions.head()).isZero();
    String big = "ä€😀 rivi\n".repeat(20_000); // > 200 KiB of non-ASCII text

    long first = versions.publish(List.of(change("a.md", "yksi", Action.ADD)), 0).orElseThrow();
    clock.advance(Duration.ofMinutes(1));
    long second =
        versions.publish(List.of(change("a.md", big, Action.REPLACE)), first).orElseThrow();
    long removal = versions.publish(List.of(change("b.md", null, Action.REMOVE)), 0).orElseThrow();

    assertThat(second).isGreaterThan(first);
    assertThat(removal).isGreaterThan(second);
    assertThat(versions.head()).isEqualTo(removal);
    Version latest = versions.latest("a.md").orElseThrow();
    assertThat(latest.content()).contains(big);
    assertThat(latest.sha256()).contains(KnowledgeVersions.sha256(big));
    assertThat(latest.action()).isEqualTo(Action.REPLACE);
    assertThat(latest.at()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    assertThat(versions.history("a.md", 10)).extracting(Version::id).containsExactly(second, first);
    assertThat(versions.version(removal).orElseThrow().removed()).isTrue();
    assertThat(versions.version(removal).orElseThrow().sha256()).isEmpty();
    assertThat(versions.latest(second)).containsOnlyKeys("a.md");
    assertThat(versions.latest(versions.head())).containsOnlyKeys("a.md", "b.md");
    assertThat(versions.latest(first).get("a.md").content()).contains("yksi");
  }

  @Test
  void storesNothingWhenThePathMovedSinceTheCallerLooked() {
    long first = versions.publish(List.of(change("a.md", "yksi", Action.ADD)), 0).orElseThrow();

    OptionalLong stale = versions.publish(List.of(change("a.md", "kaksi", Action.REPLACE)), 0);
    OptionalLong again =
        versions.publish(
            List.of(change("c.md", "vanha", Action.IMPORT), change("c.md", "uusi", Action.REPLACE)),
            first);

    assertThat(stale).isEmpty();
    assertThat(again).isEmpty();
    assertThat(versions.head()).isEqualTo(first);
  }

  @Test
  void storesAnImportAndItsChangeTogether() {
    long last =
        versions
            .publish(
                List.of(
                    change("c.md", "vanha", Action.IMPORT), change("c.md", "uusi", Action.REPLACE)),
                0)
            .orElseThrow();

    assertThat(versions.history("c.md", 10))
        .extracting(Version::action)
        .containsExactly(Action.REPLACE, Action.IMPORT);
    assertThat(versions.head()).isEqualTo(last);
  }

  @Test
  void concurrentWritersGetDistinctOrderedNumbersAndOnlyOneWinsAPath() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<OptionalLong>> writers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String path = "f" + i + ".md";
        writers.add(() -> versions.publish(List.of(change(path, "x", Action.ADD)), 0));
      }
      for (int i = 0; i < 8; i++) {
        writers.add(() -> versions.publish(List.of(change("same.md", "x", Action.ADD)), 0));
      }
      List<Long> ids = new ArrayList<>();
      int sameWins = 0;
      for (Future<OptionalLong> result : pool.invokeAll(writers)) {
        OptionalLong id = result.get();
        id.ifPresent(ids::add);
      }
      sameWins = versions.history("same.md", 10).size();

      assertThat(ids).doesNotHaveDuplicates().hasSize(17);
      assertThat(sameWins).isEqualTo(1);
      assertThat(versions.head())
          .isEqualTo(ids.stream().mapToLong(Long::longValue).max().orElseThrow());
      assertThat(versions.latest(versions.head())).hasSize(17);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPendingChangeIsTakenOnceByItsAuthorBeforeItExpires() {
    PendingChanges.Pending upload = pending.add("a.md", Optional.of("teksti ä"), 0, "slack:U1");
    PendingChanges.Pending removal = pending.add("b.md", Optional.empty(), 7, "slack:U1");
    PendingChanges.Pending late = pending.add("c.md", Optional.of("x"), 0, "slack:U1");

    assertThat(upload.id()).matches("[a-z2-9]{8}");
    assertThat(pending.take(upload.id(), "slack:U2")).isEmpty();
    assertThat(pending.take(upload.id(), "slack:U1"))
        .get()
        .satisfies(
            p -> {
              assertThat(p.content()).contains("teksti ä");
              assertThat(p.path()).isEqualTo("a.md");
            });
    assertThat(pending.take(upload.id(), "slack:U1")).isEmpty();
    assertThat(pending.take(removal.id(), "slack:U1").orElseThrow().content()).isEmpty();
    clock.advance(PendingChanges.LIFETIME.plusSeconds(1));
    assertThat(pending.take(late.id(), "slack:U1")).isEmpty();
  }
}
