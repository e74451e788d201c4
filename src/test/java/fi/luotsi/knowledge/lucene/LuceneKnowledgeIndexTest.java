package fi.luotsi.knowledge.lucene;

import static fi.luotsi.KnowledgeFixture.BUDGET;
import static fi.luotsi.KnowledgeFixture.DISQUALIFIED;
import static fi.luotsi.KnowledgeFixture.DOCUMENTS;
import static fi.luotsi.KnowledgeFixture.GROUNDS;
import static fi.luotsi.KnowledgeFixture.JAV;
import static fi.luotsi.KnowledgeFixture.LEAVING;
import static fi.luotsi.KnowledgeFixture.RELATIVES;
import static fi.luotsi.KnowledgeFixture.TAX_RATE;
import static fi.luotsi.KnowledgeFixture.VOTING;
import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.KnowledgeFixture;
import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.KnowledgeIndex.SearchResult;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuceneKnowledgeIndexTest {
  @TempDir static Path shared;

  private static KnowledgeBase fixture;
  private static LuceneKnowledgeIndex index;

  @BeforeAll
  static void build() {
    fixture = new KnowledgeLoader().load(KnowledgeFixture.write(shared.resolve("knowledge")));
    assertThat(fixture.problems()).isEmpty();
    index = new LuceneKnowledgeIndex(shared.resolve("index"));
    index.rebuild(fixture);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static String top(String question, Language language) {
    SearchResult result = index.search(question, language, 10);
    assertThat(result.hits()).as("hits for %s", question).isNotEmpty();
    return result.hits().get(0).section().id();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // inflected forms that differ from the section's wording
        "Kuka hyväksyy kunnan talousarvion?             | " + BUDGET,
        "Keitä läheisiksi lasketaan?                     | " + RELATIVES,
        "kuka päättää kunnan tuloveroprosentista         | " + TAX_RATE,
        "Miten ehdotuksista äänestetään?                 | " + VOTING,
        "milloin esityslistan liitteistä tulee julkisia  | " + DOCUMENTS,
        // the synonym pair jäävi <-> esteellinen, both ways
        "Milloin luottamushenkilö on jäävi?              | " + GROUNDS,
        "Pitääkö esteellisen jäsenen poistua kokoushuoneesta? | " + LEAVING,
        // typos
        "milloin luottamushenkilö on esteelinen          | " + GROUNDS,
        "mikä on talousarvo                              | " + BUDGET,
        // typed without the dots of ä and ö
        "keita laheisiksi lasketaan                      | " + RELATIVES,
      })
  void findsTheFinnishSectionThatAnswersTheQuestion(String question, String expected) {
    assertThat(top(question, Language.FI)).isEqualTo(expected);
  }

  @Test
  void aSwedishQuestionFindsTheSwedishSectionOnly() {
    SearchResult result = index.search("Är jag jävig om min bror är part?", Language.SV, 10);

    assertThat(result.hits()).extracting(h -> h.section().id()).containsExactly(JAV);
    assertThat(result.language()).isEqualTo(Language.SV);
  }

  @Test
  void anEnglishQuestionFindsTheEnglishSection() {
    assertThat(top("Am I disqualified if my relative is a party?", Language.EN))
        .isEqualTo(DISQUALIFIED);
  }

  @Test
  void finnishSearchesNeverReturnSectionsOfOtherLanguages() {
    SearchResult result = index.search("esteellinen jävig disqualified", Language.FI, 10);

    assertThat(result.hits())
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.section().language()).isEqualTo(Language.FI));
  }

  @Test
  void theSynonymMakesTheSectionCoverTheQuestionFully() {
    Hit hit = index.search("jäävi luottamushenkilö", Language.FI, 10).hits().get(0);

    assertThat(hit.section().id()).isEqualTo(GROUNDS);
    assertThat(hit.coverage()).isEqualTo(1.0);
  }

  @Test
  void coverageIsZeroForAQuestionOfUnknownWords() {
    SearchResult result = index.search("Mikä on kvanttikromodynamiikka?", Language.FI, 10);

    assertThat(result.contentWords()).isEqualTo(1);
    assertThat(result.hits()).allSatisfy(h -> assertThat(h.coverage()).isZero());
  }

  @Test
  void theUnknownShareIsTheWeightOfWordsNoSectionContains() {
    assertThat(index.search("Mikä on kvanttikromodynamiikka?", Language.FI, 10).unknownShare())
        .isEqualTo(1.0);
    assertThat(index.search("jäävi luottamushenkilö", Language.FI, 10).unknownShare()).isZero();
    assertThat(
            index
                .search("jäävi luottamushenkilö kvanttikromodynamiikka", Language.FI, 10)
                .unknownShare())
        .isStrictlyBetween(0.0, 1.0);
  }

  @Test
  void aQuestionOfOnlyQuestionWordsHasNothingToSearch() {
    SearchResult result = index.search("Miten? Milloin? Voiko?", Language.FI, 10);

    assertThat(result.contentWords()).isZero();
    assertThat(result.hits()).isEmpty();
  }

  @Test
  void hitsAreLimitedAndNoHitRanksBelowOneItOutdoesOnEverySignal() {
    List<Hit> hits = index.search("esteellinen kokous talousarvio", Language.FI, 3).hits();

    assertThat(hits).hasSize(3);
    for (int i = 0; i < hits.size(); i++) {
      for (int j = i + 1; j < hits.size(); j++) {
        Hit higher = hits.get(i);
        Hit lower = hits.get(j);
        boolean outdoes =
            lower.score() > higher.score()
                && lower.coverage() >= higher.coverage()
                && lower.phrasing() >= higher.phrasing()
                && lower.classifier() >= higher.classifier();
        assertThat(outdoes).as("%s ranked below %s", lower, higher).isFalse();
      }
    }
  }

  @Test
  void servesTheIndexedSectionsById() {
    assertThat(index.sections()).hasSize(KnowledgeFixture.SECTIONS);
    assertThat(index.section(VOTING))
        .map(Section::heading)
        .contains("Miten äänestetään, kun ehdotuksia on useita?");
    assertThat(index.section("puuttuu.md#ei")).isEmpty();
  }

  @Test
  void theKnowledgeDirectorysOwnSynonymsApply(@TempDir Path dir) {
    KnowledgeBase withRule =
        new KnowledgeBase(
            fixture.sections(), List.of(), Map.of(Language.FI, List.of("äänestys, vaalitapa")));
    try (LuceneKnowledgeIndex own = new LuceneKnowledgeIndex(dir)) {
      own.rebuild(withRule);
      Hit hit = own.search("vaalitapa", Language.FI, 10).hits().get(0);
      assertThat(hit.section().id()).isEqualTo(VOTING);
      assertThat(hit.coverage()).isEqualTo(1.0);
    }
  }

  @Test
  void aBrokenSynonymRuleOfTheKnowledgeDirectoryDoesNotStopTheIndex(@TempDir Path dir) {
    KnowledgeBase broken =
        new KnowledgeBase(
            fixture.sections(),
            List.of(),
            Map.of(Language.FI, List.of("äänestys, vaalitapa", "a => b => c")));
    try (LuceneKnowledgeIndex own = new LuceneKnowledgeIndex(dir)) {
      own.rebuild(broken);

      assertThat(own.sections()).hasSize(KnowledgeFixture.SECTIONS);
      assertThat(own.search("vaalitapa", Language.FI, 10).hits())
          .first()
          .satisfies(h -> assertThat(h.section().id()).isEqualTo(VOTING));
      assertThat(own.search("jäävi luottamushenkilö", Language.FI, 10).hits().get(0).coverage())
          .as("the built-in synonyms still apply")
          .isEqualTo(1.0);
      assertThat(own.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.file()).isEqualTo("synonyms.txt");
                assertThat(p.line()).isEqualTo(2);
              });
    }
  }

  @Test
  void rebuildSwapsAtomicallyWhileSearchesAndOtherRebuildsRun(@TempDir Path dir) throws Exception {
    KnowledgeBase a = fixture;
    KnowledgeBase b = renamed(fixture, "b/");
    String question = "esteellinen luottamushenkilö kokous talousarvio";
    List<String> expectedA = ids(once(a, question));
    List<String> expectedB = ids(once(b, question));
    assertThat(expectedA).isNotEmpty().doesNotContainAnyElementsOf(expectedB);

    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean rebuilding = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (LuceneKnowledgeIndex swapping = new LuceneKnowledgeIndex(dir)) {
      swapping.rebuild(a);
      List<Future<Integer>> searchers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        searchers.add(
            pool.submit(
                () -> {
                  start.await();
                  int searches = 0;
                  do {
                    try {
                      List<String> seen = ids(swapping.search(question, Language.FI, 10));
                      if (!seen.equals(expectedA) && !seen.equals(expectedB)) {
                        failures.add("mixed or partial generation: " + seen);
                      }
                      int size = swapping.sections().size();
                      if (size != KnowledgeFixture.SECTIONS) {
                        failures.add("sections() saw " + size + " sections");
                      }
                    } catch (RuntimeException e) {
                      failures.add("search failed: " + e);
                    }
                    searches++;
                  } while (rebuilding.get() || searches < 20);
                  return searches;
                }));
      }
      List<Future<?>> rebuilders = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        rebuilders.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 4; i++) {
                    swapping.rebuild(i % 2 == 0 ? b : a);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> rebuilder : rebuilders) {
        rebuilder.get();
      }
      rebuilding.set(false);
      int searches = 0;
      for (Future<Integer> searcher : searchers) {
        searches += searcher.get();
      }

      assertThat(failures).isEmpty();
      assertThat(searches).isGreaterThanOrEqualTo(40);
      assertThat(generationDirectories(dir)).as("only the current generation is kept").hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(generationDirectories(dir)).as("closing deletes the last generation").isEmpty();
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(h -> h.section().id()).toList();
  }

  private static SearchResult once(KnowledgeBase knowledge, String question) {
    try (LuceneKnowledgeIndex one = new LuceneKnowledgeIndex(null)) {
      one.rebuild(knowledge);
      return one.search(question, Language.FI, 10);
    }
  }

  /** The same sections under other ids, so that a result shows which generation served it. */
  private static KnowledgeBase renamed(KnowledgeBase knowledge, String prefix) {
    List<Section> sections =
        knowledge.sections().stream()
            .map(
                s ->
                    new Section(
                        prefix + s.id(),
                        prefix + s.path(),
                        s.documentTitle(),
                        s.heading(),
                        s.text(),
                        s.language(),
                        s.tags(),
                        s.questions(),
                        s.citation(),
                        s.url(),
                        s.line()))
            .toList();
    return new KnowledgeBase(sections, List.of(), Map.of());
  }

  private static List<Path> generationDirectories(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).toList();
    }
  }

  @Test
  void anEmptyIndexFindsNothing() {
    try (LuceneKnowledgeIndex empty = new LuceneKnowledgeIndex(null)) {
      SearchResult result = empty.search("Milloin olen esteellinen?", Language.FI, 10);
      assertThat(result.hits()).isEmpty();
      assertThat(empty.sections()).isEmpty();
      assertThat(empty.section(GROUNDS)).isEqualTo(Optional.empty());
    }
  }

  @Test
  void aKnowledgeBaseOfTwoSectionsWeighsUnknownWordsWithinBounds() {
    Section first =
        Sections.finnish(
            "a.md#kuka-päättää-talousarviosta",
            "Kuka päättää talousarviosta?",
            "Valtuusto päättää talousarviosta.");
    Section second =
        Sections.finnish(
            "a.md#milloin-kokous-on-päätösvaltainen",
            "Milloin kokous on päätösvaltainen?",
            "Kokous on päätösvaltainen, kun yli puolet jäsenistä on paikalla.");
    try (LuceneKnowledgeIndex small = new LuceneKnowledgeIndex(null)) {
      small.rebuild(new KnowledgeBase(List.of(first, second), List.of(), Map.of()));
      SearchResult result = small.search("kuka päättää kunnan talousarviosta", Language.FI, 10);
      assertThat(result.hits()).extracting(h -> h.section().id()).startsWith(first.id());
      assertThat(result.unknownShare()).isBetween(0.0, 1.0).isPositive(); // "kunnan" is unknown
      assertThat(result.hits().get(0).coverage()).isBetween(0.0, 1.0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "särskild nytta, SV",
    "close relative benefit, EN",
    "talousarvio, FI",
  })
  void aKeywordQuestionGetsTheLanguageWhoseSectionsHaveItsWords(
      String question, Language language) {
    assertThat(index.languageOfWords(question)).contains(language);
    assertThat(new fi.luotsi.answer.LanguageDetector().detect(question))
        .as("function words and word forms alone do not tell")
        .isEmpty();
    assertThat(
            new fi.luotsi.answer.AnswerEngine(index).languageOf(question, Optional.of(Language.FI)))
        .isEqualTo(language);
  }

  @Test
  void wordsNoLanguageHasMoreOfLeaveTheLanguageOpen() {
    assertThat(index.languageOfWords("qwxz vbnm")).isEmpty();
    assertThat(
            new fi.luotsi.answer.AnswerEngine(index)
                .languageOf("qwxz vbnm", Optional.of(Language.SV)))
        .as("the user's language decides")
        .isEqualTo(Language.SV);
  }

  @Test
  void theOutOfScopeClassLearnsFromNoMoreTextsThanTheSectionsTogether() {
    List<Integer> examples = java.util.stream.IntStream.range(0, 1300).boxed().toList();

    assertThat(LuceneKnowledgeIndex.balanced(examples, 5000)).isEqualTo(examples);
    assertThat(LuceneKnowledgeIndex.balanced(examples, 13))
        .containsExactly(0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200);
  }

  @Test
  void aQuestionLikeTheOutOfScopeExamplesLooksMoreOutsideThanOneLikeASection() {
    SearchResult outside =
        index.search("mikä on Porin kaupunginjohtajan puhelinnumero", Language.FI, 10);
    SearchResult inside = index.search("Milloin luottamushenkilö on esteellinen?", Language.FI, 10);

    assertThat(inside.outsideShare()).isLessThan(0.5);
    assertThat(outside.outsideShare()).isGreaterThan(inside.outsideShare());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "miten ehdotuksista aanestetaan | " + VOTING,
        "kuka hyvaksyy kunnan talousarvion | " + BUDGET,
      })
  void anInflectedWordTypedWithoutDotsCountsAsTheDottedWord(String question, String expected) {
    assertThat(top(question, Language.FI)).isEqualTo(expected);
    assertThat(index.search(question, Language.FI, 10).unknownShare())
        .as("no word is unknown")
        .isZero();
  }

  @Test
  void stemsTypedWithoutDotsMapToTheIndexStemsThatHaveThem() {
    Map<String, String> undotted =
        UndottedStems.of(
            Map.of("tehtäv", 5L, "äänest", 2L, "määr", 1L, "maar", 1L, "vähä", 3L, "väha", 1L));

    assertThat(undotted)
        .containsEntry("tehtav", "tehtäv")
        .containsEntry("aanest", "äänest")
        .as("an undotted form that is an index stem itself stays")
        .doesNotContainKey("maar")
        .as("of two stems folding alike, the more frequent")
        .containsEntry("vaha", "vähä")
        .hasSize(3);
  }
}
