package fi.luotsi.chat;

import static fi.luotsi.KnowledgeFixture.BUDGET;
import static fi.luotsi.KnowledgeFixture.DISQUALIFIED;
import static fi.luotsi.KnowledgeFixture.GROUNDS;
import static fi.luotsi.KnowledgeFixture.JAV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import fi.luotsi.KnowledgeFixture;
import fi.luotsi.MutableClock;
import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.chat.Texts.Key;
import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationTest {
  private static final String CONTACT_FI = "Kysy järjestäjiltä: koulutus@example.org";

  @TempDir static Path dir;

  private static LuceneKnowledgeIndex index;
  private static AnswerEngine engine;

  private final MutableClock clock = MutableClock.at("2027-03-04T15:00:00Z");
  private final Pseudonyms pseudonyms =
      new Pseudonyms("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private RecordingLog log;
  private Conversation conversation;

  @BeforeAll
  static void build() {
    index = new LuceneKnowledgeIndex(null);
    index.rebuild(new KnowledgeLoader().load(KnowledgeFixture.write(dir)));
    engine = new AnswerEngine(index);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @BeforeEach
  void conversation() {
    log = new RecordingLog();
    conversation = conversation(List.of(), 20);
  }

  private Conversation conversation(List<ChatCommand> commands, int perMinute) {
    return new Conversation(
        engine,
        index::sections,
        log,
        pseudonyms,
        language -> language == Language.FI ? CONTACT_FI : "Contact " + language.code(),
        commands,
        perMinute,
        clock);
  }

  private static IncomingMessage typed(String user, String text) {
    return IncomingMessage.text(Platform.WEB, user, "web:" + user, text);
  }

  private static IncomingMessage pressed(String user, Button button) {
    return new IncomingMessage(
        Platform.WEB, user, "web:" + user, button.value(), button.action(), Optional.empty(), true);
  }

  private static Button button(Reply reply, Button.Action action) {
    return reply.buttons().stream().filter(b -> b.action() == action).findFirst().orElseThrow();
  }

  @Test
  void helpIsInFinnishByDefaultWithExampleQuestions() {
    Reply reply = conversation.handle(typed("u1", "apua"));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(reply.language()).isEqualTo(Language.FI);
    assertThat(reply.paragraphs()).first().isEqualTo(Texts.get(Key.HELP_INTRO, Language.FI));
    assertThat(reply.buttons())
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.action()).isEqualTo(Button.Action.ASK));
    assertThat(log.entries).as("help is not a question").isEmpty();
  }

  @Test
  void helpIsInSwedishAndEnglishWhenAskedSo() {
    Reply swedish = conversation.handle(typed("u1", "Hjälp!"));
    Reply english = conversation.handle(typed("u1", "help"));

    assertThat(swedish.language()).isEqualTo(Language.SV);
    assertThat(swedish.paragraphs()).first().isEqualTo(Texts.get(Key.HELP_INTRO, Language.SV));
    assertThat(english.language()).isEqualTo(Language.EN);
    assertThat(english.paragraphs()).first().isEqualTo(Texts.get(Key.HELP_INTRO, Language.EN));
  }

  @Test
  void helpFollowsTheUsersLocaleForALanguageNeutralWord() {
    Reply reply = conversation.handle(typed("u1", "?").withUserLanguage(Optional.of(Language.EN)));

    assertThat(reply.language()).isEqualTo(Language.EN);
  }

  @Test
  void aThankYouIsAnsweredInItsLanguageAndIsNotAQuestion() {
    Reply finnish = conversation.handle(typed("u1", "Hei kiitos avusta!"));
    Reply swedish = conversation.handle(typed("u1", "tack så mycket"));
    Reply english = conversation.handle(typed("u1", "ok thanks"));

    assertThat(finnish.kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(finnish.paragraphs()).containsExactly(Texts.get(Key.WELCOME, Language.FI));
    assertThat(swedish.paragraphs()).containsExactly(Texts.get(Key.WELCOME, Language.SV));
    assertThat(english.paragraphs()).containsExactly(Texts.get(Key.WELCOME, Language.EN));
    assertThat(log.entries).as("a thank-you is not a question").isEmpty();
  }

  @Test
  void aQuestionThatAlsoThanksIsStillAnswered() {
    Reply reply =
        conversation.handle(
            typed("u1", "kiitos, entä olenko jäävi jos veljeni yritys on tarjoajana?"));

    assertThat(reply.paragraphs()).doesNotContain(Texts.get(Key.WELCOME, Language.FI));
    assertThat(log.entries).hasSize(1);
  }

  @Test
  void helpListsTheCommandsOfFeatures() {
    ChatCommand sessions = new FixedCommand("seuraavat", "seuraavat – tulevat koulutukset");
    Reply reply = conversation(List.of(sessions), 20).handle(typed("u1", "ohje"));

    assertThat(reply.paragraphs())
        .last()
        .isEqualTo(
            Texts.get(Key.HELP_COMMANDS, Language.FI) + "\n• seuraavat – tulevat koulutukset");
  }

  @Test
  void helpShowsACommandForSomePeopleOnlyToThem() {
    ChatCommand organisers =
        new FixedCommand("tiedote", "tiedote – ryhmille") {
          @Override
          public List<String> helpLines(IncomingMessage asker, Language language) {
            return asker.userId().equals("boss") ? helpLines(language) : List.of();
          }
        };
    Conversation withIt = conversation(List.of(organisers), 20);

    assertThat(withIt.handle(typed("boss", "ohje")).paragraphs())
        .last()
        .isEqualTo(Texts.get(Key.HELP_COMMANDS, Language.FI) + "\n• tiedote – ryhmille");
    assertThat(withIt.handle(typed("u1", "ohje")).paragraphs())
        .noneMatch(p -> p.startsWith(Texts.get(Key.HELP_COMMANDS, Language.FI)));
  }

  @Test
  void topicsListTheDocumentTitlesOfTheLanguage() {
    Reply finnish = conversation.handle(typed("u1", "aiheet"));
    Reply english = conversation.handle(typed("u1", "topics"));
    Reply swedish = conversation.handle(typed("u1", "ämnen"));

    assertThat(finnish.paragraphs())
        .containsExactly(
            Texts.get(Key.TOPICS_HEADING, Language.FI),
            "• Esteellisyyden perusteet\n• Julkiset asiakirjat\n• Äänestys kokouksessa\n• Talousarvio");
    assertThat(english.paragraphs()).last().isEqualTo("• Disqualification of trustees");
    assertThat(swedish.paragraphs()).last().isEqualTo("• Jäv för förtroendevalda");
  }

  @Test
  void anAnswerHasHeadingTextSourceDisclaimerAndButtons() {
    Reply reply = conversation.handle(typed("u1", "Milloin luottamushenkilö on esteellinen?"));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ANSWER);
    assertThat(reply.answered()).isTrue();
    assertThat(reply.heading()).contains("Milloin luottamushenkilö on esteellinen?");
    assertThat(reply.paragraphs())
        .singleElement()
        .asString()
        .startsWith("Luottamushenkilö on esteellinen, jos");
    assertThat(reply.sources())
        .containsExactly(
            new Reply.Source(
                GROUNDS,
                "Esteellisyyden perusteet",
                Optional.of("hallintolaki 434/2003 28 §"),
                Optional.empty()));
    assertThat(reply.note()).contains(Texts.get(Key.DISCLAIMER_DISQUALIFICATION, Language.FI));
    assertThat(reply.answerRef()).isPresent();
    String ref = reply.answerRef().get();
    assertThat(reply.buttons())
        .filteredOn(b -> b.action() != Button.Action.ASK)
        .extracting(Button::label, Button::action, Button::value)
        .containsExactly(
            tuple(Texts.get(Key.HELPFUL, Language.FI), Button.Action.FEEDBACK_UP, ref),
            tuple(Texts.get(Key.NOT_HELPFUL, Language.FI), Button.Action.FEEDBACK_DOWN, ref),
            tuple(Texts.get(Key.SHARE, Language.FI), Button.Action.SHARE, ref));
  }

  @Test
  void anAnswerOutsideDisqualificationHasTheGeneralDisclaimerAndTheSourceUrl() {
    Reply reply = conversation.handle(typed("u1", "Mikä on talousarvio?"));

    assertThat(reply.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo(BUDGET);
              assertThat(s.citation()).contains("kuntalaki 410/2015 110 §");
              assertThat(s.url()).contains("https://finlex.fi/fi/laki/ajantasa/2015/20150410");
            });
    assertThat(reply.note()).contains(Texts.get(Key.DISCLAIMER, Language.FI));
  }

  @Test
  void swedishAndEnglishDisqualificationAnswersCarryTheDisqualificationDisclaimer() {
    Reply swedish = conversation.handle(typed("u1", "När är en förtroendevald jävig?"));
    Reply english = conversation.handle(typed("u1", "When is a trustee disqualified?"));

    assertThat(swedish.sources()).extracting(Reply.Source::id).containsExactly(JAV);
    assertThat(swedish.note()).contains(Texts.get(Key.DISCLAIMER_DISQUALIFICATION, Language.SV));
    assertThat(english.sources()).extracting(Reply.Source::id).containsExactly(DISQUALIFIED);
    assertThat(english.note()).contains(Texts.get(Key.DISCLAIMER_DISQUALIFICATION, Language.EN));
  }

  @Test
  void aSwedishQuestionAnsweredFromFinnishTextSaysTheTextIsOnlyInFinnish() {
    Reply reply =
        conversation.handle(typed("u1", "talousarvio").withUserLanguage(Optional.of(Language.SV)));

    assertThat(reply.language()).isEqualTo(Language.SV);
    assertThat(reply.sources()).extracting(Reply.Source::id).containsExactly(BUDGET);
    assertThat(reply.paragraphs()).first().isEqualTo(Texts.get(Key.ONLY_FINNISH, Language.SV));
    assertThat(reply.buttons())
        .extracting(Button::label)
        .contains(Texts.get(Key.HELPFUL, Language.SV));
  }

  @Test
  void theQuestionIsLoggedUnderAPseudonymWithItsAnswer() {
    Reply reply = conversation.handle(typed("U0123ABCD", "Mikä on talousarvio?"));

    assertThat(log.entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(reply.answerRef().orElseThrow());
              assertThat(e.askedAt()).isEqualTo(clock.instant());
              assertThat(e.userRef())
                  .isEqualTo(pseudonyms.of(Platform.WEB, "U0123ABCD"))
                  .doesNotContain("U0123ABCD");
              assertThat(e.question()).isEqualTo("Mikä on talousarvio?");
              assertThat(e.sectionId()).contains(BUDGET);
              assertThat(e.language()).isEqualTo("fi");
              assertThat(e.coverage()).isPositive();
            });
  }

  @Test
  void anUnansweredQuestionGetsNextStepsAndTheContactAndIsLogged() {
    Reply reply =
        conversation.handle(typed("u1", "Paljonko bussilippu maksaa Helsingissä lauantaina?"));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.NO_ANSWER);
    assertThat(reply.answered()).isFalse();
    assertThat(reply.sources()).isEmpty();
    assertThat(reply.answerRef()).isEmpty();
    assertThat(reply.paragraphs())
        .startsWith(Texts.get(Key.NO_ANSWER, Language.FI))
        .contains(CONTACT_FI);
    assertThat(reply.paragraphs().get(1))
        .as("the topics to ask about: every Finnish file's title, not the Swedish or English ones")
        .contains(
            "Esteellisyyden perusteet",
            "Talousarvio",
            "Äänestys kokouksessa",
            "Julkiset asiakirjat")
        .doesNotContain("Jäv för", "Disqualification of");
    assertThat(log.entries).singleElement().satisfies(e -> assertThat(e.answered()).isFalse());
  }

  @Test
  void anEmptyKnowledgeBaseNamesNoTopicsButStillTheContact() {
    try (LuceneKnowledgeIndex empty = new LuceneKnowledgeIndex(null)) {
      Conversation none =
          new Conversation(
              new AnswerEngine(empty),
              empty::sections,
              log,
              pseudonyms,
              language -> CONTACT_FI,
              List.of(),
              20,
              clock);

      Reply reply = none.handle(typed("u1", "Mikä on talousarvio?"));

      assertThat(reply.kind()).isEqualTo(Reply.Kind.NO_ANSWER);
      assertThat(reply.paragraphs())
          .containsExactly(
              Texts.get(Key.NO_ANSWER, Language.FI),
              Texts.get(Key.NO_ANSWER_REPHRASE, Language.FI),
              CONTACT_FI);
    }
  }

  @Test
  void feedbackIsStoredAndThanked() {
    Reply answer = conversation.handle(typed("u1", "Mikä on talousarvio?"));

    Reply up = conversation.handle(pressed("u1", button(answer, Button.Action.FEEDBACK_UP)));
    Reply down = conversation.handle(pressed("u2", button(answer, Button.Action.FEEDBACK_DOWN)));

    assertThat(up.paragraphs()).containsExactly(Texts.get(Key.THANKS_UP, Language.FI));
    assertThat(down.paragraphs()).containsExactly(Texts.get(Key.THANKS_DOWN, Language.FI));
    String ref = answer.answerRef().orElseThrow();
    assertThat(log.votes)
        .containsExactly(
            ref + " " + pseudonyms.of(Platform.WEB, "u1") + " true",
            ref + " " + pseudonyms.of(Platform.WEB, "u2") + " false");
  }

  @Test
  void feedbackIsThankedInTheLanguageOfTheAnswer() {
    Reply answer = conversation.handle(typed("u1", "When is a trustee disqualified?"));

    Reply up = conversation.handle(pressed("u1", button(answer, Button.Action.FEEDBACK_UP)));

    assertThat(up.language()).isEqualTo(Language.EN);
    assertThat(up.paragraphs()).containsExactly(Texts.get(Key.THANKS_UP, Language.EN));
  }

  @Test
  void aButtonValueIsNotReadAsWordsOfSomeLanguage() {
    // Hex segments of a reference such as "a" and "be" are English function words.
    Button up = new Button("👍", Button.Action.FEEDBACK_UP, "0a1b2c3d-be4f-4a1e-be5f-a0b1c2d3e4f5");

    Reply reply = conversation.handle(pressed("u1", up));

    assertThat(reply.language()).isEqualTo(Language.FI);
    assertThat(reply.paragraphs()).containsExactly(Texts.get(Key.FEEDBACK_UNKNOWN, Language.FI));
  }

  @Test
  void feedbackWithAForgedReferenceIsAnsweredPolitelyAndStoresNothing() {
    Reply reply =
        conversation.handle(
            pressed("u1", new Button("👍", Button.Action.FEEDBACK_UP, "not-a-real-reference")));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(reply.paragraphs()).containsExactly(Texts.get(Key.FEEDBACK_UNKNOWN, Language.FI));
    assertThat(log.votes).isEmpty();
  }

  @Test
  void shareReturnsTheSameAnswerWithoutFeedbackButtons() {
    Reply answer = conversation.handle(typed("u1", "Milloin luottamushenkilö on esteellinen?"));

    Reply shared = conversation.handle(pressed("u1", button(answer, Button.Action.SHARE)));

    assertThat(shared.kind()).isEqualTo(Reply.Kind.ANSWER);
    assertThat(shared.heading()).isEqualTo(answer.heading());
    assertThat(shared.paragraphs()).isEqualTo(answer.paragraphs());
    assertThat(shared.sources()).isEqualTo(answer.sources());
    assertThat(shared.note()).isEqualTo(answer.note());
    assertThat(shared.answerRef()).isEqualTo(answer.answerRef());
    assertThat(shared.buttons()).isEmpty();
    assertThat(log.entries).as("sharing is not a new question").hasSize(1);
  }

  @Test
  void shareOfAnUnknownAnswerIsAPoliteError() {
    Reply reply =
        conversation.handle(pressed("u1", new Button("Jaa", Button.Action.SHARE, "forged")));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(reply.paragraphs()).containsExactly(Texts.get(Key.SHARE_UNKNOWN, Language.FI));
  }

  @Test
  void anAskButtonIsAnsweredAsAQuestion() {
    Reply reply =
        conversation.handle(
            pressed("u1", new Button("Talousarvio", Button.Action.ASK, "Mikä on talousarvio?")));

    assertThat(reply.sources()).extracting(Reply.Source::id).containsExactly(BUDGET);
  }

  @Test
  void anUnknownButtonIsAnsweredPolitely() {
    Reply reply =
        conversation.handle(pressed("u1", new Button("Tulen", Button.Action.RSVP_YES, "s-1")));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(reply.paragraphs()).containsExactly(Texts.get(Key.UNKNOWN_BUTTON, Language.FI));
  }

  @Test
  void anEmptyMessageAsksForAQuestion() {
    Reply reply = conversation.handle(typed("u1", "   "));

    assertThat(reply.paragraphs()).containsExactly(Texts.get(Key.EMPTY, Language.FI));
  }

  @Test
  void questionsOverThePerMinuteLimitAreRefusedPolitelyUntilTheWindowPasses() {
    Conversation limited = conversation(List.of(), 3);
    for (int i = 0; i < 3; i++) {
      assertThat(limited.handle(typed("u1", "Mikä on talousarvio?")).kind())
          .isEqualTo(Reply.Kind.ANSWER);
      clock.advance(Duration.ofSeconds(10));
    }

    Reply refused = limited.handle(typed("u1", "Mikä on talousarvio?"));
    Reply otherUser = limited.handle(typed("u2", "Mikä on talousarvio?"));
    Reply help = limited.handle(typed("u1", "apua"));

    assertThat(refused.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(refused.paragraphs()).containsExactly(Texts.get(Key.RATE_LIMITED, Language.FI));
    assertThat(otherUser.kind()).isEqualTo(Reply.Kind.ANSWER);
    assertThat(help.kind()).as("help is not limited").isEqualTo(Reply.Kind.INFO);
    assertThat(log.entries).as("a refused question is not logged").hasSize(4);

    clock.advance(Duration.ofSeconds(31)); // the first question is now over a minute old
    assertThat(limited.handle(typed("u1", "Mikä on talousarvio?")).kind())
        .isEqualTo(Reply.Kind.ANSWER);
    assertThat(limited.handle(typed("u1", "Mikä on talousarvio?")).kind())
        .as("only one slot freed")
        .isEqualTo(Reply.Kind.ERROR);
  }

  @Test
  void theRateLimitReplyIsInTheQuestionsLanguage() {
    Conversation limited = conversation(List.of(), 1);
    limited.handle(typed("u1", "When is a trustee disqualified?"));

    Reply refused = limited.handle(typed("u1", "When is a trustee disqualified?"));

    assertThat(refused.language()).isEqualTo(Language.EN);
    assertThat(refused.paragraphs()).containsExactly(Texts.get(Key.RATE_LIMITED, Language.EN));
  }

  @Test
  void aCommandIsOfferedTheMessageBeforeItIsAQuestion() {
    FixedCommand sessions = new FixedCommand("seuraavat", "seuraavat – tulevat koulutukset");
    Conversation withCommand = conversation(List.of(sessions), 20);

    Reply reply = withCommand.handle(typed("u1", "seuraavat"));
    Reply question = withCommand.handle(typed("u1", "Mikä on talousarvio?"));

    assertThat(reply.paragraphs()).containsExactly("Seuraava koulutus: 4.3. klo 19");
    assertThat(sessions.offered)
        .extracting(IncomingMessage::text)
        .containsExactly("seuraavat", "Mikä on talousarvio?");
    assertThat(question.kind()).isEqualTo(Reply.Kind.ANSWER);
    assertThat(log.entries).as("only the question is logged").hasSize(1);
  }

  @Test
  void aCommandButtonGoesToTheCommands() {
    FixedCommand sessions = new FixedCommand("tulen s-1", "");
    Conversation withCommand = conversation(List.of(sessions), 20);

    Reply reply =
        withCommand.handle(pressed("u1", new Button("Tulen", Button.Action.COMMAND, "tulen s-1")));

    assertThat(reply.paragraphs()).containsExactly("Seuraava koulutus: 4.3. klo 19");
  }

  @Test
  void aFailureInsideBecomesAPoliteErrorReply() {
    ChatCommand broken =
        new ChatCommand() {
          @Override
          public Optional<Reply> handle(IncomingMessage message, Language language) {
            throw new IllegalStateException("database down");
          }

          @Override
          public List<String> helpLines(Language language) {
            return List.of();
          }
        };

    Reply reply = conversation(List.of(broken), 20).handle(typed("u1", "Mikä on talousarvio?"));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(reply.language()).isEqualTo(Language.FI);
    assertThat(reply.paragraphs()).containsExactly(Texts.get(Key.NO_ANSWER, Language.FI));
  }

  @Test
  void aFailingQuestionLogBecomesAPoliteErrorReply() {
    log.failing = true;

    Reply reply = conversation.handle(typed("u1", "When is a trustee disqualified?"));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(reply.paragraphs()).containsExactly(Texts.get(Key.NO_ANSWER, Language.EN));
  }

  /** Replies to one exact text; records every message it is offered. */
  private static class FixedCommand implements ChatCommand {
    private final String trigger;
    private final String help;
    final List<IncomingMessage> offered = Collections.synchronizedList(new ArrayList<>());

    FixedCommand(String trigger, String help) {
      this.trigger = trigger;
      this.help = help;
    }

    @Override
    public Optional<Reply> handle(IncomingMessage message, Language language) {
      offered.add(message);
      return message.text().equals(trigger)
          ? Optional.of(Reply.info(language, "Seuraava koulutus: 4.3. klo 19"))
          : Optional.empty();
    }

    @Override
    public List<String> helpLines(Language language) {
      return help.isEmpty() ? List.of() : List.of(help);
    }
  }

  /** A memory log that also records votes, and can be made to fail. */
  @Test
  void atMostOneSearchPerCoreRunsAtATimeAndEveryQuestionIsAnswered() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    KnowledgeIndex slow =
        new KnowledgeIndex() {
          @Override
          public void rebuild(KnowledgeBase knowledge) {
            index.rebuild(knowledge);
          }

          @Override
          public SearchResult search(String question, Language language, int limit) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
              release.await();
              return index.search(question, language, limit);
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            } finally {
              running.decrementAndGet();
            }
          }

          @Override
          public List<Section> sections() {
            return index.sections();
          }

          @Override
          public Optional<Section> section(String id) {
            return index.section(id);
          }

          @Override
          public void close() {}
        };
    Conversation limited =
        new Conversation(
            new AnswerEngine(slow),
            index::sections,
            log,
            pseudonyms,
            language -> CONTACT_FI,
            List.of(),
            100,
            clock);
    int questions = cores * 3;
    List<Future<Reply>> replies = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(questions)) {
      try {
        for (int i = 0; i < questions; i++) {
          String user = "u" + i;
          replies.add(
              pool.submit(
                  () -> limited.handle(typed(user, "Milloin luottamushenkilö on esteellinen?"))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() >= cores);
        Thread.sleep(200); // time for a search beyond the limit to start, if one could
        assertThat(running.get()).isEqualTo(cores);
      } finally {
        release.countDown();
      }
      for (Future<Reply> reply : replies) {
        assertThat(reply.get(10, TimeUnit.SECONDS).sources())
            .extracting(Reply.Source::id)
            .containsExactly(GROUNDS);
      }
    }
    assertThat(most.get()).isEqualTo(cores);
    assertThat(log.entries).hasSize(questions);
  }

  private static final class RecordingLog implements QuestionLog {
    private final MemoryQuestionLog memory = new MemoryQuestionLog();
    final List<QuestionLog.Entry> entries = Collections.synchronizedList(new ArrayList<>());
    final List<String> votes = Collections.synchronizedList(new ArrayList<>());
    volatile boolean failing;

    @Override
    public void record(Entry entry) {
      if (failing) {
        throw new IllegalStateException("log unavailable");
      }
      entries.add(entry);
      memory.record(entry);
    }

    @Override
    public Optional<Entry> find(String id) {
      return memory.find(id);
    }

    @Override
    public boolean feedback(String questionId, String userRef, boolean helpful, Instant at) {
      boolean stored = memory.feedback(questionId, userRef, helpful, at);
      if (stored) {
        votes.add(questionId + " " + userRef + " " + helpful);
      }
      return stored;
    }
  }
}
