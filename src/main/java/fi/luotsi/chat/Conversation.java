package fi.luotsi.chat;

import fi.luotsi.answer.Answer;
import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.chat.Texts.Key;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat core: help, topics, feature commands, questions answered from the knowledge base,
 * feedback and sharing. Platform-neutral: adapters hand in {@link IncomingMessage}s and render the
 * {@link Reply}.
 *
 * <p>Thread-safe. Never throws for user input; an internal failure becomes a polite error reply
 * (logged once here, without the message text).
 */
public final class Conversation implements ConversationHandler {
  private static final Logger log = LoggerFactory.getLogger(Conversation.class);
  private static final Set<String> HELP =
      Set.of(
          "apua", "ohje", "ohjeet", "help", "hjälp", "?", "start", "/start", "moi", "hei", "hej");
  private static final Set<String> TOPICS =
      Set.of("aiheet", "aihe", "topics", "ämnen", "ämne", "mitä osaat", "what can you do");
  private static final double SUGGESTION_COVERAGE = 0.3;

  /**
   * How many topics an unanswered question's reply names, and from how many of the nearest
   * candidates (those sharing at least one of the question's words) the first of them come.
   */
  private static final int SUGGESTED_TOPICS = 6;

  private static final int TOPICS_FROM_NEAREST = 3;
  private static final List<String> DISQUALIFICATION_TAGS =
      List.of("esteellisyys", "jääviys", "jäv", "disqualification");

  private final AnswerEngine answers;
  private final Supplier<List<Section>> sections;
  private final QuestionLog questionLog;
  private final Pseudonyms pseudonyms;

  /**
   * Searching is pure CPU work. At most one search per core runs at a time and the others wait
   * their turn in order: under load, short requests (a Slack event that must be acknowledged within
   * three seconds, a health check, a button press) then find a free core at once instead of
   * queueing behind dozens of searches sharing the cores, and searches finish in arrival order.
   */
  private final Semaphore answering =
      new Semaphore(Runtime.getRuntime().availableProcessors(), true);

  private final Function<Language, String> contact;
  private final List<ChatCommand> commands;
  private final RateLimiter rateLimiter;
  private final Clock clock;
  private final List<ConversationObserver> observers = new CopyOnWriteArrayList<>();
  private final List<NoAnswerButtons> noAnswerButtons = new CopyOnWriteArrayList<>();

  /**
   * @param answers the answer engine
   * @param sections the sections currently served (for the topic list)
   * @param questionLog where questions and feedback are kept
   * @param pseudonyms how user ids are pseudonymised for the log
   * @param contact the human contact text per language
   * @param commands feature commands, offered every message in order before it is a question
   * @param questionsPerMinute per-person question limit
   * @param clock the time source
   */
  public Conversation(
      AnswerEngine answers,
      Supplier<List<Section>> sections,
      QuestionLog questionLog,
      Pseudonyms pseudonyms,
      Function<Language, String> contact,
      List<ChatCommand> commands,
      int questionsPerMinute,
      Clock clock) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.sections = Objects.requireNonNull(sections, "sections");
    this.questionLog = Objects.requireNonNull(questionLog, "questionLog");
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    this.contact = Objects.requireNonNull(contact, "contact");
    this.commands = List.copyOf(commands);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rateLimiter = new RateLimiter(questionsPerMinute, clock);
  }

  /** Adds an observer of questions and feedback (metrics). */
  public void addObserver(ConversationObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
  }

  /** Adds a source of extra buttons for the "I don't know" reply (ask an expert). */
  public void offerOnNoAnswer(NoAnswerButtons source) {
    noAnswerButtons.add(Objects.requireNonNull(source, "source"));
  }

  @Override
  public Reply handle(IncomingMessage message) {
    // A button's value is a reference or a command, not words: it tells nothing about language
    // (an answer reference like "…-4a1e-be…" would read as English).
    Language language =
        message.isButtonPress()
            ? message.userLanguage().orElse(Language.FI)
            : answers.languageOf(message.text(), message.userLanguage());
    try {
      return dispatch(message, language);
    } catch (RuntimeException e) {
      log.error(
          "Handling a {} message from {} failed",
          message.platform(),
          pseudonyms.of(message.platform(), message.userId()),
          e);
      return Reply.error(language, Texts.get(Key.NO_ANSWER, language));
    }
  }

  private Reply dispatch(IncomingMessage message, Language language) {
    Language userLanguage = message.userLanguage().orElse(language);
    switch (message.action()) {
      case FEEDBACK_UP, FEEDBACK_DOWN -> {
        return feedback(message, userLanguage);
      }
      case SHARE -> {
        return share(message, userLanguage);
      }
      case ASK -> { // a related section's heading: its own language, not the user's
        return question(
            message, message.text(), answers.languageOf(message.text(), message.userLanguage()));
      }
      case LINK -> {
        return Reply.info(userLanguage, Texts.get(Key.UNKNOWN_BUTTON, userLanguage));
      }
      default -> {}
    }
    String text = message.text();
    String normalized = text.toLowerCase(Locale.ROOT).replaceAll("[!.?]+$", "").strip();
    if (!message.isButtonPress()) {
      if (text.isEmpty() && message.attachments().isEmpty()) {
        return Reply.info(userLanguage, Texts.get(Key.EMPTY, userLanguage));
      }
      if (HELP.contains(normalized) || text.equals("?")) {
        return help(message, helpLanguage(normalized, userLanguage));
      }
      if (TOPICS.contains(normalized)) {
        return topics(helpLanguage(normalized, userLanguage));
      }
      Optional<Language> thanked = Courtesy.thanks(normalized);
      if (thanked.isPresent()) {
        return Reply.info(thanked.get(), Texts.get(Key.WELCOME, thanked.get()));
      }
    }
    for (ChatCommand command : commands) {
      Optional<Reply> reply =
          command.handle(message, message.isButtonPress() ? userLanguage : language);
      if (reply.isPresent()) {
        return reply.get();
      }
    }
    if (message.isButtonPress()) {
      return Reply.info(userLanguage, Texts.get(Key.UNKNOWN_BUTTON, userLanguage));
    }
    if (text.isEmpty()) { // a file that no command took
      return Reply.info(userLanguage, Texts.get(Key.EMPTY, userLanguage));
    }
    return question(message, text, language); // detected from this same text in handle
  }

  private static Language helpLanguage(String word, Language fallback) {
    return switch (word) {
      case "apua", "ohje", "ohjeet", "aiheet", "aihe", "mitä osaat", "moi", "hei" -> Language.FI;
      case "hjälp", "ämnen", "ämne", "hej" -> Language.SV;
      case "help", "topics", "what can you do" -> Language.EN;
      default -> fallback;
    };
  }

  private Reply question(IncomingMessage message, String text, Language language) {
    String userRef = pseudonyms.of(message.platform(), message.userId());
    if (!rateLimiter.tryAcquire(userRef)) {
      return Reply.error(language, Texts.get(Key.RATE_LIMITED, language));
    }
    Answer answer;
    Duration took;
    answering.acquireUninterruptibly();
    try {
      long started = System.nanoTime();
      answer = answers.answer(text, language);
      took = Duration.ofNanos(System.nanoTime() - started);
    } finally {
      answering.release();
    }
    observers.forEach(o -> o.questionAnswered(answer instanceof Answer.Found, took));
    String id = UUID.randomUUID().toString();
    Optional<String> sectionId =
        answer instanceof Answer.Found found ? Optional.of(found.section().id()) : Optional.empty();
    double coverage = answer instanceof Answer.Found found ? found.confidence() : 0;
    questionLog.record(
        new QuestionLog.Entry(
            id,
            clock.instant(),
            userRef,
            message.platform(),
            answer.language().code(),
            text.length() > 2000 ? text.substring(0, 2000) : text,
            sectionId,
            coverage));
    return switch (answer) {
      case Answer.Found found -> found(found, Optional.of(id), true);
      case Answer.NoMatch none -> noMatch(none, id);
    };
  }

  private Reply found(Answer.Found found, Optional<String> answerRef, boolean withButtons) {
    Language language = found.language();
    Section section = found.section();
    List<String> paragraphs = new ArrayList<>();
    if (found.otherLanguage() && !Texts.get(Key.ONLY_FINNISH, language).isEmpty()) {
      paragraphs.add(Texts.get(Key.ONLY_FINNISH, language));
    }
    paragraphs.addAll(section.text());
    List<Button> buttons = new ArrayList<>();
    if (withButtons) {
      for (Section related : found.related()) {
        buttons.add(new Button(related.heading(), Button.Action.ASK, related.heading()));
      }
      answerRef.ifPresent(
          ref -> {
            buttons.add(
                new Button(Texts.get(Key.HELPFUL, language), Button.Action.FEEDBACK_UP, ref));
            buttons.add(
                new Button(Texts.get(Key.NOT_HELPFUL, language), Button.Action.FEEDBACK_DOWN, ref));
            buttons.add(new Button(Texts.get(Key.SHARE, language), Button.Action.SHARE, ref));
          });
    }
    Key note = isDisqualification(section) ? Key.DISCLAIMER_DISQUALIFICATION : Key.DISCLAIMER;
    return new Reply(
        Reply.Kind.ANSWER,
        Optional.of(section.heading()),
        paragraphs,
        List.of(
            new Reply.Source(
                section.id(), section.documentTitle(), section.citation(), section.url())),
        Optional.of(Texts.get(note, language)),
        buttons,
        language,
        answerRef);
  }

  /** Whether a section is about disqualification, in any of the knowledge languages. */
  private static boolean isDisqualification(Section section) {
    return section.path().startsWith("esteellisyys/")
        || section.tags().stream()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .anyMatch(t -> DISQUALIFICATION_TAGS.stream().anyMatch(t::startsWith));
  }

  private Reply noMatch(Answer.NoMatch none, String questionRef) {
    Language language = none.language();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(Texts.get(Key.NO_ANSWER, language));
    List<String> topics =
        KnowledgeTopics.suggested(
            sections.get(),
            language,
            none.candidates().stream()
                .filter(h -> h.coverage() > 0)
                .limit(TOPICS_FROM_NEAREST)
                .map(Hit::section)
                .toList(),
            SUGGESTED_TOPICS);
    paragraphs.add(
        topics.isEmpty()
            ? Texts.get(Key.NO_ANSWER_REPHRASE, language)
            : Texts.format(Key.NO_ANSWER_NEXT, language, String.join("; ", topics)));
    paragraphs.add(contact.apply(language));
    List<Button> buttons = new ArrayList<>();
    for (Hit hit : none.candidates()) {
      if (buttons.size() == 2 || hit.coverage() < SUGGESTION_COVERAGE) {
        break;
      }
      buttons.add(new Button(hit.section().heading(), Button.Action.ASK, hit.section().heading()));
    }
    if (!buttons.isEmpty()) {
      paragraphs.add(Texts.get(Key.NO_ANSWER_MAYBE, language));
    }
    for (NoAnswerButtons source : noAnswerButtons) {
      try {
        buttons.addAll(source.buttons(questionRef, language));
      } catch (RuntimeException e) {
        log.warn("Extra buttons for a no-answer reply failed; replying without them", e);
      }
    }
    return new Reply(
        Reply.Kind.NO_ANSWER,
        Optional.empty(),
        paragraphs,
        List.of(),
        Optional.empty(),
        buttons,
        language,
        Optional.empty());
  }

  private Reply feedback(IncomingMessage message, Language language) {
    boolean helpful = message.action() == Button.Action.FEEDBACK_UP;
    String userRef = pseudonyms.of(message.platform(), message.userId());
    boolean stored = questionLog.feedback(message.text(), userRef, helpful, clock.instant());
    if (!stored) {
      return Reply.info(language, Texts.get(Key.FEEDBACK_UNKNOWN, language));
    }
    observers.forEach(o -> o.feedbackGiven(helpful));
    Language answerLanguage =
        questionLog
            .find(message.text())
            .flatMap(entry -> Language.fromTag(entry.language()))
            .orElse(language);
    return Reply.info(
        answerLanguage, Texts.get(helpful ? Key.THANKS_UP : Key.THANKS_DOWN, answerLanguage));
  }

  /** The logged answer again, without feedback buttons, to be posted where others see it. */
  private Reply share(IncomingMessage message, Language language) {
    Optional<QuestionLog.Entry> entry = questionLog.find(message.text());
    Optional<Section> section =
        entry
            .flatMap(QuestionLog.Entry::sectionId)
            .flatMap(id -> sections.get().stream().filter(s -> s.id().equals(id)).findFirst());
    if (entry.isEmpty() || section.isEmpty()) {
      return Reply.error(language, Texts.get(Key.SHARE_UNKNOWN, language));
    }
    Language answerLanguage = Language.fromTag(entry.get().language()).orElse(language);
    Answer.Found found =
        new Answer.Found(
            entry.get().question(), answerLanguage, section.get(), List.of(), 1.0, List.of());
    return found(found, Optional.of(entry.get().id()), false);
  }

  private Reply help(IncomingMessage message, Language language) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(Texts.get(Key.HELP_INTRO, language));
    paragraphs.add(Texts.get(Key.HELP_ASK, language));
    paragraphs.add(Texts.get(Key.HELP_EXAMPLES, language));
    paragraphs.add(Texts.get(Key.HELP_TOPICS, language));
    List<String> lines = new ArrayList<>();
    for (ChatCommand command : commands) {
      lines.addAll(command.helpLines(message, language));
    }
    if (!lines.isEmpty()) {
      paragraphs.add(Texts.get(Key.HELP_COMMANDS, language) + "\n• " + String.join("\n• ", lines));
    }
    List<Button> buttons = new ArrayList<>();
    for (String example : exampleQuestions(language)) {
      buttons.add(new Button(example, Button.Action.ASK, example));
    }
    return Reply.info(language, paragraphs.toArray(String[]::new)).withButtons(buttons);
  }

  private Reply topics(Language language) {
    List<String> names = KnowledgeTopics.all(sections.get(), language);
    return Reply.info(
        language, Texts.get(Key.TOPICS_HEADING, language), "• " + String.join("\n• ", names));
  }

  private static List<String> exampleQuestions(Language language) {
    return switch (language) {
      case FI -> List.of("Milloin olen esteellinen?", "Mikä on talousarvio?");
      case SV -> List.of("När är jag jävig?");
      case EN -> List.of("When am I disqualified?");
    };
  }
}
