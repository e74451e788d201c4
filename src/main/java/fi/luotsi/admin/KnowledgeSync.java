package fi.luotsi.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's knowledge directory in step with the knowledge changes in the database:
 * every {@code interval} it reads the newest change number; when it has moved, it writes the newest
 * version of every managed file into the directory (whole, then moved into place; a removed file is
 * deleted) and reloads the {@link LiveKnowledge} at once. Files the database never managed are left
 * as they are.
 *
 * <p>A failure (database unreachable, directory not writable) is logged once as a WARN; the
 * knowledge already served keeps answering and the next tick tries again.
 *
 * <p>Thread-safe: synchronisations are serialised.
 */
final class KnowledgeSync implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeSync.class);

  private final KnowledgeVersions versions;
  private final Path directory;
  private final LiveKnowledge knowledge;
  private final Clock clock;
  private volatile long applied;
  private volatile Instant failingSince;
  private volatile String lastFailure = "";
  private ScheduledExecutorService timer;

  KnowledgeSync(KnowledgeVersions versions, Path directory, LiveKnowledge knowledge, Clock clock) {
    this.versions = Objects.requireNonNull(versions, "versions");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Synchronises once now (a failure is logged), then every {@code interval}. */
  synchronized void start(Duration interval) {
    if (timer != null) {
      throw new IllegalStateException("already started");
    }
    tick();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "knowledge-sync");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The knowledge change number this instance serves; 0 before any. */
  long applied() {
    return applied;
  }

  /** For operators: the change served, and whether synchronising fails now. */
  String describe() {
    Instant since = failingSince;
    return since == null
        ? "knowledge change " + applied
        : "knowledge change "
            + applied
            + "; synchronising fails since "
            + since
            + " ("
            + lastFailure
            + "), retrying";
  }

  /** One scheduled round: never throws. */
  void tick() {
    try {
      syncNow();
      if (failingSince != null) {
        log.info("Knowledge synchronisation works again; serving knowledge change {}", applied);
        failingSince = null;
      }
    } catch (RuntimeException e) {
      if (failingSince == null) {
        failingSince = clock.instant();
        lastFailure = message(e);
        log.warn(
            "Knowledge synchronisation failed: {}. Still serving knowledge change {}; retrying.",
            lastFailure,
            applied);
      } else {
        log.debug("Knowledge synchronisation still fails", e);
      }
    }
  }

  /**
   * Applies the newest change now, if it is not applied yet, and reloads the knowledge.
   *
   * @return the change number served
   * @throws RuntimeException when the database or the directory fails (nothing is reloaded then)
   */
  synchronized long syncNow() {
    long head = versions.head();
    if (head == applied) {
      return applied;
    }
    Map<String, KnowledgeVersions.Version> latest = versions.latest(head);
    int written = 0;
    int removed = 0;
    for (KnowledgeVersions.Version version : latest.values()) {
      Path file = fileOf(version.path());
      if (version.content().isEmpty()) {
        removed += delete(file) ? 1 : 0;
      } else if (!sameContent(file, version.sha256().orElse(""))) {
        write(file, version.content().get());
        written++;
      }
    }
    applied = head;
    KnowledgeStatus status = knowledge.reload();
    log.info(
        "Knowledge change {} applied to {}: {} files written, {} removed; revision {}",
        head,
        directory,
        written,
        removed,
        status.revision());
    return head;
  }

  /** The file of a managed path, refusing one that would lie outside the directory. */
  Path fileOf(String path) {
    Path root = directory.toAbsolutePath().normalize();
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalStateException("knowledge path outside the directory: " + path);
    }
    return file;
  }

  private static boolean sameContent(Path file, String sha256) {
    try {
      return Files.isRegularFile(file)
          && KnowledgeVersions.sha256(Files.readAllBytes(file)).equals(sha256);
    } catch (IOException e) {
      return false;
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".luotsi-", ".part");
      try {
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write knowledge file " + file, e);
    }
  }

  private static boolean delete(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove knowledge file " + file, e);
    }
  }

  private static String message(Throwable e) {
    StringBuilder out = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
    Throwable cause = e.getCause();
    if (cause != null
        && cause.getMessage() != null
        && !out.toString().contains(cause.getMessage())) {
      out.append(": ").append(cause.getMessage());
    }
    return out.toString();
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
