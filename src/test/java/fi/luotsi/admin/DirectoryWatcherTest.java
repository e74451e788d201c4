package fi.luotsi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWatcherTest {
  @TempDir Path dir;

  @Test
  void noticesAChangeByRescanWhenTheFileSystemSendsNoEvents() {
    AtomicInteger runs = new AtomicInteger();
    try (DirectoryWatcher watcher =
        new DirectoryWatcher(
            dir, runs::incrementAndGet, Duration.ofMillis(50), Duration.ofMillis(100), false)) {
      KnowledgeFiles.write(dir, "a.md", "x");

      await().atMost(Duration.ofSeconds(20)).until(() -> runs.get() >= 1);
    }
  }

  @Test
  void runsOnceForABurstOfChanges() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    try (DirectoryWatcher watcher =
        new DirectoryWatcher(
            dir, runs::incrementAndGet, Duration.ofSeconds(1), Duration.ofHours(1), true)) {
      for (int i = 0; i < 20; i++) {
        KnowledgeFiles.write(dir, "f" + i + ".md", "x");
      }

      await().atMost(Duration.ofSeconds(20)).until(() -> runs.get() >= 1);
      Thread.sleep(1500);
      assertThat(runs.get()).isBetween(1, 3);
    }
  }

  @Test
  void ignoresHiddenFilesAndFolders() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    try (DirectoryWatcher watcher =
        new DirectoryWatcher(
            dir, runs::incrementAndGet, Duration.ofMillis(50), Duration.ofMillis(100), true)) {
      java.nio.file.Files.writeString(dir.resolve(".a.md.swp"), "x");
      java.nio.file.Files.createDirectories(dir.resolve(".git/objects"));
      java.nio.file.Files.writeString(dir.resolve(".git/objects/1"), "x");
      Thread.sleep(1000);
      assertThat(runs.get()).isZero();

      KnowledgeFiles.write(dir, "a.md", "x");
      await().atMost(Duration.ofSeconds(20)).until(() -> runs.get() >= 1);
    }
  }

  @Test
  void retriesAFailedActionAtTheNextRescan() {
    AtomicInteger attempts = new AtomicInteger();
    Runnable failingOnce =
        () -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IllegalStateException("directory busy");
          }
        };
    try (DirectoryWatcher watcher =
        new DirectoryWatcher(
            dir, failingOnce, Duration.ofMillis(50), Duration.ofMillis(100), true)) {
      KnowledgeFiles.write(dir, "a.md", "x");

      await().atMost(Duration.ofSeconds(20)).until(() -> attempts.get() >= 2);
    }
  }
}
