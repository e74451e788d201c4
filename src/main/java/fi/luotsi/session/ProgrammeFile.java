package fi.luotsi.session;

import fi.luotsi.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programme currently in force and the file it came from. {@link #reload()} reads the file
 * again; a file with problems is refused and the programme in force stays. Listeners (the reminder
 * scheduler) hear of every programme that comes into force. Thread-safe.
 */
public final class ProgrammeFile {
  private static final Logger log = LoggerFactory.getLogger(ProgrammeFile.class);

  private final Path path;
  private final AtomicReference<Programme> current;
  private final List<Consumer<Programme>> listeners = new CopyOnWriteArrayList<>();

  private ProgrammeFile(Path path, Programme programme) {
    this.path = path;
    this.current = new AtomicReference<>(programme);
  }

  /**
   * Loads the file.
   *
   * @throws ConfigException listing every problem in the file
   */
  public static ProgrammeFile load(Path path) {
    return new ProgrammeFile(Objects.requireNonNull(path, "path"), Programme.load(path));
  }

  /**
   * Loads the file, or starts with an empty programme (no groups, no sessions) when there is no
   * file; {@link #reload()} picks it up once it exists.
   *
   * @throws ConfigException listing every problem in a file that exists
   */
  public static ProgrammeFile loadIfPresent(Path path) {
    if (java.nio.file.Files.exists(path)) {
      return load(path);
    }
    log.info("No programme file at {}; the programme is empty", path);
    return new ProgrammeFile(
        path,
        new Programme(
            java.time.ZoneId.of("Europe/Helsinki"), List.of(), java.util.Map.of(), List.of()));
  }

  /** A programme not backed by a file (tests, the {@code ask} command); reload keeps it. */
  public static ProgrammeFile fixed(Programme programme) {
    return new ProgrammeFile(null, Objects.requireNonNull(programme, "programme"));
  }

  public Programme current() {
    return current.get();
  }

  /** Calls {@code listener} now with the programme in force and after every reload. */
  public void onChange(Consumer<Programme> listener) {
    listeners.add(listener);
    listener.accept(current.get());
  }

  /**
   * Reads the file again and puts it in force.
   *
   * @throws ConfigException listing every problem; the programme in force is kept
   */
  public Programme reload() {
    if (path == null) {
      return current.get();
    }
    Programme programme = Programme.load(path);
    replace(programme);
    log.info("Programme reloaded from {}: {} sessions", path, programme.sessions().size());
    return programme;
  }

  /** Puts a programme in force (tests, and {@link #reload()}). */
  public void replace(Programme programme) {
    current.set(Objects.requireNonNull(programme, "programme"));
    listeners.forEach(l -> l.accept(programme));
  }
}
