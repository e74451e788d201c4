package fi.luotsi.admin.expert;

import fi.luotsi.admin.AdminWording;
import fi.luotsi.admin.AuditLog;
import fi.luotsi.admin.KnowledgeEditor;
import fi.luotsi.admin.expert.ExpertQuestions.Asker;
import fi.luotsi.admin.expert.ExpertQuestions.Question;
import fi.luotsi.admin.expert.ExpertTexts.Key;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.NoAnswerButtons;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.QuestionLog;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.config.Settings;
import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.knowledge.Language;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Ask an expert": the buttons on a "don't know" reply forward the logged question (optionally
 * anonymously) to the organisers' destination; {@code vastaa K12 <teksti>} by an organiser relays
 * the answer to the asker once; an administrator can then turn the question and answer into a
 * knowledge section ({@code tee-osio K12}) or add the question as an alternate phrasing of a
 * section ({@code vaihtoehto K12}, {@code liitä K12 <osio-id>}). Every step is audited.
 *
 * <p>Buttons carry only the question log's id ({@code kysy-asiantuntijalta <id>}), never the
 * question's text. Thread-safe.
 */
final class ExpertCommand implements ChatCommand, NoAnswerButtons {
  private static final Logger log = LoggerFactory.getLogger(ExpertCommand.class);

  static final String FORWARD = "kysy-asiantuntijalta";
  static final String FORWARD_ANONYMOUSLY = "kysy-nimettömänä";
  static final String NEW_SECTION = "tee-osio";
  static final String CHOOSE_SECTION = "vaihtoehto";
  static final int MAX_ANSWER = 4000;
  static final int SUGGESTIONS = 3;

  private static final Pattern FORWARD_COMMAND =
      Pattern.compile("(kysy-asiantuntijalta|kysy-nimettömänä) ([0-9a-f-]{1,64})");
  private static final Pattern ANSWER =
      Pattern.compile(
          "(vastaa|svara|answer)\\s+k(\\d{1,12})\\b\\s*(.*)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  private static final Pattern KNOWLEDGE =
      Pattern.compile(
          "(tee-osio|vaihtoehto) k(\\d{1,12})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern ATTACH =
      Pattern.compile(
          "(liitä|koppla|attach)\\s+k(\\d{1,12})\\s+(\\S+)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final ExpertQuestions store;
  private final QuestionLog questionLog;
  private final Pseudonyms pseudonyms;
  private final Roles roles;
  private final Settings.Experts destinations;
  private final Outbox outbox;
  private final AuditLog audit;
  private final Optional<KnowledgeEditor> editor;
  private final SectionSuggestions suggestions;
  private final Clock clock;
  private final ExpertKnowledge knowledge;

  ExpertCommand(
      ExpertQuestions store,
      QuestionLog questionLog,
      Pseudonyms pseudonyms,
      Roles roles,
      Settings.Experts destinations,
      Outbox outbox,
      AuditLog audit,
      Optional<KnowledgeEditor> editor,
      SectionSuggestions suggestions,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.questionLog = Objects.requireNonNull(questionLog, "questionLog");
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.destinations = Objects.requireNonNull(destinations, "destinations");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.editor = Objects.requireNonNull(editor, "editor");
    this.suggestions = Objects.requireNonNull(suggestions, "suggestions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.knowledge = new ExpertKnowledge(store, pseudonyms, roles, audit, editor, suggestions);
  }

  /**
   * "Ask an expert" and "ask anonymously" for a question the bot could not answer; none when no
   * destination is configured or the question came from where no answer can be relayed (web chat,
   * console).
   */
  @Override
  public List<Button> buttons(String questionRef, Language language) {
    if (!destinations.configured()) {
      return List.of();
    }
    Optional<QuestionLog.Entry> entry = questionLog.find(questionRef);
    if (entry.isEmpty() || !relayable(entry.get().platform())) {
      return List.of();
    }
    return List.of(
        new Button(
            ExpertTexts.get(Key.BUTTON_ASK, language),
            Button.Action.COMMAND,
            FORWARD + " " + questionRef),
        new Button(
            ExpertTexts.get(Key.BUTTON_ANONYMOUS, language),
            Button.Action.COMMAND,
            FORWARD_ANONYMOUSLY + " " + questionRef));
  }

  private static boolean relayable(Platform platform) {
    return platform == Platform.SLACK || platform == Platform.TEAMS;
  }

  @Override
  public Optional<Reply> handle(IncomingMessage message, Language language) {
    if (message.isButtonPress() && message.action() != Button.Action.COMMAND) {
      return Optional.empty();
    }
    String text = message.text().strip();
    Matcher m = FORWARD_COMMAND.matcher(text);
    if (m.matches()) {
      boolean anonymous = m.group(1).equals(FORWARD_ANONYMOUSLY);
      String ref = m.group(2);
      return Optional.of(guarded(language, () -> forward(message, ref, anonymous, language)));
    }
    m = ANSWER.matcher(text);
    if (m.matches()) {
      Language lang = wordLanguage(m.group(1));
      long id = Long.parseLong(m.group(2));
      String answer = m.group(3).strip();
      return Optional.of(guarded(lang, () -> answer(message, id, answer, lang)));
    }
    m = KNOWLEDGE.matcher(text);
    if (m.matches()) {
      long id = Long.parseLong(m.group(2));
      boolean newSection = m.group(1).equalsIgnoreCase(NEW_SECTION);
      return Optional.of(
          guarded(
              language,
              () ->
                  newSection
                      ? knowledge.newSection(message, id, language)
                      : knowledge.chooseSection(message, id, language)));
    }
    m = ATTACH.matcher(text);
    if (m.matches()) {
      Language lang = wordLanguage(m.group(1));
      long id = Long.parseLong(m.group(2));
      String sectionId = m.group(3);
      return Optional.of(guarded(lang, () -> knowledge.attach(message, id, sectionId, lang)));
    }
    return Optional.empty();
  }

  private static Language wordLanguage(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "svara", "koppla" -> Language.SV;
      case "answer", "attach" -> Language.EN;
      default -> Language.FI;
    };
  }

  // ---- forwarding ----

  private Reply forward(IncomingMessage message, String ref, boolean anonymous, Language fallback) {
    if (!destinations.configured()) {
      return Reply.info(fallback, ExpertTexts.get(Key.OFF, fallback));
    }
    Optional<QuestionLog.Entry> logged = questionLog.find(ref);
    if (logged.isEmpty()) {
      return Reply.error(fallback, ExpertTexts.get(Key.QUESTION_GONE, fallback));
    }
    QuestionLog.Entry entry = logged.get();
    Language language = Language.fromTag(entry.language()).orElse(fallback);
    String userRef = pseudonyms.of(message.platform(), message.userId());
    if (!entry.userRef().equals(userRef)) {
      audit.record("pseudonym:" + userRef, "expert.forward.denied", "not the asker");
      return Reply.error(language, ExpertTexts.get(Key.NOT_YOURS, language));
    }
    Optional<Question> earlier = store.findByQuestionRef(ref);
    if (earlier.isPresent()) {
      return Reply.info(
          language, ExpertTexts.format(Key.ALREADY_FORWARDED, language, earlier.get().shortId()));
    }
    Optional<Question> added =
        store.add(
            new ExpertQuestions.NewQuestion(
                ref,
                userRef,
                message.platform(),
                entry.language(),
                entry.question(),
                anonymous,
                new Asker(message.userId(), message.conversationId(), message.direct()),
                clock.instant()));
    if (added.isEmpty()) { // a second press at the same moment
      String shortId = store.findByQuestionRef(ref).map(Question::shortId).orElse("?");
      return Reply.info(language, ExpertTexts.format(Key.ALREADY_FORWARDED, language, shortId));
    }
    Question question = added.get();
    audit.record(
        "pseudonym:" + userRef,
        "expert.forward",
        question.shortId() + " anonymous=" + anonymous + " language=" + entry.language());
    Recipient asker = askerRecipient(question.platform(), question.asker().orElseThrow());
    outbox.send(
        "expert:" + question.shortId() + ":question",
        toOrganisers(question),
        organisers(),
        report -> {
          if (report.reached() == 0) {
            log.warn(
                "Expert question {} reached no organiser destination: {}",
                question.shortId(),
                report.failures());
            outbox.send(
                "expert:" + question.shortId() + ":not-forwarded",
                Reply.info(
                    language, ExpertTexts.format(Key.FORWARD_FAILED, language, question.shortId())),
                List.of(asker),
                ignored -> {});
          }
        });
    List<String> paragraphs = new ArrayList<>();
    boolean here = message.direct() || message.platform() == Platform.TEAMS;
    paragraphs.add(
        ExpertTexts.format(
            here ? Key.FORWARDED_HERE : Key.FORWARDED_DM, language, question.shortId()));
    if (anonymous) {
      paragraphs.add(ExpertTexts.get(Key.FORWARDED_ANONYMOUS, language));
    }
    return Reply.info(language, paragraphs.toArray(String[]::new));
  }

  private List<Recipient> organisers() {
    List<Recipient> out = new ArrayList<>();
    destinations.slack().ifPresent(c -> out.add(new Recipient(Platform.SLACK, c)));
    destinations.teams().ifPresent(c -> out.add(new Recipient(Platform.TEAMS, c)));
    return out;
  }

  /** The organisers read Finnish; the asker is named only when they did not ask anonymously. */
  static Reply toOrganisers(Question question) {
    Language fi = Language.FI;
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("“" + question.question() + "”");
    paragraphs.add(
        question.anonymous() || question.asker().isEmpty()
            ? ExpertTexts.get(Key.ORGANISERS_ANONYMOUS, fi)
            : ExpertTexts.format(
                Key.ORGANISERS_ASKER,
                fi,
                platformName(question.platform()) + " " + question.asker().get().userId()));
    if (!question.language().equals(fi.code())) {
      paragraphs.add(ExpertTexts.format(Key.ORGANISERS_LANGUAGE, fi, question.language()));
    }
    paragraphs.add(ExpertTexts.format(Key.ORGANISERS_HOW, fi, question.shortId()));
    return new Reply(
        Reply.Kind.INFO,
        Optional.of(ExpertTexts.format(Key.ORGANISERS_HEADING, fi, question.shortId())),
        paragraphs,
        List.of(),
        Optional.empty(),
        List.of(),
        fi,
        Optional.empty());
  }

  private static String platformName(Platform platform) {
    return switch (platform) {
      case SLACK -> "Slack";
      case TEAMS -> "Teams";
      case WEB -> "web";
      case CONSOLE -> "console";
    };
  }

  /**
   * Where the asker gets the answer: the conversation they asked in, except that a question from a
   * Slack channel is answered in a direct message (Slack reaches a user id directly). Teams reaches
   * only conversations whose reference the bot saved, which the question's own is.
   */
  static Recipient askerRecipient(Platform platform, Asker asker) {
    if (platform == Platform.SLACK && !asker.direct()) {
      return new Recipient(platform, asker.userId());
    }
    return new Recipient(platform, asker.conversationId());
  }

  // ---- answering ----

  private Reply answer(IncomingMessage message, long id, String answer, Language language) {
    String shortId = "K" + id;
    if (!roles.isOrganiser(message.platform(), message.userId())) {
      audit.record(
          "pseudonym:" + pseudonyms.of(message.platform(), message.userId()),
          "expert.answer.denied",
          shortId);
      return Reply.error(language, ExpertTexts.get(Key.ORGANISERS_ONLY, language));
    }
    if (answer.isEmpty()) {
      return Reply.error(language, ExpertTexts.format(Key.EMPTY_ANSWER, language, shortId));
    }
    if (answer.length() > MAX_ANSWER) {
      return Reply.error(language, ExpertTexts.format(Key.TOO_LONG, language, MAX_ANSWER));
    }
    Optional<Question> found = store.find(id);
    if (found.isEmpty()) {
      return Reply.error(language, ExpertTexts.format(Key.UNKNOWN_ID, language, shortId));
    }
    String actor = Roles.key(message.platform(), message.userId());
    if (!store.answer(id, answer, actor, clock.instant())) {
      Question earlier = store.find(id).orElse(found.get());
      String when = earlier.answeredAt().map(at -> ExpertTexts.dateTime(at, language)).orElse("–");
      return Reply.info(
          language, ExpertTexts.format(Key.ALREADY_ANSWERED, language, shortId, when));
    }
    Question question = found.get();
    audit.record(actor, "expert.answer", shortId);
    relay(question, answer, message);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(ExpertTexts.format(Key.RELAYING, language, shortId));
    List<Button> buttons = new ArrayList<>();
    if (editor.isPresent() && roles.isAdmin(message.platform(), message.userId())) {
      paragraphs.add(ExpertTexts.format(Key.KNOWLEDGE_OFFER, language, shortId));
      buttons.add(
          new Button(
              ExpertTexts.get(Key.BUTTON_NEW_SECTION, language),
              Button.Action.COMMAND,
              NEW_SECTION + " " + shortId));
      buttons.add(
          new Button(
              ExpertTexts.get(Key.BUTTON_PHRASING, language),
              Button.Action.COMMAND,
              CHOOSE_SECTION + " " + shortId));
    }
    return Reply.info(language, paragraphs.toArray(String[]::new)).withButtons(buttons);
  }

  private void relay(Question question, String answer, IncomingMessage organiser) {
    if (question.asker().isEmpty()) { // cannot happen for a pending question; keep it safe
      store.relayed(question.id(), false);
      return;
    }
    Language language = Language.fromTag(question.language()).orElse(Language.FI);
    Reply toAsker =
        new Reply(
            Reply.Kind.INFO,
            Optional.of(ExpertTexts.format(Key.ANSWER_HEADING, language, question.shortId())),
            List.of(
                ExpertTexts.format(Key.ANSWER_YOU_ASKED, language, question.question()), answer),
            List.of(),
            Optional.of(ExpertTexts.get(Key.ANSWER_FROM, language)),
            List.of(),
            language,
            Optional.empty());
    Recipient asker = askerRecipient(question.platform(), question.asker().get());
    Recipient back = askerRecipient(organiser.platform(), asker(organiser));
    outbox.send(
        "expert:" + question.shortId() + ":answer",
        toAsker,
        List.of(asker),
        report -> relayed(question, report, back));
  }

  private void relayed(Question question, DeliveryReport report, Recipient organiser) {
    boolean sent = report.reached() > 0;
    store.relayed(question.id(), sent);
    String reason =
        report.failures().isEmpty() ? "not delivered" : report.failures().get(0).reason();
    audit.record(
        "expert", "expert.relay", question.shortId() + (sent ? " sent" : " failed: " + reason));
    if (!sent) {
      outbox.send(
          "expert:" + question.shortId() + ":relay-failed",
          Reply.error(
              Language.FI,
              ExpertTexts.format(Key.RELAY_FAILED, Language.FI, question.shortId(), reason)),
          List.of(organiser),
          ignored -> {});
    }
  }

  private static Asker asker(IncomingMessage message) {
    return new Asker(message.userId(), message.conversationId(), message.direct());
  }

  private Reply guarded(Language language, Supplier<Reply> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      log.error("An expert-question command failed", e);
      return Reply.error(language, AdminWording.failed(language));
    }
  }

  /** Organisers find the answering command in the forwarded message; people need no help line. */
  @Override
  public List<String> helpLines(Language language) {
    return List.of();
  }
}
