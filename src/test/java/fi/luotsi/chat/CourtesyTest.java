package fi.luotsi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.Language;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CourtesyTest {
  @ParameterizedTest
  @CsvSource({
    "kiitos, FI",
    "Kiitos paljon!, FI",
    "hei kiitos avusta, FI",
    "ok kiitti :), FI",
    "tack för hjälpen, SV",
    "Tack så mycket!, SV",
    "thank you very much, EN",
    "thanks for the help, EN",
  })
  void aMessageThatOnlyThanksIsRecognisedWithItsLanguage(String text, Language language) {
    assertThat(Courtesy.thanks(text)).contains(language);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ok",
        "hei",
        "kiitos, olenko jäävi?",
        "kiitos mutta mikä on kokouspalkkio",
        "thanks, who decides on disqualification",
        "tack, när är jag jävig",
        "kiitospäivä"
      })
  void anythingElseIsNotAThankYou(String text) {
    assertThat(Courtesy.thanks(text)).isEqualTo(Optional.empty());
  }
}
