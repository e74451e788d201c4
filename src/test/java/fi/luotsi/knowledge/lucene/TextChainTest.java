package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the exact tokens of the analysis chains for a fixed word list, as Lucene's own analyzer
 * tests do. A token written {@code +x} is stacked on the previous one (position increment 0), as
 * query-time synonyms are.
 */
class TextChainTest {
  private static final LanguageResources RESOURCES = new LanguageResources();

  private static Analyzer finnishIndex;
  private static Analyzer finnishWithoutOverrides;
  private static Analyzer finnishQuery;
  private static Analyzer finnishQueryWithSynonyms;
  private static Analyzer swedishIndex;
  private static Analyzer englishIndex;
  private static Analyzer gram;
  private static Analyzer plain;

  @BeforeAll
  static void chains() {
    finnishIndex = stem(Language.FI, false, true, false);
    finnishWithoutOverrides = stem(Language.FI, false, false, false);
    finnishQuery = stem(Language.FI, true, true, false);
    finnishQueryWithSynonyms = stem(Language.FI, true, true, true);
    swedishIndex = stem(Language.SV, false, false, false);
    englishIndex = stem(Language.EN, false, false, false);
    gram =
        new TextChain(TextChain.Kind.GRAM, Language.FI, CharArraySet.EMPTY_SET, null, null, null);
    plain =
        new TextChain(TextChain.Kind.PLAIN, Language.FI, CharArraySet.EMPTY_SET, null, null, null);
  }

  @AfterAll
  static void close() {
    for (Analyzer a :
        List.of(
            finnishIndex,
            finnishWithoutOverrides,
            finnishQuery,
            finnishQueryWithSynonyms,
            swedishIndex,
            englishIndex,
            gram,
            plain)) {
      a.close();
    }
  }

  private static Analyzer stem(
      Language language, boolean querySide, boolean overrides, boolean synonyms) {
    return new TextChain(
        TextChain.Kind.STEM,
        language,
        RESOURCES.stopwords(language),
        querySide ? RESOURCES.questionWords(language) : null,
        overrides ? RESOURCES.finnishOverrides() : null,
        synonyms ? RESOURCES.synonyms(language, List.of(), new ArrayList<>()) : null);
  }

  static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add((increment.getPositionIncrement() == 0 ? "+" : "") + term);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "EU:n         | eu",
        "THL:n        | thl",
        "kh:n         | kh",
        "97 §:n       | 97",
        "5 §:ssä      | 5",
        "klo 12:30    | klo 12 30",
      })
  void colonEndingsOfAbbreviationsAndSectionSignsAreStrippedButClockTimesAreKept(
      String text, String expected) {
    assertThat(tokens(finnishIndex, text)).containsExactly(expected.split(" "));
  }

  @ParameterizedTest(name = "{0} and {1} share a stem")
  @CsvSource(
      delimiter = '|',
      value = {
        // -s nouns whose other forms have -ks-, which Snowball stems apart
        "toimintakertomus | toimintakertomukseen",
        "valitus          | valituksen",
        "oikaisuvaatimus  | oikaisuvaatimuksesta",
        "luottamus        | luottamuksen",
        // -uus/-yys/-aus nouns, whose other forms have -ude-/-yde-/-aude-
        "vastuuvapaus     | vastuuvapauden",
        "julkisuus        | julkisuuden",
      })
  void stemEndingsJoinTheFormsSnowballSplits(String nominative, String inflected) {
    // without the overrides, so that the stem endings alone are tested
    assertThat(tokens(finnishWithoutOverrides, inflected))
        .isEqualTo(tokens(finnishWithoutOverrides, nominative));
  }

  @Test
  void stemEndingsLeaveShortStemsAndOtherEndingsAlone() {
    // "kaks" is too short to change; "valtuusto" and "talous" end otherwise
    assertThat(tokens(finnishWithoutOverrides, "kaks valtuuston talous"))
        .containsExactly("kaks", "valtuusto", "talous");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "kunta               | kun",
        "kunnan              | kun",
        "kuntien             | kun",
        "kunnat              | kun",
        "päätös              | päätös",
        "päätöksen           | päätös",
        "päätökset           | päätös",
        "sääntö              | sääntö",
        "säännön             | sääntö",
        "hallintosäännössä   | hallintosääntö",
        "valtuusto           | valtuusto",
        "valtuuston          | valtuusto",
        "kunnanhallituksen   | kunnanhallitus",
        "esteellisyydestä    | esteellisyys",
        "kokouksessa         | kokous",
        "luottamushenkilöiden | luottamushenkilö",
        "esteellinen         | esteellin",
        "esteellisen         | esteellin",
        "esteellisiä         | esteellin",
        "jäävi               | jäävi",
        "jäävin              | jäävi",
        "jääviksi            | jäävi",
      })
  void inflectedFormsShareOneStem(String word, String stem) {
    assertThat(tokens(finnishIndex, word)).containsExactly(stem);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hallintosaannossa | hallintosääntö",
        "saannon           | sääntö",
        "paatoksen         | päätös",
      })
  void overriddenFormsTypedWithoutDotsGetTheDottedStem(String word, String stem) {
    assertThat(tokens(finnishIndex, word)).containsExactly(stem);
    // the correction is what joins them: Snowball alone stems the undotted form otherwise
    assertThat(tokens(finnishWithoutOverrides, word)).doesNotContain(stem);
  }

  @Test
  void withoutTheOverridesSnowballSplitsGradationPairs() {
    assertThat(tokens(finnishWithoutOverrides, "kunta kunnan kuntien"))
        .containsExactly("kun", "kun", "kunt");
    // the s-stem pair päätös/päätöks is joined by the stem endings, not by the overrides
    assertThat(tokens(finnishWithoutOverrides, "päätös päätöksen"))
        .containsExactly("päätös", "päätös");
    assertThat(tokens(finnishWithoutOverrides, "sääntö säännön"))
        .containsExactly("sääntö", "säänö");
  }

  @Test
  void questionWordsAreRemovedOnlyOnTheQuerySide() {
    assertThat(tokens(finnishIndex, "Milloin olen esteellinen?"))
        .containsExactly("milo", "esteellin");
    assertThat(tokens(finnishQuery, "Milloin olen esteellinen?")).containsExactly("esteellin");

    assertThat(tokens(finnishIndex, "Voiko valtuutettu olla jäävi kokouksessa?"))
        .containsExactly("voiko", "valtuutetu", "jäävi", "kokous");
    assertThat(tokens(finnishQuery, "Voiko valtuutettu olla jäävi kokouksessa?"))
        .containsExactly("valtuutetu", "jäävi", "kokous");

    assertThat(tokens(finnishIndex, "Pitääkö minun ilmoittaa esteellisyydestäni?"))
        .containsExactly("pitä", "ilmoit", "esteellisyys");
    assertThat(tokens(finnishQuery, "Pitääkö minun ilmoittaa esteellisyydestäni?"))
        .containsExactly("ilmoit", "esteellisyys");
  }

  @Test
  void querySideSynonymsAreStackedOnTheWordAsStems() {
    // jäävi, esteellinen, jääviys and esteellisyys are one group of the built-in synonyms
    assertThat(tokens(finnishQueryWithSynonyms, "jäävi"))
        .containsExactly("esteellin", "+jääviys", "+esteellisyys", "+jäävi");
    assertThat(tokens(finnishQueryWithSynonyms, "esteellisen"))
        .containsExactly("jäävi", "+jääviys", "+esteellisyys", "+esteellin");
    assertThat(tokens(finnishQueryWithSynonyms, "budjetti"))
        .containsExactly("talousarvio", "+ta", "+budjet");
    assertThat(tokens(finnishQueryWithSynonyms, "kh:n"))
        .containsExactly("kunnanhallitus", "+kaupunginhallitus", "+kh");
  }

  @Test
  void aMultiWordSynonymWithAStopwordMatchesTheQuery() {
    assertThat(tokens(finnishQueryWithSynonyms, "sosiaali- ja terveyspalvelut"))
        .containsExactly("sote", "+sosiaal", "terveyspalvelu");
    try (Analyzer english = stem(Language.EN, true, false, true)) {
      assertThat(tokens(english, "a conflict of interest"))
          .containsExactly("disqualif", "+disqualifi", "+recus", "+bia", "+conflict", "interest");
    }
  }

  @Test
  void swedishStemsDefiniteAndGenitiveForms() {
    assertThat(tokens(swedishIndex, "kommunen kommunens besluten"))
        .containsExactly("kommun", "kommun", "beslut");
    assertThat(tokens(swedishIndex, "beslutet"))
        .as("Snowball keeps this form")
        .containsExactly("beslutet");
  }

  @Test
  void englishDropsPossessivesAndStopwordsAndStems() {
    assertThat(tokens(englishIndex, "The council's decisions")).containsExactly("council", "decis");
    assertThat(tokens(englishIndex, "disqualified")).containsExactly("disqualifi");
  }

  @Test
  void gramFieldKeepsShortWordsWholeAndAddsTheWholeLongWord() {
    assertThat(tokens(gram, "EU:n kunnanhallitus"))
        .containsExactly(
            "eu",
            "kunn",
            "+unna",
            "+nnan",
            "+nanh",
            "+anha",
            "+nhal",
            "+hall",
            "+alli",
            "+llit",
            "+litu",
            "+itus",
            "+kunnanhallitus");
  }

  @Test
  void plainFieldKeepsSurfaceFormsInLowerCase() {
    assertThat(tokens(plain, "EU:n Päätöksen")).containsExactly("eu", "päätöksen");
  }
}
