package fi.luotsi.admin;

import fi.luotsi.admin.KnowledgeTexts.Key;
import fi.luotsi.admin.KnowledgeVersions.Action;
import fi.luotsi.admin.KnowledgeVersions.Change;
import fi.luotsi.admin.KnowledgeVersions.Version;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to knowledge files, validated and versioned: previews of uploads, removals to confirm,
 * publishing, and rollback. Publishing stores a new version in the database and applies it to this
 * instance at once; the other instances follow through their {@link KnowledgeSync}.
 *
 * <p>A file that exists on disk but was never changed through the database (a shipped file) gets
 * its on-disk text stored as an {@code import} version before its first change, so that the change
 * can be rolled back to it.
 *
 * <p>Thread-safe. Texts in outcomes are in the language asked for.
 */
final class KnowledgeChanges {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeChanges.class);

  /** The folder for uploads that name no target and replace no existing file. */
  static final String DEFAULT_FOLDER = "lisatyt/";

  private final KnowledgeVersions versions;
  private final PendingChanges pending;
  private final KnowledgeSync sync;
  private final Path directory;
  private final KnowledgeCheck check = new KnowledgeCheck();
  private final KnowledgeLoader loader = new KnowledgeLoader();

  KnowledgeChanges(
      KnowledgeVersions versions, PendingChanges pending, KnowledgeSync sync, Path directory) {
    this.versions = Objects.requireNonNull(versions, "versions");
    this.pending = Objects.requireNonNull(pending, "pending");
    this.sync = Objects.requireNonNull(sync, "sync");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * What a path holds now.
   *
   * @param path the file
   * @param text the content served: the newest managed version, else the file on disk; empty when
   *     the file does not exist (or was removed)
   * @param version the newest managed version (possibly a removal); empty when never managed
   */
  record Current(String path, Optional<String> text, Optional<Version> version) {
    boolean exists() {
      return text.isPresent();
    }

    long baseId() {
      return version.map(Version::id).orElse(0L);
    }
  }

  /** The outcome of a change request. */
  sealed interface Outcome permits Target, Preview, ConfirmRemoval, Stored, Refused {}

  /** The path an upload goes to (see {@link #target}). */
  record Target(String path) implements Outcome {}

  /** An upload waiting for confirmation. */
  record Preview(
      PendingChanges.Pending pending,
      KnowledgeCheck.Valid file,
      Current current,
      List<Section> before,
      KnowledgeDiff diff)
      implements Outcome {}

  /** A removal waiting for confirmation. */
  record ConfirmRemoval(PendingChanges.Pending pending, Current current, int sections)
      implements Outcome {}

  /**
   * A stored change.
   *
   * @param path the file
   * @param change the knowledge change number
   * @param removed whether the file is now removed
   * @param notApplied why this instance does not serve it yet (it retries); empty when it does
   */
  record Stored(String path, long change, boolean removed, Optional<String> notApplied)
      implements Outcome {}

  /**
   * A refused request; nothing was stored.
   *
   * @param message what happened, for the administrator
   * @param reasons the problems, one per line; may be empty
   * @param audit a short English reason for the audit log
   */
  record Refused(String message, List<String> reasons, String audit) implements Outcome {
    Refused {
      reasons = List.copyOf(reasons);
    }

    /** Whether the file changed since the caller read it (trying again may work). */
    boolean conflict() {
      return audit.startsWith(CONFLICT);
    }
  }

  private static final String CONFLICT = "changed meanwhile";

  Current current(String path) {
    Optional<Version> version = versions.latest(path);
    if (version.isPresent()) {
      return new Current(path, version.get().content(), version);
    }
    return new Current(path, readDisk(path), Optional.empty());
  }

  /** The sections of every file but {@code path}, as the directory holds them now. */
  List<Section> otherSections(String path) {
    return loader.load(directory).sections().stream().filter(s -> !s.path().equals(path)).toList();
  }

  /**
   * Where an upload goes: the typed target (a folder ending in {@code /}, or a file path), else the
   * one existing file of the same name, else {@link #DEFAULT_FOLDER}.
   *
   * @return the path, or a refusal
   */
  Outcome target(Optional<String> typed, String fileName, Language language) {
    String name = fileName(fileName);
    if (typed.isPresent() && !typed.get().isBlank()) {
      String t = KnowledgeCheck.normalizePath(typed.get());
      String path = t.endsWith("/") ? t + name : t.endsWith(".md") ? t : t + "/" + name;
      return pathOutcome(path, language);
    }
    List<String> same =
        paths().keySet().stream().filter(p -> p.equals(name) || p.endsWith("/" + name)).toList();
    if (same.size() > 1) {
      return new Refused(
          KnowledgeTexts.format(Key.AMBIGUOUS, language, name, String.join(", ", same)),
          List.of(),
          "ambiguous file name " + name);
    }
    return pathOutcome(same.isEmpty() ? DEFAULT_FOLDER + name : same.get(0), language);
  }

  private static Outcome pathOutcome(String path, Language language) {
    List<String> problems = KnowledgeCheck.pathProblems(path, language);
    return problems.isEmpty()
        ? new Target(path)
        : new Refused(
            KnowledgeTexts.get(Key.REFUSED_PATH, language), problems, "invalid path " + path);
  }

  /** Checks an upload and keeps it for its author's confirmation. */
  Outcome prepareUpload(String author, String path, byte[] content, Language language) {
    Current current = current(path);
    KnowledgeCheck.Result result = check.check(path, content, otherSections(path), language);
    if (result instanceof KnowledgeCheck.Refused refused) {
      return new Refused(
          KnowledgeTexts.format(Key.REFUSED_FILE, language, path),
          refused.reasons(),
          "invalid: " + String.join(" | ", refused.reasons()));
    }
    KnowledgeCheck.Valid valid = (KnowledgeCheck.Valid) result;
    if (current.text().filter(valid.text()::equals).isPresent()) {
      return new Refused(
          KnowledgeTexts.format(Key.IDENTICAL, language, path), List.of(), "identical content");
    }
    List<Section> before =
        current
            .text()
            .map(text -> loader.loadFile(path, text, new ArrayList<>()))
            .orElse(List.of());
    PendingChanges.Pending waiting =
        pending.add(path, Optional.of(valid.text()), current.baseId(), author);
    return new Preview(
        waiting, valid, current, before, KnowledgeDiff.between(before, valid.sections()));
  }

  /** Keeps a removal for its author's confirmation. */
  Outcome prepareRemoval(String author, String path, Language language) {
    List<String> problems = KnowledgeCheck.pathProblems(path, language);
    if (!problems.isEmpty()) {
      return new Refused(
          KnowledgeTexts.get(Key.REFUSED_PATH, language), problems, "invalid path " + path);
    }
    Current current = current(path);
    if (!current.exists()) {
      return noSuchFile(path, language);
    }
    int sections = loader.loadFile(path, current.text().get(), new ArrayList<>()).size();
    PendingChanges.Pending waiting = pending.add(path, Optional.empty(), current.baseId(), author);
    return new ConfirmRemoval(waiting, current, sections);
  }

  /** Publishes a pending upload or removal of this author. */
  Outcome publish(String author, String pendingId, Language language) {
    Optional<PendingChanges.Pending> taken = pending.take(pendingId, author);
    if (taken.isEmpty()) {
      return new Refused(
          KnowledgeTexts.get(Key.PENDING_GONE, language), List.of(), "no pending " + pendingId);
    }
    PendingChanges.Pending change = taken.get();
    if (change.content().isEmpty()) {
      return store(
          author, change.path(), Optional.empty(), change.baseId(), Action.REMOVE, "", language);
    }
    Action action = current(change.path()).exists() ? Action.REPLACE : Action.ADD;
    return store(author, change.path(), change.content(), change.baseId(), action, "", language);
  }

  /** Forgets a pending change of this author; whether there was one. */
  boolean cancel(String author, String pendingId) {
    return pending.take(pendingId, author).isPresent();
  }

  /** Stores a new version of {@code path} equal to its version {@code id} (or its removal). */
  Outcome rollback(String author, String path, long id, Language language) {
    Optional<Version> target = versions.version(id).filter(v -> v.path().equals(path));
    if (target.isEmpty()) {
      return new Refused(
          KnowledgeTexts.format(Key.NOT_A_VERSION, language, id, path),
          List.of(),
          "version " + id + " is not of " + path);
    }
    Current current = current(path);
    if (current.text().equals(target.get().content())) {
      return new Refused(
          KnowledgeTexts.format(Key.ALREADY_CURRENT, language, path, id),
          List.of(),
          "version " + id + " is current");
    }
    return store(
        author,
        path,
        target.get().content(),
        current.baseId(),
        Action.ROLLBACK,
        "rollback to version " + id,
        language);
  }

  /**
   * Validates and stores a new version of a path (content empty: removal) if the path's newest
   * version is still {@code expectedBase}; then applies it to this instance.
   */
  Outcome store(
      String author,
      String path,
      Optional<String> content,
      long expectedBase,
      Action action,
      String note,
      Language language) {
    if (content.isPresent()) {
      KnowledgeCheck.Result result =
          check.check(path, content.get(), otherSections(path), language);
      if (result instanceof KnowledgeCheck.Refused refused) {
        return new Refused(
            KnowledgeTexts.format(Key.REFUSED_FILE, language, path),
            refused.reasons(),
            "invalid: " + String.join(" | ", refused.reasons()));
      }
    }
    List<Change> changes = new ArrayList<>();
    if (expectedBase == 0) {
      readDisk(path)
          .ifPresent(
              disk ->
                  changes.add(
                      new Change(
                          path,
                          Optional.of(disk),
                          Action.IMPORT,
                          author,
                          "the file as it was before its first managed change")));
    }
    changes.add(new Change(path, content, action, author, note));
    OptionalLong stored = versions.publish(changes, expectedBase);
    if (stored.isEmpty()) {
      long now = versions.latest(path).map(Version::id).orElse(0L);
      return new Refused(
          KnowledgeTexts.format(Key.CHANGED_MEANWHILE, language, path, now),
          List.of(),
          CONFLICT + " (now " + now + ")");
    }
    Optional<String> notApplied = Optional.empty();
    try {
      sync.syncNow();
    } catch (RuntimeException e) {
      log.warn(
          "Knowledge change {} is stored but not yet applied here; retrying",
          stored.getAsLong(),
          e);
      notApplied = Optional.of(String.valueOf(e.getMessage()));
    }
    return new Stored(path, stored.getAsLong(), content.isEmpty(), notApplied);
  }

  /** Every knowledge file: on disk, and managed (also removed ones), by path. */
  Map<String, Optional<Version>> paths() {
    Map<String, Optional<Version>> out = new TreeMap<>();
    for (String path : diskPaths()) {
      out.put(path, Optional.empty());
    }
    for (Version version : versions.latest(versions.head()).values()) {
      out.put(version.path(), Optional.of(version));
    }
    return out;
  }

  List<Version> history(String path, int limit) {
    return versions.history(path, limit);
  }

  long applied() {
    return sync.applied();
  }

  Refused noSuchFile(String path, Language language) {
    return new Refused(
        KnowledgeTexts.format(Key.NO_SUCH_FILE, language, path), List.of(), "no file " + path);
  }

  private List<String> diskPaths() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> directory.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".md"))
          .filter(p -> !p.toLowerCase(Locale.ROOT).endsWith("readme.md"))
          .filter(p -> Stream.of(p.split("/")).noneMatch(part -> part.startsWith(".")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private Optional<String> readDisk(String path) {
    Path file = sync.fileOf(path);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\uFEFF", ""));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * An attachment's name as a knowledge file name: lower-case ASCII ("Esteellisyys Ö.md" →
   * "esteellisyys-o.md").
   */
  static String fileName(String raw) {
    String base = raw.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    String ascii =
        Normalizer.normalize(base.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("\\s+", "-")
            .replaceAll("[^a-z0-9._-]", "")
            .replaceAll("^[._-]+", "");
    return ascii;
  }
}
