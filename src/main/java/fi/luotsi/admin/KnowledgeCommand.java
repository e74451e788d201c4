package fi.luotsi.admin;

import static fi.luotsi.admin.KnowledgeCommandSyntax.command;
import static fi.luotsi.admin.KnowledgeCommandSyntax.parse;
import static fi.luotsi.admin.KnowledgeCommandSyntax.usage;
import static fi.luotsi.admin.KnowledgeListings.list;

import fi.luotsi.admin.KnowledgeChanges.ConfirmRemoval;
import fi.luotsi.admin.KnowledgeChanges.Outcome;
import fi.luotsi.admin.KnowledgeChanges.Preview;
import fi.luotsi.admin.KnowledgeChanges.Refused;
import fi.luotsi.admin.KnowledgeChanges.Stored;
import fi.luotsi.admin.KnowledgeChanges.Target;
import fi.luotsi.admin.KnowledgeCommandSyntax.Parsed;
import fi.luotsi.admin.KnowledgeCommandSyntax.Verb;
import fi.luotsi.admin.KnowledgeTexts.Key;
import fi.luotsi.admin.KnowledgeVersions.Version;
import fi.luotsi.chat.Attachment;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrators manage knowledge files from chat, Finnish first with Swedish and English forms:
 * send a {@code .md} file in a direct message (optionally with {@code tietopankki lisää kansio/})
 * for a preview with Publish and Cancel buttons; list, show, remove (confirmed), see the history of
 * and roll back files. Every action and every refusal is audited; people who are not administrators
 * get the administrators-only refusal.
 */
final class KnowledgeCommand implements ChatCommand {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeCommand.class);

  static final int MAX_HISTORY = 20;

  private final Roles roles;
  private final KnowledgeChanges changes;
  private final AuditLog audit;
  private final Pseudonyms pseudonyms;
  private final KnowledgeLoader loader = new KnowledgeLoader();

  KnowledgeCommand(Roles roles, KnowledgeChanges changes, AuditLog audit, Pseudonyms pseudonyms) {
    this.roles = Objects.requireNonNull(roles, "roles");
    this.changes = Objects.requireNonNull(changes, "changes");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
  }

  @Override
  public Optional<Reply> handle(IncomingMessage message, Language detected) {
    if (message.isButtonPress() && message.action() != Button.Action.COMMAND) {
      return Optional.empty();
    }
    Optional<Parsed> parsed = parse(CommandText.normalize(message.text()));
    List<Attachment> markdown =
        message.attachments().stream()
            .filter(a -> a.fileName().toLowerCase(Locale.ROOT).endsWith(".md"))
            .toList();
    boolean upload =
        parsed.map(p -> p.verb() == Verb.ADD).orElse(false)
            // In a channel, only a file sent to the bot with nothing else (a mention) is for us.
            || (parsed.isEmpty()
                && !markdown.isEmpty()
                && (message.direct() || message.text().isEmpty()));
    if (parsed.isEmpty() && !upload) {
      return Optional.empty();
    }
    Language language = parsed.map(Parsed::language).orElse(detected);
    Verb verb = parsed.map(Parsed::verb).orElse(Verb.ADD);
    String name = "knowledge." + verb.name().toLowerCase(Locale.ROOT);
    if (!roles.isAdmin(message.platform(), message.userId())) {
      audit.record(
          "pseudonym:" + pseudonyms.of(message.platform(), message.userId()), "admin.denied", name);
      return Optional.of(
          Reply.error(language, AdminTexts.get(AdminTexts.Key.ADMIN_ONLY, language)));
    }
    String actor = Roles.key(message.platform(), message.userId());
    List<String> args = parsed.map(Parsed::args).orElse(List.of());
    if (args.size() < verb.minArgs || args.size() > verb.maxArgs) {
      return Optional.of(
          refuse(actor, name, "usage", Reply.error(language, usage(verb, language))));
    }
    return Optional.of(
        guarded(
            language,
            name,
            () ->
                switch (verb) {
                  case ADD -> upload(actor, message, markdown, args, language);
                  case FILES -> files(actor, language);
                  case SHOW -> show(actor, path(args.get(0)), language);
                  case REMOVE -> remove(actor, path(args.get(0)), language);
                  case HISTORY -> history(actor, path(args.get(0)), language);
                  case ROLLBACK -> rollback(actor, path(args.get(0)), args.get(1), language);
                  case PUBLISH -> publish(actor, args.get(0), language);
                  case CANCEL -> cancel(actor, args.get(0), language);
                }));
  }

  private static String path(String typed) {
    return KnowledgeCheck.normalizePath(typed);
  }

  private Reply upload(
      String actor,
      IncomingMessage message,
      List<Attachment> markdown,
      List<String> args,
      Language language) {
    if (!message.direct()) {
      return refuse(actor, "knowledge.add", "not a direct message", error(Key.DM_ONLY, language));
    }
    if (markdown.isEmpty()) {
      Key key = message.attachments().isEmpty() ? Key.NO_ATTACHMENT : Key.NOT_MARKDOWN;
      String names =
          String.join(", ", message.attachments().stream().map(Attachment::fileName).toList());
      return refuse(
          actor,
          "knowledge.add",
          message.attachments().isEmpty() ? "no attachment" : "not markdown: " + names,
          Reply.error(language, KnowledgeTexts.format(key, language, names)));
    }
    if (markdown.size() > 1) {
      return refuse(actor, "knowledge.add", "several files", error(Key.ONE_FILE, language));
    }
    Attachment file = markdown.get(0);
    if (file.size() > KnowledgeCheck.MAX_BYTES) {
      return refusedReply(
          actor,
          "knowledge.add",
          new Refused(
              KnowledgeTexts.format(Key.REFUSED_FILE, language, file.fileName()),
              List.of(
                  KnowledgeTexts.format(
                      Key.TOO_LARGE,
                      language,
                      (file.size() + 1023) / 1024,
                      KnowledgeCheck.MAX_BYTES / 1024)),
              "too large: " + file.size() + " bytes"),
          language);
    }
    Outcome target = changes.target(args.stream().findFirst(), file.fileName(), language);
    if (target instanceof Refused refused) {
      return refusedReply(actor, "knowledge.add", refused, language);
    }
    String path = ((Target) target).path();
    byte[] content;
    try {
      // Not Attachment.fetch: a file over the limit is "too large", not "could not fetch".
      content = file.download().fetch(KnowledgeCheck.MAX_BYTES + 1L);
    } catch (IOException e) {
      log.warn(
          "Cannot fetch the knowledge file {} sent by {}: {}",
          file.fileName(),
          actor,
          e.getMessage());
      return refuse(
          actor,
          "knowledge.add",
          "fetch failed: " + e.getMessage(),
          Reply.error(
              language,
              KnowledgeTexts.format(
                  Key.FETCH_FAILED, language, file.fileName(), String.valueOf(e.getMessage()))));
    }
    Outcome outcome = changes.prepareUpload(actor, path, content, language);
    if (outcome instanceof Preview preview) {
      audit.record(
          actor,
          "knowledge.preview",
          path
              + " pending="
              + preview.pending().id()
              + " sha256="
              + KnowledgeVersions.sha256(preview.file().text()));
      return preview(preview, language);
    }
    return refusedReply(actor, "knowledge.add", (Refused) outcome, language);
  }

  private Reply preview(Preview preview, Language language) {
    String path = preview.pending().path();
    List<String> paragraphs = KnowledgeListings.previewParagraphs(preview, language);
    String publish = command(Verb.PUBLISH, language, preview.pending().id());
    paragraphs.add(
        KnowledgeTexts.format(
            Key.CONFIRM_HINT, language, publish, PendingChanges.LIFETIME.toMinutes()));
    return new Reply(
        Reply.Kind.INFO,
        Optional.of(KnowledgeTexts.format(Key.PREVIEW_HEADING, language, path)),
        paragraphs,
        List.of(),
        Optional.empty(),
        List.of(
            new Button(KnowledgeTexts.get(Key.PUBLISH, language), Button.Action.COMMAND, publish),
            new Button(
                KnowledgeTexts.get(Key.CANCEL, language),
                Button.Action.COMMAND,
                command(Verb.CANCEL, language, preview.pending().id()))),
        language,
        Optional.empty());
  }

  private Reply remove(String actor, String path, Language language) {
    Outcome outcome = changes.prepareRemoval(actor, path, language);
    if (outcome instanceof ConfirmRemoval confirm) {
      audit.record(actor, "knowledge.remove.prompt", path + " pending=" + confirm.pending().id());
      String publish = command(Verb.PUBLISH, language, confirm.pending().id());
      String title =
          loader.loadFile(path, confirm.current().text().orElse(""), new ArrayList<>()).stream()
              .findFirst()
              .map(Section::documentTitle)
              .orElse("–");
      return Reply.info(
              language,
              KnowledgeTexts.format(
                  Key.REMOVE_CONFIRM, language, path, title, confirm.sections(), publish))
          .withButtons(
              List.of(
                  new Button(
                      KnowledgeTexts.get(Key.REMOVE_BUTTON, language),
                      Button.Action.COMMAND,
                      publish),
                  new Button(
                      KnowledgeTexts.get(Key.CANCEL, language),
                      Button.Action.COMMAND,
                      command(Verb.CANCEL, language, confirm.pending().id()))));
    }
    return refusedReply(actor, "knowledge.remove", (Refused) outcome, language);
  }

  private Reply publish(String actor, String pendingId, Language language) {
    Outcome outcome = changes.publish(actor, pendingId, language);
    if (outcome instanceof Stored stored) {
      audit.record(
          actor,
          stored.removed() ? "knowledge.remove" : "knowledge.publish",
          stored.path() + " change=" + stored.change() + " pending=" + pendingId);
      return stored(
          stored,
          KnowledgeTexts.format(
              stored.removed() ? Key.REMOVED_DONE : Key.PUBLISHED,
              language,
              stored.path(),
              stored.change()),
          language);
    }
    return refusedReply(actor, "knowledge.publish", (Refused) outcome, language);
  }

  private Reply cancel(String actor, String pendingId, Language language) {
    boolean had = changes.cancel(actor, pendingId);
    audit.record(actor, "knowledge.cancel", "pending=" + pendingId + (had ? "" : " (none)"));
    return had
        ? Reply.info(language, KnowledgeTexts.get(Key.CANCELLED, language))
        : Reply.error(language, KnowledgeTexts.get(Key.PENDING_GONE, language));
  }

  private Reply rollback(String actor, String path, String version, Language language) {
    String digits = version.startsWith("#") ? version.substring(1) : version;
    if (!digits.matches("\\d{1,18}")) {
      return refuse(
          actor,
          "knowledge.rollback",
          "bad version " + version,
          Reply.error(language, usage(Verb.ROLLBACK, language)));
    }
    long id = Long.parseLong(digits);
    Outcome outcome = changes.rollback(actor, path, id, language);
    if (outcome instanceof Stored stored) {
      audit.record(actor, "knowledge.rollback", path + " to=" + id + " change=" + stored.change());
      return stored(
          stored,
          KnowledgeTexts.format(Key.ROLLED_BACK, language, path, id, stored.change()),
          language);
    }
    return refusedReply(actor, "knowledge.rollback", (Refused) outcome, language);
  }

  private static Reply stored(Stored stored, String text, Language language) {
    return stored.notApplied().isPresent()
        ? Reply.info(
            language,
            text,
            KnowledgeTexts.format(Key.NOT_APPLIED, language, stored.notApplied().get()))
        : Reply.info(language, text);
  }

  private Reply files(String actor, Language language) {
    Map<String, Optional<Version>> paths = changes.paths();
    List<String> rows = new ArrayList<>();
    int present = 0;
    int managed = 0;
    for (Map.Entry<String, Optional<Version>> entry : paths.entrySet()) {
      Optional<Version> version = entry.getValue();
      if (version.isEmpty() || !version.get().removed()) {
        present++;
      }
      if (version.isPresent() && !version.get().removed()) {
        managed++;
      }
      rows.add(KnowledgeListings.fileRow(entry.getKey(), version, language));
    }
    audit.record(actor, "knowledge.files", "files=" + present);
    return Reply.info(
        language,
        list(
                KnowledgeTexts.format(
                    Key.FILES_HEADING, language, present, managed, changes.applied()),
                rows)
            .toArray(String[]::new));
  }

  private Reply show(String actor, String path, Language language) {
    List<String> problems = KnowledgeCheck.pathProblems(path, language);
    if (!problems.isEmpty()) {
      return refusedReply(
          actor,
          "knowledge.show",
          new Refused(KnowledgeTexts.get(Key.REFUSED_PATH, language), problems, "invalid path"),
          language);
    }
    KnowledgeChanges.Current current = changes.current(path);
    if (!current.exists()) {
      return refusedReply(actor, "knowledge.show", changes.noSuchFile(path, language), language);
    }
    List<KnowledgeProblem> fileProblems = new ArrayList<>();
    List<Section> sections = loader.loadFile(path, current.text().get(), fileProblems);
    List<String> paragraphs =
        KnowledgeListings.showParagraphs(current.version(), sections, fileProblems, language);
    audit.record(actor, "knowledge.show", path);
    return new Reply(
        Reply.Kind.INFO,
        Optional.of(path),
        paragraphs,
        List.of(),
        Optional.empty(),
        List.of(),
        language,
        Optional.empty());
  }

  private Reply history(String actor, String path, Language language) {
    List<String> problems = KnowledgeCheck.pathProblems(path, language);
    if (!problems.isEmpty()) {
      return refusedReply(
          actor,
          "knowledge.history",
          new Refused(KnowledgeTexts.get(Key.REFUSED_PATH, language), problems, "invalid path"),
          language);
    }
    List<Version> versions = changes.history(path, MAX_HISTORY);
    audit.record(actor, "knowledge.history", path + " versions=" + versions.size());
    if (versions.isEmpty()) {
      return Reply.info(language, KnowledgeTexts.format(Key.HISTORY_NONE, language, path));
    }
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      rows.add(KnowledgeListings.historyRow(versions.get(i), i == 0, language));
    }
    List<String> paragraphs =
        new ArrayList<>(list(KnowledgeTexts.format(Key.HISTORY_HEADING, language, path), rows));
    paragraphs.add(
        KnowledgeTexts.format(
            Key.HISTORY_HINT, language, command(Verb.ROLLBACK, language, path + " <n>")));
    return Reply.info(language, paragraphs.toArray(String[]::new));
  }

  private Reply refusedReply(String actor, String action, Refused refused, Language language) {
    List<String> paragraphs = new ArrayList<>();
    if (refused.reasons().isEmpty()) {
      paragraphs.add(refused.message());
    } else {
      paragraphs.addAll(list(refused.message(), refused.reasons()));
    }
    return refuse(
        actor,
        action,
        refused.audit(),
        new Reply(
            Reply.Kind.ERROR,
            Optional.empty(),
            paragraphs,
            List.of(),
            Optional.empty(),
            List.of(),
            language,
            Optional.empty()));
  }

  private Reply refuse(String actor, String action, String why, Reply reply) {
    audit.record(actor, "knowledge.refused", action + ": " + why);
    return reply;
  }

  private Reply guarded(Language language, String name, Supplier<Reply> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      log.error("Knowledge command {} failed", name, e);
      return Reply.error(language, AdminTexts.get(AdminTexts.Key.FAILED, language));
    }
  }

  private static Reply error(Key key, Language language) {
    return Reply.error(language, KnowledgeTexts.get(key, language));
  }

  /** The administrators' help lines for knowledge management. */
  static List<String> adminHelpLines(Language language) {
    return List.of(
        KnowledgeTexts.get(Key.HELP_UPLOAD, language),
        KnowledgeTexts.get(Key.HELP_FILES, language),
        KnowledgeTexts.get(Key.HELP_SHOW, language),
        KnowledgeTexts.get(Key.HELP_REMOVE, language),
        KnowledgeTexts.get(Key.HELP_HISTORY, language),
        KnowledgeTexts.get(Key.HELP_ROLLBACK, language));
  }

  /** Administrators find these with "ylläpito"; the general help does not list them. */
  @Override
  public List<String> helpLines(Language language) {
    return List.of();
  }
}
