package fi.luotsi.answer;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {
  private final LanguageDetector detector = new LanguageDetector();

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Milloin olen esteellinen?                                  | FI",
        "olenko jäävi jos veljeni yritys on tarjoajana              | FI",
        "Mikä on talousarvio?                                       | FI",
        "mä oon varajäsen, koskeeks tää muakin                      | FI",
        "Saako valtuutettu kertoa salaisista asioista?              | FI",
        "en pääse huomenna kokoukseen                               | FI",
        "en tiedä kenelle ilmoitan esteestä                         | FI",
        "När är jag jävig?                                          | SV",
        "Får jag delta i beslutet om min bror är part?              | SV",
        "Vad är en offentlig handling?                              | SV",
        "Hur lämnar jag mitt uppdrag i nämnden?                     | SV",
        "When am I disqualified?                                    | EN",
        "Can I attend the meeting if my brother's company bids?     | EN",
        "Is the council's agenda a public document?                 | EN",
      })
  void recognisesTheLanguageOfTypicalQuestions(String question, Language expected) {
    assertThat(detector.detect(question)).contains(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   ", "talousarvio", "OK", "123 §", "Sysmä"})
  void saysNothingWhenTheTextGivesNoClearSign(String text) {
    assertThat(detector.detect(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jävig", "kommunen"})
  void aSingleSwedishWordIsEnough(String text) {
    assertThat(detector.detect(text)).contains(Language.SV);
  }
}
