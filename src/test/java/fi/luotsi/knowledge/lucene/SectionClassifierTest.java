package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Sections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The section classifier learned from phrasings ({@link SectionClassifier}). */
class SectionClassifierTest {
  private static final int GENERAL = 0;
  private static final int RELATIVES = 1;
  private static final int FEES = 2;

  /** Three sections' phrasings as features: two share their main word, one is apart. */
  private static List<List<List<String>>> phrasings() {
    return List.of(
        List.of(
            List.of("esteellisyys", "valtuutettu"),
            List.of("esteellisyys", "päätös"),
            List.of("esteellinen", "kokous", "päätös"),
            List.of("esteellisyys", "yhteisö", "hallitus")),
        List.of(
            List.of("esteellisyys", "sukulainen"),
            List.of("esteellisyys", "läheinen"),
            List.of("esteellinen", "puoliso"),
            List.of("esteellisyys", "veli", "sisar")),
        List.of(
            List.of("kokous", "palkkio"),
            List.of("palkkio", "matkakulu"),
            List.of("ansionmenetys", "kokous")));
  }

  private static SectionClassifier trained() {
    return SectionClassifier.train(phrasings(), SectionClassifier.Options.DEFAULT);
  }

  private static double[] shares(SectionClassifier classifier, List<String> words) {
    return classifier.probabilities(classifier.known(words), new int[] {GENERAL, RELATIVES, FEES});
  }

  @Test
  void learnsWhichWordsPointToWhichSectionAndAgainstWhich() {
    SectionClassifier classifier = trained();

    double[] relatives = shares(classifier, List.of("esteellisyys", "sukulainen"));
    assertThat(relatives[RELATIVES]).isGreaterThan(relatives[GENERAL] + 0.3);
    assertThat(relatives[RELATIVES]).isGreaterThan(relatives[FEES]);

    double[] general = shares(classifier, List.of("esteellisyys", "päätös"));
    assertThat(general[GENERAL]).isGreaterThan(general[RELATIVES] + 0.3);

    double[] fees = shares(classifier, List.of("palkkio"));
    assertThat(fees[FEES]).isGreaterThan(Math.max(fees[GENERAL], fees[RELATIVES]));
  }

  @Test
  void aSectionSharingNoWordWithAnotherLearnsNothing() {
    SectionClassifier classifier =
        SectionClassifier.train(
            List.of(List.of(List.of("palkkio")), List.of(List.of("kaava"))),
            SectionClassifier.Options.DEFAULT);

    // Neither was ever contrasted with the other: no weights, equal shares.
    assertThat(classifier.size()).isZero();
    assertThat(classifier.probabilities(classifier.known(List.of("palkkio")), new int[] {0, 1}))
        .containsExactly(0.5, 0.5);
  }

  @Test
  void trainingIsDeterministic() {
    List<String> question = List.of("esteellinen", "veli", "päätös");

    assertThat(shares(trained(), question)).containsExactly(shares(trained(), question));
  }

  @Test
  void scoresOnlyTheCandidatesGivenAndTheirSharesSumToOne() {
    SectionClassifier classifier = trained();
    int[] features = classifier.known(List.of("esteellisyys", "sukulainen"));

    double[] two = classifier.probabilities(features, new int[] {RELATIVES, GENERAL});
    double[] one = classifier.probabilities(features, new int[] {FEES});

    assertThat(two).hasSize(2);
    assertThat(two[0] + two[1]).isCloseTo(1, within(1e-9));
    assertThat(two[0]).isGreaterThan(two[1]);
    assertThat(one).containsExactly(1.0);
    assertThat(classifier.probabilities(features, new int[0])).isEmpty();
  }

  @Test
  void wordsNoPhrasingHasGiveEqualShares() {
    SectionClassifier classifier = trained();
    int[] features = classifier.known(List.of("sääntö", "kaava"));

    assertThat(features).isEmpty();
    assertThat(classifier.probabilities(features, new int[] {GENERAL, RELATIVES, FEES}))
        .containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
  }

  @Test
  void emptyAndOneSectionKnowledgeTrain() {
    SectionClassifier empty = SectionClassifier.train(List.of(), SectionClassifier.Options.DEFAULT);
    SectionClassifier single =
        SectionClassifier.train(
            List.of(List.of(List.of("palkkio"), List.of()), List.of()),
            SectionClassifier.Options.DEFAULT);

    assertThat(empty.size()).isZero();
    assertThat(empty.probabilities(empty.known(List.of("palkkio")), new int[0])).isEmpty();
    // A section without contrast learns nothing, and its only candidate takes the whole share.
    assertThat(single.probabilities(single.known(List.of("palkkio")), new int[] {0}))
        .containsExactly(1.0);
  }

  @Test
  void aSmallBudgetContrastsWithFewerSectionsButStillSeparates() {
    SectionClassifier.Options tight = new SectionClassifier.Options(40, 10, 0.3, 1e-3, 40);
    SectionClassifier classifier = SectionClassifier.train(phrasings(), tight);

    double[] relatives = shares(classifier, List.of("esteellisyys", "sukulainen"));
    assertThat(relatives[RELATIVES]).isGreaterThan(relatives[GENERAL]);
  }

  @Test
  void featuresAreStemsTheirGramsAndWordPairs() {
    List<String> features =
        SectionClassifier.features(
            List.of(List.of("kutsu", "kokoon"), List.of("veli"), List.of("isä"), List.of("äiti")));

    assertThat(features)
        .contains("kutsu", "kokoon", "veli", "isä", "äiti")
        .contains("#<ku", "#kut", "#uts", "#tsu", "#su>", "#<ve", "#eli", "#li>")
        // grams only of each word's own stem, and of stems longer than a gram
        .doesNotContain("#kok", "#<is", "#isä")
        // pairs of words at most one apart, each pair in one order whichever way it was written
        .contains("kutsu veli", "isä kutsu", "isä veli", "veli äiti")
        .doesNotContain("veli kutsu", "kutsu äiti", "äiti kutsu");
    assertThat(features).doesNotHaveDuplicates();
  }

  @Test
  void knownFeaturesAreAscendingAndEachOnce() {
    SectionClassifier classifier = trained();
    int[] known =
        classifier.known(
            List.of("sukulainen", "palkkio", "tuntematon", "sukulainen", "esteellisyys"));

    assertThat(known).hasSize(3).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void topKeepsTheMostOverlappingWithoutTheLabelTiesByIndex() {
    double[] overlap = {0, 3, 5, 3, 9, 1};
    int[] touched = {1, 2, 3, 4, 5};

    assertThat(SectionClassifier.top(touched, 5, overlap, 4, 3)).containsExactly(2, 1, 3);
    assertThat(SectionClassifier.top(touched, 5, overlap, 0, 2)).containsExactly(4, 2);
    assertThat(SectionClassifier.top(touched, 2, overlap, 0, 5)).containsExactly(2, 1);
  }

  @Test
  void theIndexGivesEachCandidateItsShare() {
    try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null)) {
      index.rebuild(
          new KnowledgeBase(
              List.of(
                  Sections.finnish(
                      "jaavi.md#yleinen",
                      "Milloin olen esteellinen?",
                      "Esteellinen ei saa osallistua asian käsittelyyn.",
                      "milloin valtuutettu on esteellinen päättämään asiasta",
                      "esteellisyys kokouksessa"),
                  Sections.finnish(
                      "jaavi.md#laheiset",
                      "Ketkä ovat läheisiä esteellisyydessä?",
                      "Läheisiä ovat puoliso, lapset, vanhemmat ja sisarukset.",
                      "onko sukulaisen asia esteellisyysperuste",
                      "koskeeko esteellisyys veljen hakemusta")),
              List.of(),
              Map.of()));

      List<Hit> hits = index.search("sukulaisen hakemus ja esteellisyys", Language.FI, 10).hits();

      assertThat(hits).hasSize(2);
      assertThat(hits.stream().mapToDouble(Hit::classifier).sum()).isCloseTo(1, within(1e-9));
      assertThat(hits.get(0).section().id()).isEqualTo("jaavi.md#laheiset");
      assertThat(hits.get(0).classifier()).isGreaterThan(hits.get(1).classifier());
    }
  }

  @Test
  void whatTheQuestionWordsAskForTellsApartSectionsWithTheSameWords() {
    try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null)) {
      // The two sections' phrasings have the same content words; only their question words differ.
      index.rebuild(
          new KnowledgeBase(
              List.of(
                  Sections.finnish(
                      "talous.md#kuka",
                      "Kuka päättää talousarviosta?",
                      "Valtuusto päättää talousarviosta.",
                      "kuka päättää talousarviosta kunnassa",
                      "keneltä talousarviosta päättää"),
                  Sections.finnish(
                      "talous.md#milloin",
                      "Milloin päättää talousarviosta?",
                      "Talousarviosta päätetään vuoden loppuun mennessä.",
                      "milloin päättää talousarviosta kunnassa",
                      "milloin talousarviosta päättää")),
              List.of(),
              Map.of()));

      assertThat(share(index, "kuka talousarviosta", "talous.md#kuka")).isGreaterThan(0.55);
      assertThat(share(index, "milloin talousarviosta", "talous.md#milloin")).isGreaterThan(0.55);
    }
  }

  private static double share(LuceneKnowledgeIndex index, String question, String id) {
    return index.search(question, Language.FI, 10).hits().stream()
        .filter(h -> h.section().id().equals(id))
        .findFirst()
        .orElseThrow()
        .classifier();
  }

  @Test
  void oneSectionIndexAnswersWithTheWholeShare() {
    try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null)) {
      index.rebuild(
          new KnowledgeBase(
              List.of(
                  Sections.finnish(
                      "palkkiot.md#palkkio",
                      "Mitä palkkioita maksetaan?",
                      "Kunta maksaa kokouspalkkion.",
                      "paljonko kokouspalkkio on")),
              List.of(),
              Map.of()));

      List<Hit> hits = index.search("kokouspalkkio", Language.FI, 10).hits();

      assertThat(hits).hasSize(1);
      assertThat(hits.get(0).classifier()).isEqualTo(1.0);
    }
  }

  @Test
  void anEmptyIndexFindsNothing() {
    try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null)) {
      assertThat(index.search("kokouspalkkio", Language.FI, 10).hits()).isEmpty();
    }
  }
}
