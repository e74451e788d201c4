package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.KnowledgeIndex.SearchResult;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Sections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The similarity of a question to a section's closest single phrasing ({@link Phrasings}). */
class PhrasingsTest {
  private static final String RESIGNING = "luottamus.md#miten-luottamustoimesta-erotaan";
  private static final String FEES = "luottamus.md#mitä-palkkioita-luottamushenkilölle-maksetaan";

  /** What the knowledge base adds as questions it is not meant to answer. */
  private static final Map<Language, List<String>> OUT_OF_SCOPE =
      Map.of(
          Language.FI,
          List.of(
              "milloin pääkirjasto on auki",
              "paljonko meidän kunnan kokouspalkkio on euroina",
              "voinko erota ammattiliitosta"),
          Language.EN,
          List.of("when is the main library open"));

  private static LuceneKnowledgeIndex index;

  @BeforeAll
  static void build() {
    index = new LuceneKnowledgeIndex(null);
    index.rebuild(
        new KnowledgeBase(
            List.of(
                Sections.finnish(
                    RESIGNING,
                    "Miten luottamustoimesta erotaan?",
                    "Valtuutettu voi pyytää eroa valtuustolta pätevästä syystä.",
                    "voinko erota valtuustosta kesken kauden",
                    "kenelle eroilmoitus osoitetaan",
                    "mikä on pätevä syy erota"),
                Sections.finnish(
                    FEES,
                    "Mitä palkkioita luottamushenkilölle maksetaan?",
                    "Kunta maksaa kokouspalkkion, korvaa matkakulut ja ansionmenetyksen.",
                    "paljonko kokouspalkkio on",
                    "saako matkakulut korvattua",
                    "maksetaanko ansionmenetys"),
                // more sections, so that word weights are as in a real knowledge base
                Sections.finnish(
                    "talous.md#mikä-on-talousarvio",
                    "Mikä on talousarvio?",
                    "Valtuusto hyväksyy talousarvion vuosittain.",
                    "kuka hyväksyy budjetin"),
                Sections.finnish(
                    "talous.md#miten-veroprosentti-päätetään",
                    "Miten veroprosentti päätetään?",
                    "Valtuusto päättää tuloveroprosentista talousarvion yhteydessä.",
                    "kuka päättää kunnallisverosta"),
                Sections.finnish(
                    "kokous.md#miten-kokous-kutsutaan-koolle",
                    "Miten kokous kutsutaan koolle?",
                    "Puheenjohtaja kutsuu kokouksen koolle kokouskutsulla.",
                    "milloin kokouskutsu lähetetään")),
            List.of(),
            Map.of(),
            OUT_OF_SCOPE));
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static Hit hit(String question, String id) {
    SearchResult result = index.search(question, Language.FI, 10);
    return result.hits().stream()
        .filter(h -> h.section().id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no hit " + id + " for " + question));
  }

  @Test
  void aQuestionThatIsOneOfTheSectionsPhrasingsMatchesItFully() {
    assertThat(hit("Voinko erota valtuustosta kesken kauden?", RESIGNING).phrasing())
        .isCloseTo(1.0, within(1e-9));
    assertThat(hit("Mitä palkkioita luottamushenkilölle maksetaan?", FEES).phrasing())
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void theOrderAndFormsOfTheWordsDoNotMatter() {
    assertThat(hit("kesken kauden erota valtuustosta", RESIGNING).phrasing())
        .isCloseTo(1.0, within(1e-9));
    assertThat(hit("Maksetaanko ansionmenetyksiä?", FEES).phrasing()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aPhrasingThatAsksForSomethingElseAboutTheSameWordsMatchesLess() {
    // "kenelle eroilmoitus osoitetaan" asks who; "milloin …" asks when
    assertThat(hit("Milloin eroilmoitus osoitetaan?", RESIGNING).phrasing())
        .isCloseTo(Phrasings.OTHER_INTENT, within(1e-9));
    assertThat(hit("eroilmoitus osoitetaan", RESIGNING).phrasing()).isCloseTo(1.0, within(1e-9));
    assertThat(outside("Milloin on pääkirjasto auki?", Language.FI)).isCloseTo(1.0, within(1e-9));
    assertThat(outside("Kuka pitää pääkirjastoa auki?", Language.FI))
        .isLessThanOrEqualTo(Phrasings.OTHER_INTENT);
  }

  @Test
  void wordsSpreadOverSeveralPhrasingsMatchNoneOfThemWell() {
    Hit spread = hit("kokouspalkkio matkakulut ansionmenetys", FEES);

    assertThat(spread.coverage()).isGreaterThan(0.99);
    assertThat(spread.phrasing()).isLessThan(0.6);
  }

  @Test
  void aWordTheClosestPhrasingLacksLowersTheSimilarity() {
    double exact = hit("voinko erota valtuustosta kesken kauden", RESIGNING).phrasing();
    double more = hit("voinko erota valtuustosta kesken kauden muuton takia", RESIGNING).phrasing();
    double fewer = hit("voinko erota kesken kauden", RESIGNING).phrasing();

    assertThat(more).isLessThan(exact).isGreaterThan(0.5);
    assertThat(fewer).isLessThan(exact).isGreaterThan(0.5);
  }

  @Test
  void aTypoStillMatchesItsWord() {
    double typo = hit("saako matkakulut korvatuksi takasin", FEES).phrasing();
    double typed = hit("saako matkakulut korvattua", FEES).phrasing();

    assertThat(typed).isCloseTo(1.0, within(1e-9));
    assertThat(typo).isGreaterThan(0.4).isLessThan(1.0);
  }

  private static double outside(String question, Language language) {
    return index.search(question, language, 10).outside();
  }

  @Test
  void aQuestionThatIsAnOutOfScopeExampleIsFullyOutside() {
    assertThat(outside("Milloin pääkirjasto on auki?", Language.FI)).isCloseTo(1.0, within(1e-9));
    assertThat(outside("pääkirjasto auki milloin", Language.FI)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aQuestionTheKnowledgeAnswersIsLessOutsideThanTheNearMissThatSharesItsWords() {
    double nearMiss = outside("paljonko kokouspalkkio on meidän kunnassa euroina", Language.FI);
    double answerable = outside("paljonko kokouspalkkio on", Language.FI);

    assertThat(nearMiss).isGreaterThan(0.8);
    assertThat(answerable).isLessThan(nearMiss).isLessThan(0.8);
  }

  @Test
  void aQuestionSharingNoWordWithAnyExampleIsNotOutside() {
    assertThat(outside("fillarikellarin kattotiilet", Language.FI)).isZero();
  }

  @Test
  void examplesOfAnotherLanguageAreNotCompared() {
    assertThat(outside("when is the main library open", Language.EN)).isCloseTo(1.0, within(1e-9));
    assertThat(outside("milloin pääkirjasto on auki", Language.EN)).isLessThan(0.5);
  }

  @Test
  void concurrentFirstSearchesOfASectionAllSeeTheSameSimilarity() throws Exception {
    // a fresh generation: no section's phrasings are analysed yet
    index.rebuild(new KnowledgeBase(index.sections(), List.of(), Map.of(), OUT_OF_SCOPE));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Double>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> hit("kenelle eroilmoitus osoitetaan", RESIGNING).phrasing()));
      }
      for (Future<Double> result : results) {
        assertThat(result.get()).isCloseTo(1.0, within(1e-9));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSimilarityIsComparableAcrossSectionsOfOneSearch() {
    SearchResult result = index.search("paljonko kokouspalkkio on", Language.FI, 10);

    assertThat(result.hits().get(0).section().id()).isEqualTo(FEES);
    for (Hit other : result.hits().subList(1, result.hits().size())) {
      assertThat(other.phrasing()).isLessThan(result.hits().get(0).phrasing());
    }
  }
}
