package fi.luotsi.admin;

import static fi.luotsi.admin.KnowledgeFiles.file;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fi.luotsi.admin.KnowledgeVersions.Action;
import fi.luotsi.admin.KnowledgeVersions.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class KnowledgeSyncTest {
  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private KnowledgeStoreFixture kb;
  private KnowledgeVersions versions;
  private KnowledgeSync sync;

  @BeforeEach
  void setUp() {
    KnowledgeFiles.write(dir, "kasin.md", file("Käsin", "Mikä on käsin kirjoitettu?", "Tämä."));
    KnowledgeFiles.write(dir, "vanha.md", file("Vanha", "Mikä on vanha?", "Vanha tieto."));
    kb = new KnowledgeStoreFixture(dir);
    versions = new KnowledgeVersions(kb.db.database.dataSource(), kb.db.clock);
    sync = new KnowledgeSync(versions, dir, kb.live, kb.db.clock);
    logs.start();
    ((Logger) LoggerFactory.getLogger(KnowledgeSync.class)).addAppender(logs);
  }

  @AfterEach
  void tearDown() {
    ((Logger) LoggerFactory.getLogger(KnowledgeSync.class)).detachAppender(logs);
    sync.close();
    kb.close();
  }

  private long store(String path, String content, Action action) {
    long base = versions.latest(path).map(KnowledgeVersions.Version::id).orElse(0L);
    return versions
        .publish(
            List.of(new Change(path, Optional.ofNullable(content), action, "cli:test", "")), base)
        .orElseThrow();
  }

  @Test
  void writesTheNewestVersionOfManagedFilesRemovesRemovedOnesAndLeavesOthersAlone() {
    String uusi = file("Uusi", "Mikä on uusi?", "Uusi tieto.");
    store("a/uusi.md", file("Uusi", "Mikä on uusi?", "Ensimmäinen."), Action.ADD);
    store("a/uusi.md", uusi, Action.REPLACE);
    store("vanha.md", null, Action.REMOVE);

    assertThat(sync.syncNow()).isEqualTo(3);

    assertThat(kb.read("a/uusi.md")).isEqualTo(uusi);
    assertThat(kb.exists("vanha.md")).isFalse();
    assertThat(kb.read("kasin.md")).contains("Tämä.");
    assertThat(kb.index.section("a/uusi.md#mikä-on-uusi")).isPresent();
    assertThat(kb.index.section("vanha.md#mikä-on-vanha")).isEmpty();
    assertThat(sync.applied()).isEqualTo(3);
    assertThat(sync.describe()).isEqualTo("knowledge change 3");
    assertThat(dir.toFile().list()).doesNotContain(".luotsi-");
  }

  @Test
  void doesNothingWhileTheChangeNumberStands() {
    store("a/uusi.md", file("Uusi", "Mikä on uusi?", "Uusi tieto."), Action.ADD);
    sync.syncNow();
    long revision = kb.live.status().revision();

    sync.syncNow();
    sync.tick();

    assertThat(kb.live.status().revision()).isEqualTo(revision);
  }

  @Test
  void keepsServingAndWarnsOnceWhenTheDatabaseIsDownThenCatchesUp() {
    store("a/uusi.md", file("Uusi", "Mikä on uusi?", "Uusi tieto."), Action.ADD);
    sync.syncNow();
    kb.db.database.close(); // the pool refuses every connection from now on

    sync.tick();
    sync.tick();
    sync.tick();

    assertThat(kb.index.section("a/uusi.md#mikä-on-uusi")).isPresent();
    assertThat(sync.applied()).isEqualTo(1);
    assertThat(sync.describe()).startsWith("knowledge change 1; synchronising fails since");
    assertThat(logs.list.stream().filter(e -> e.getLevel() == Level.WARN))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getFormattedMessage())
                    .startsWith("Knowledge synchronisation failed:")
                    .endsWith("Still serving knowledge change 1; retrying."));
  }
}
