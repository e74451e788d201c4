package fi.luotsi.admin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices changes under a directory tree and runs an action once they settle. Two sources: the
 * platform's {@link WatchService} on every folder of the tree (fast), and a periodic re-scan of the
 * tree's names, sizes and modification times (for file systems that send no events, such as network
 * mounts, and for a tree too large to watch). Bursts of changes (an editor's save, a {@code git
 * pull}) are debounced into one run; a steady stream of changes still runs at least every {@code 10
 * × debounce}.
 *
 * <p>The action runs on the watcher's own single thread, never twice at once.
 */
final class DirectoryWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DirectoryWatcher.class);

  private final Path root;
  private final Runnable action;
  private final Duration debounce;
  private final ScheduledExecutorService executor;
  private final Object lock = new Object();
  private WatchService watchService;
  private Thread eventThread;
  private ScheduledFuture<?> pending;
  private long firstPendingNanos;
  private volatile String lastFingerprint;
  private volatile boolean closed;

  /**
   * @param root the directory to watch
   * @param action what to run after a change; a throw is logged and the action retried at the next
   *     re-scan
   * @param debounce how long the tree must be quiet before the action runs
   * @param rescan how often the tree is compared with its last known state
   */
  DirectoryWatcher(Path root, Runnable action, Duration debounce, Duration rescan) {
    this(root, action, debounce, rescan, true);
  }

  /** As above; {@code events} false relies on the re-scan alone (tests of the fallback). */
  DirectoryWatcher(Path root, Runnable action, Duration debounce, Duration rescan, boolean events) {
    this.root = Objects.requireNonNull(root, "root");
    this.action = Objects.requireNonNull(action, "action");
    this.debounce = Objects.requireNonNull(debounce, "debounce");
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "luotsi-knowledge-reload");
              t.setDaemon(true);
              return t;
            });
    this.lastFingerprint = TreeFingerprint.of(root);
    long rescanMillis = Math.max(1, rescan.toMillis());
    executor.scheduleWithFixedDelay(
        this::rescan, rescanMillis, rescanMillis, TimeUnit.MILLISECONDS);
    if (events) {
      startWatching();
    }
  }

  private void startWatching() {
    try {
      watchService = FileSystems.getDefault().newWatchService();
      registerTree(root);
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Cannot watch {} for changes ({}); relying on the periodic re-scan",
          root,
          e.getMessage());
      return;
    }
    eventThread = new Thread(this::events, "luotsi-knowledge-watch");
    eventThread.setDaemon(true);
    eventThread.start();
  }

  private void registerTree(Path start) throws IOException {
    if (!Files.isDirectory(start)) {
      return;
    }
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (TreeFingerprint.hidden(root, dir)) {
              return FileVisitResult.SKIP_SUBTREE; // .git and the like: not knowledge
            }
            dir.register(
                watchService,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void events() {
    while (!closed) {
      WatchKey key;
      try {
        key = watchService.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ClosedWatchServiceException e) {
        return;
      }
      Path dir = (Path) key.watchable();
      boolean relevant = false;
      for (WatchEvent<?> event : key.pollEvents()) {
        // Hidden names (editor swap files, .git) are not knowledge; an overflow may hide anything.
        relevant |= !(event.context() instanceof Path name) || !name.toString().startsWith(".");
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
            && event.context() instanceof Path name
            && Files.isDirectory(dir.resolve(name))) {
          try {
            registerTree(dir.resolve(name));
          } catch (IOException | RuntimeException e) {
            log.warn("Cannot watch new folder {} ({})", dir.resolve(name), e.getMessage());
          }
        }
      }
      key.reset();
      if (relevant) {
        changed();
      }
    }
  }

  /** Schedules the action after the debounce delay, replacing a run not yet started. */
  void changed() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      long now = System.nanoTime();
      if (pending != null && !pending.isDone()) {
        if (now - firstPendingNanos > debounce.toNanos() * 10) {
          return; // a steady stream of changes: let the scheduled run happen
        }
        pending.cancel(false);
      } else {
        firstPendingNanos = now;
      }
      pending = executor.schedule(this::run, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void rescan() {
    if (!TreeFingerprint.of(root).equals(lastFingerprint)) {
      run();
    }
  }

  private void run() {
    if (closed) {
      return;
    }
    // Taken before the action reads the tree, so that a change during the run is seen next time.
    lastFingerprint = TreeFingerprint.of(root);
    try {
      action.run();
    } catch (RuntimeException e) {
      lastFingerprint = "failed"; // the next re-scan tries again
      log.error("Reacting to a change under {} failed; retrying at the next re-scan", root, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
    if (watchService != null) {
      try {
        watchService.close();
      } catch (IOException e) {
        log.debug("Closing the watch service failed", e);
      }
    }
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
      if (eventThread != null) {
        eventThread.join(TimeUnit.SECONDS.toMillis(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
