package fi.luotsi.admin;

import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.config.Settings;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administration and privacy, built once by the application: the administrators' commands, the
 * privacy commands, the audit log (also of knowledge reloads) and the question-log retention job,
 * which starts at once and stops on {@link #close()}.
 */
public final class Administration implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Administration.class);

  private final AuditLog audit;
  private final List<PersonalData> personalData = new CopyOnWriteArrayList<>();
  private final List<ChatCommand> commands;
  private final RetentionJob retention;
  private volatile KnowledgeStatus lastAudited;

  /**
   * @param dataSource the database with the question log and audit log
   * @param settings roles (who is an administrator) and the question-log retention
   * @param pseudonyms the same pseudonyms the question log uses
   * @param knowledge the live knowledge base, for its status and reload audit
   * @param clock the time source
   */
  public Administration(
      DataSource dataSource,
      Settings settings,
      Pseudonyms pseudonyms,
      LiveKnowledge knowledge,
      Clock clock) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(settings, "settings");
    this.audit = new AuditLog(dataSource, clock);
    personalData.add(new QuestionLogData(dataSource));
    this.commands =
        List.of(
            new AdminCommand(
                settings.roles(),
                new QuestionReports(dataSource),
                knowledge,
                audit,
                pseudonyms,
                clock),
            new PrivacyCommand(
                personalData, pseudonyms, audit, settings.questionLogRetention(), clock));
    this.lastAudited = knowledge.status();
    knowledge.onReload(this::auditReload);
    this.retention = new RetentionJob(dataSource, settings.questionLogRetention(), audit, clock);
    retention.start(RetentionJob.INTERVAL);
  }

  /** The chat commands to hand to the conversation. */
  public List<ChatCommand> commands() {
    return commands;
  }

  /** The audit log, for other features' administrative actions. */
  public AuditLog audit() {
    return audit;
  }

  /** Adds a store of personal data that "what do you know about me" and "delete my data" cover. */
  public void addPersonalData(PersonalData data) {
    personalData.add(Objects.requireNonNull(data, "data"));
  }

  private void auditReload(KnowledgeStatus status) {
    KnowledgeStatus previous = lastAudited;
    lastAudited = status;
    if (previous.revision() == status.revision() && previous.problems().equals(status.problems())) {
      return;
    }
    try {
      audit.record(
          "knowledge-watcher",
          "knowledge.reload",
          "revision="
              + status.revision()
              + " sections="
              + status.sections()
              + " refused="
              + status.problems().stream()
                  .map(Object::toString)
                  .collect(Collectors.joining(" | ", "[", "]")));
    } catch (RuntimeException e) {
      log.warn("Cannot audit knowledge revision {}", status.revision(), e);
    }
  }

  @Override
  public void close() {
    retention.close();
  }
}
