package fi.luotsi.admin;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge directory, kept live: loaded at start, then watched, and reloaded into the index
 * (built aside and swapped atomically by {@link KnowledgeIndex#rebuild}) within seconds of a
 * change. A file that now fails validation is refused and logged with its path, line and reason;
 * its last good version keeps answering (see {@link LastGoodKnowledge}). Synonym rules that do not
 * parse are refused the same way.
 *
 * <p>Thread-safe: reloads are serialised; {@link #status()} may be read at any time. Closing stops
 * the watching only; the index belongs to the caller.
 */
public final class LiveKnowledge implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveKnowledge.class);

  /** Default quiet time after a change before reloading. */
  public static final Duration DEBOUNCE = Duration.ofSeconds(1);

  /** Default interval of the re-scan that catches changes the file system did not announce. */
  public static final Duration RESCAN = Duration.ofSeconds(10);

  private final Path directory;
  private final KnowledgeIndex index;
  private final Clock clock;
  private final KnowledgeLoader loader = new KnowledgeLoader();
  private final LastGoodKnowledge lastGood = new LastGoodKnowledge();
  private final List<Consumer<KnowledgeStatus>> listeners = new CopyOnWriteArrayList<>();
  private final Object reloadLock = new Object();
  private volatile KnowledgeStatus status;
  private KnowledgeBase served;
  private DirectoryWatcher watcher;

  /**
   * Loads the directory into the index once; call {@link #watch} to keep it live.
   *
   * @param directory the knowledge directory
   * @param index the index to serve from
   * @param clock the time source for {@link KnowledgeStatus#loadedAt()}
   */
  public LiveKnowledge(Path directory, KnowledgeIndex index, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.index = Objects.requireNonNull(index, "index");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = new KnowledgeStatus(0, 0, 0, clock.instant(), List.of(), List.of());
    reload();
  }

  /** Starts watching with the default debounce and re-scan interval. */
  public LiveKnowledge watch() {
    return watch(DEBOUNCE, RESCAN);
  }

  /**
   * Starts watching the directory tree.
   *
   * @param debounce how long the tree must be quiet before reloading
   * @param rescan how often the tree is compared with its last known state
   */
  public synchronized LiveKnowledge watch(Duration debounce, Duration rescan) {
    if (watcher != null) {
      throw new IllegalStateException("already watching " + directory);
    }
    watcher = new DirectoryWatcher(directory, this::reloadOrFail, debounce, rescan);
    log.info(
        "Watching {} for knowledge changes (debounce {} ms, re-scan every {} s)",
        directory,
        debounce.toMillis(),
        rescan.toSeconds());
    return this;
  }

  /** Called after every reload that read the directory, with the new status; must not block. */
  public void onReload(Consumer<KnowledgeStatus> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** What is served now. */
  public KnowledgeStatus status() {
    return status;
  }

  /**
   * Reads the directory now and serves the result. Keeps serving the current knowledge when the
   * directory cannot be read at all.
   *
   * @return the status after the reload
   */
  public KnowledgeStatus reload() {
    try {
      return reloadOrFail();
    } catch (RuntimeException e) {
      log.error(
          "Knowledge reload from {} failed; the earlier knowledge keeps answering", directory, e);
      return status;
    }
  }

  private KnowledgeStatus reloadOrFail() {
    synchronized (reloadLock) {
      return read();
    }
  }

  private KnowledgeStatus read() {
    if (!Files.isDirectory(directory) || !Files.isReadable(directory)) {
      throw new IllegalStateException("knowledge directory " + directory + " is not readable");
    }
    KnowledgeBase loaded = loader.load(directory);
    LastGoodKnowledge.Merged merged = lastGood.merge(loaded);
    KnowledgeBase next = merged.knowledge();
    List<KnowledgeProblem> problems = new ArrayList<>(next.problems());
    boolean changed =
        served == null
            || !served.sections().equals(next.sections())
            || !served.synonyms().equals(next.synonyms())
            || !served.outOfScope().equals(next.outOfScope());
    if (changed) {
      next = rebuild(next, problems);
    } else {
      problems.addAll(index.problems()); // still refused by the index that keeps serving
    }
    long revision = status.revision() + (changed ? 1 : 0);
    int files = (int) next.sections().stream().map(Section::path).distinct().count();
    KnowledgeStatus now =
        new KnowledgeStatus(
            revision, next.sections().size(), files, clock.instant(), problems, merged.keptFiles());
    for (KnowledgeProblem problem : problems) {
      log.warn(
          "Knowledge file refused: {}{}",
          problem,
          merged.keptFiles().contains(problem.file())
              ? " (its earlier version keeps answering)"
              : "");
    }
    if (changed) {
      log.info(
          "Knowledge revision {} from {}: {} sections in {} files, {} problems",
          revision,
          directory,
          now.sections(),
          files,
          problems.size());
    }
    status = now;
    for (Consumer<KnowledgeStatus> listener : listeners) {
      try {
        listener.accept(now);
      } catch (RuntimeException e) {
        log.warn("A knowledge reload listener failed", e);
      }
    }
    return now;
  }

  /**
   * Rebuilds the index and records what it refused (synonym rules that do not parse, which are left
   * out while the other rules apply).
   */
  private KnowledgeBase rebuild(KnowledgeBase next, List<KnowledgeProblem> problems) {
    index.rebuild(next);
    problems.addAll(index.problems());
    served = next;
    return next;
  }

  /** Stops watching; the index stays as it is. */
  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
  }
}
