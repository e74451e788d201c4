package fi.luotsi.admin;

import fi.luotsi.admin.AdminTexts.Key;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrators' chat commands, Finnish first with Swedish and English aliases: unanswered
 * questions and 👎 answers of the last N days (askers by pseudonym), feedback per section, and the
 * knowledge base's status with the files it refused. Every use is audited; a person who is not an
 * administrator gets a clear refusal (also audited, by pseudonym).
 */
final class AdminCommand implements ChatCommand {
  private static final Logger log = LoggerFactory.getLogger(AdminCommand.class);

  static final int MAX_DAYS = 365;
  static final int MAX_ROWS = 20;
  static final int MAX_SECTIONS = 30;
  private static final int ROWS_PER_PARAGRAPH = 5;

  private enum Action {
    HELP(0),
    UNANSWERED(7),
    DOWNVOTED(7),
    FEEDBACK(30),
    KNOWLEDGE(0);

    final int defaultDays;

    Action(int defaultDays) {
      this.defaultDays = defaultDays;
    }
  }

  private record Alias(Action action, Language language) {}

  private static final Map<String, Alias> ALIASES =
      Map.ofEntries(
          Map.entry("ylläpito", new Alias(Action.HELP, Language.FI)),
          Map.entry("administration", new Alias(Action.HELP, Language.SV)),
          Map.entry("admin", new Alias(Action.HELP, Language.EN)),
          Map.entry("vastaamattomat", new Alias(Action.UNANSWERED, Language.FI)),
          Map.entry("obesvarade", new Alias(Action.UNANSWERED, Language.SV)),
          Map.entry("unanswered", new Alias(Action.UNANSWERED, Language.EN)),
          Map.entry("alapeukut", new Alias(Action.DOWNVOTED, Language.FI)),
          Map.entry("huonot vastaukset", new Alias(Action.DOWNVOTED, Language.FI)),
          Map.entry("tummen ner", new Alias(Action.DOWNVOTED, Language.SV)),
          Map.entry("downvoted", new Alias(Action.DOWNVOTED, Language.EN)),
          Map.entry("thumbs down", new Alias(Action.DOWNVOTED, Language.EN)),
          Map.entry("palauteraportti", new Alias(Action.FEEDBACK, Language.FI)),
          Map.entry("responsrapport", new Alias(Action.FEEDBACK, Language.SV)),
          Map.entry("feedback report", new Alias(Action.FEEDBACK, Language.EN)),
          Map.entry("tietopankki", new Alias(Action.KNOWLEDGE, Language.FI)),
          Map.entry("tietopankin tila", new Alias(Action.KNOWLEDGE, Language.FI)),
          Map.entry("kunskapsbank", new Alias(Action.KNOWLEDGE, Language.SV)),
          Map.entry("kunskapsbankens status", new Alias(Action.KNOWLEDGE, Language.SV)),
          Map.entry("knowledge status", new Alias(Action.KNOWLEDGE, Language.EN)));
  private static final Pattern DAYS = Pattern.compile("(.+?)(?: (\\d{1,6}))?");

  private final Roles roles;
  private final QuestionReports reports;
  private final LiveKnowledge knowledge;
  private final AuditLog audit;
  private final Pseudonyms pseudonyms;
  private final Clock clock;

  AdminCommand(
      Roles roles,
      QuestionReports reports,
      LiveKnowledge knowledge,
      AuditLog audit,
      Pseudonyms pseudonyms,
      Clock clock) {
    this.roles = Objects.requireNonNull(roles, "roles");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Reply> handle(IncomingMessage message, Language ignored) {
    if (message.isButtonPress() && message.action() != Button.Action.COMMAND) {
      return Optional.empty();
    }
    Matcher matcher = DAYS.matcher(CommandText.normalize(message.text()));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Alias alias = ALIASES.get(matcher.group(1));
    if (alias == null || (matcher.group(2) != null && alias.action().defaultDays == 0)) {
      return Optional.empty();
    }
    Language language = alias.language();
    String name = alias.action().name().toLowerCase(Locale.ROOT);
    if (!roles.isAdmin(message.platform(), message.userId())) {
      audit.record(
          "pseudonym:" + pseudonyms.of(message.platform(), message.userId()), "admin.denied", name);
      return Optional.of(Reply.error(language, AdminTexts.get(Key.ADMIN_ONLY, language)));
    }
    int days =
        matcher.group(2) == null
            ? alias.action().defaultDays
            : Math.max(1, Math.min(MAX_DAYS, Integer.parseInt(matcher.group(2))));
    String actor = Roles.key(message.platform(), message.userId());
    try {
      Instant since = clock.instant().minus(Duration.ofDays(days));
      Reply reply =
          switch (alias.action()) {
            case HELP -> help(language);
            case UNANSWERED -> unanswered(since, days, language);
            case DOWNVOTED -> downvoted(since, days, language);
            case FEEDBACK -> feedback(since, days, language);
            case KNOWLEDGE -> knowledge(language);
          };
      audit.record(actor, "admin." + name, days > 0 ? "days=" + days : "");
      return Optional.of(reply);
    } catch (RuntimeException e) {
      log.error("Admin command {} failed", name, e);
      return Optional.of(Reply.error(language, AdminTexts.get(Key.FAILED, language)));
    }
  }

  private static Reply help(Language language) {
    return Reply.info(
        language,
        AdminTexts.get(Key.ADMIN_HELP, language)
            + "\n• "
            + String.join(
                "\n• ",
                AdminTexts.get(Key.HELP_UNANSWERED, language),
                AdminTexts.get(Key.HELP_DOWNVOTED, language),
                AdminTexts.get(Key.HELP_FEEDBACK, language),
                AdminTexts.get(Key.HELP_KNOWLEDGE, language)),
        "• " + String.join("\n• ", KnowledgeCommand.adminHelpLines(language)));
  }

  private Reply unanswered(Instant since, int days, Language language) {
    QuestionReports.Page page = reports.unanswered(since, MAX_ROWS);
    List<String> rows = new ArrayList<>();
    for (QuestionReports.Row row : page.rows()) {
      rows.add(
          AdminTexts.dateTime(row.at(), language)
              + " · "
              + shortRef(row.userRef())
              + " · "
              + row.language()
              + " · “"
              + QuestionLogData.shorten(row.question())
              + "”");
    }
    return list(
        AdminTexts.format(Key.UNANSWERED_HEADING, language, days, page.total()),
        page,
        rows,
        language);
  }

  private Reply downvoted(Instant since, int days, Language language) {
    QuestionReports.Page page = reports.downvoted(since, MAX_ROWS);
    List<String> rows = new ArrayList<>();
    for (QuestionReports.Row row : page.rows()) {
      rows.add(
          AdminTexts.dateTime(row.at(), language)
              + " · "
              + shortRef(row.userRef())
              + " · “"
              + QuestionLogData.shorten(row.question())
              + "” → "
              + row.sectionId().orElse("–"));
    }
    return list(
        AdminTexts.format(Key.DOWNVOTED_HEADING, language, days, page.total()),
        page,
        rows,
        language);
  }

  private static Reply list(
      String heading, QuestionReports.Page page, List<String> rows, Language language) {
    List<String> paragraphs = new ArrayList<>();
    String intro = heading;
    if (page.total() > page.rows().size()) {
      intro += " " + AdminTexts.format(Key.SHOWING_NEWEST, language, page.rows().size());
    }
    if (!rows.isEmpty()) {
      intro += " " + AdminTexts.get(Key.PSEUDONYM_NOTE, language);
    }
    paragraphs.add(intro);
    paragraphs.addAll(bullets(rows));
    return Reply.info(language, paragraphs.toArray(String[]::new));
  }

  private Reply feedback(Instant since, int days, Language language) {
    List<QuestionReports.SectionFeedback> sections = reports.feedbackBySection(since);
    List<String> rows = new ArrayList<>();
    for (QuestionReports.SectionFeedback section :
        sections.subList(0, Math.min(MAX_SECTIONS, sections.size()))) {
      rows.add(
          section.sectionId() + " — 👍 " + section.helpful() + " · 👎 " + section.notHelpful());
    }
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(AdminTexts.format(Key.FEEDBACK_HEADING, language, days));
    if (rows.isEmpty()) {
      paragraphs.add(AdminTexts.get(Key.NONE, language));
    } else if (sections.size() > rows.size()) {
      paragraphs.set(
          0,
          paragraphs.get(0) + " " + AdminTexts.format(Key.SHOWING_NEWEST, language, rows.size()));
    }
    paragraphs.addAll(bullets(rows));
    return Reply.info(language, paragraphs.toArray(String[]::new));
  }

  private Reply knowledge(Language language) {
    KnowledgeStatus status = knowledge.status();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(
        AdminTexts.format(
            Key.KNOWLEDGE_STATUS,
            language,
            status.revision(),
            status.sections(),
            status.files(),
            AdminTexts.dateTime(status.loadedAt(), language)));
    if (status.problems().isEmpty()) {
      paragraphs.add(AdminTexts.get(Key.KNOWLEDGE_ALL_VALID, language));
    } else {
      paragraphs.add(AdminTexts.get(Key.KNOWLEDGE_REFUSED, language));
      List<String> rows = new ArrayList<>();
      for (KnowledgeProblem problem :
          status.problems().subList(0, Math.min(MAX_ROWS, status.problems().size()))) {
        rows.add(
            problem
                + (status.keptFiles().contains(problem.file())
                    ? " " + AdminTexts.get(Key.KNOWLEDGE_KEPT, language)
                    : ""));
      }
      paragraphs.addAll(bullets(rows));
    }
    return Reply.info(language, paragraphs.toArray(String[]::new));
  }

  /** Bulleted rows, a few per paragraph, so that no paragraph grows past a platform's limit. */
  private static List<String> bullets(List<String> rows) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += ROWS_PER_PARAGRAPH) {
      out.add(
          "• "
              + String.join(
                  "\n• ", rows.subList(i, Math.min(rows.size(), i + ROWS_PER_PARAGRAPH))));
    }
    return out;
  }

  private static String shortRef(String userRef) {
    return userRef.substring(0, Math.min(8, userRef.length()));
  }

  /** Administrators find their commands with "ylläpito"; the general help does not list them. */
  @Override
  public List<String> helpLines(Language language) {
    return List.of();
  }
}
