package fi.luotsi.admin;

import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.config.Roles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Knowledge managed through the database (issue #6), built once by the application: versions of
 * knowledge files in the database, this instance's directory kept in step with them, the
 * administrators' chat command for uploads, listing, removal, history and rollback, and the {@link
 * KnowledgeEditor} for features that write knowledge.
 *
 * <p>{@link #start} synchronises once (before the instance serves) and then every interval; {@link
 * #close} stops that. Thread-safe.
 */
public final class ManagedKnowledge implements AutoCloseable {
  /** How often an instance looks for knowledge changes made elsewhere. */
  public static final Duration SYNC_INTERVAL = Duration.ofSeconds(5);

  private final KnowledgeSync sync;
  private final KnowledgeCommand command;
  private final KnowledgeFileEditor editor;

  /**
   * @param dataSource the shared database (migrated)
   * @param directory this instance's knowledge directory; must be writable
   * @param knowledge the live knowledge over that directory, reloaded after each change
   * @param audit the audit log
   * @param roles who is an administrator
   * @param pseudonyms to audit refused non-administrators by pseudonym
   * @param clock the time source (change times, preview expiry)
   */
  public ManagedKnowledge(
      DataSource dataSource,
      Path directory,
      LiveKnowledge knowledge,
      AuditLog audit,
      Roles roles,
      Pseudonyms pseudonyms,
      Clock clock) {
    Objects.requireNonNull(dataSource, "dataSource");
    KnowledgeVersions versions = new KnowledgeVersions(dataSource, clock);
    this.sync = new KnowledgeSync(versions, directory, knowledge, clock);
    KnowledgeChanges changes =
        new KnowledgeChanges(versions, new PendingChanges(dataSource, clock), sync, directory);
    this.command = new KnowledgeCommand(roles, changes, audit, pseudonyms);
    this.editor = new KnowledgeFileEditor(changes, audit);
  }

  /** Synchronises with the database now, then every {@link #SYNC_INTERVAL}. */
  public ManagedKnowledge start() {
    return start(SYNC_INTERVAL);
  }

  /** Synchronises with the database now, then every {@code interval}. */
  public ManagedKnowledge start(Duration interval) {
    sync.start(interval);
    return this;
  }

  /** The administrators' knowledge command, to offer before the other admin commands. */
  public ChatCommand command() {
    return command;
  }

  /** Writes sections and phrasings as new versions, answerable at once on this instance. */
  public KnowledgeEditor editor() {
    return editor;
  }

  /** The knowledge change number this instance serves (0 before any change). */
  public long appliedChange() {
    return sync.applied();
  }

  /** For the health detail: the change served and whether synchronising fails. */
  public String describe() {
    return sync.describe();
  }

  @Override
  public void close() {
    sync.close();
  }
}
