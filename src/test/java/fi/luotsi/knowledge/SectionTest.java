package fi.luotsi.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SectionTest {

  @Test
  void slugOfTheArchitectureExampleDropsPunctuationAndHyphenatesSpaces() {
    assertThat(Section.slug("Miten äänestetään, kun ehdotuksia on useita?"))
        .isEqualTo("miten-äänestetään-kun-ehdotuksia-on-useita");
  }

  @Test
  void slugRemovesTheSectionSignButKeepsTheDigits() {
    assertThat(Section.slug("Kuntalain 97 § ja valtuutettu"))
        .isEqualTo("kuntalain-97--ja-valtuutettu");
  }

  @Test
  void slugRemovesColonsOfInflectedAbbreviations() {
    assertThat(Section.slug("EU:n tuet ja THL:n ohjeet")).isEqualTo("eun-tuet-ja-thln-ohjeet");
    assertThat(Section.slug("Kokous klo 12:30")).isEqualTo("kokous-klo-1230");
  }

  @Test
  void slugKeepsHyphensUnderscoresAndUnicodeLetters() {
    assertThat(Section.slug("Sote-uudistus ja hyte_kerroin"))
        .isEqualTo("sote-uudistus-ja-hyte_kerroin");
    assertThat(Section.slug("När är jag jävig?")).isEqualTo("när-är-jag-jävig");
    assertThat(Section.slug("Ööpinen ÅÄÖ")).isEqualTo("ööpinen-åäö");
  }

  @Test
  void slugTurnsEverySpaceIntoItsOwnHyphen() {
    assertThat(Section.slug("Vuosi 2027  ja  2028")).isEqualTo("vuosi-2027--ja--2028");
  }

  @Test
  void slugIgnoresSurroundingWhitespaceAndQuotes() {
    assertThat(Section.slug("  \"Mikä on talousarvio?\"  ")).isEqualTo("mikä-on-talousarvio");
  }

  @Test
  void slugOfOnlyPunctuationIsEmpty() {
    assertThat(Section.slug("?!§…")).isEmpty();
  }

  @Test
  void bodyJoinsParagraphsWithBlankLines() {
    Section section =
        new Section(
            "a.md#b",
            "a.md",
            "A",
            "B",
            List.of("First.", "Second."),
            Language.FI,
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            3);
    assertThat(section.body()).isEqualTo("First.\n\nSecond.");
  }

  @Test
  void sectionRequiresItsIdentity() {
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new Section(
                    null,
                    "a.md",
                    "A",
                    "B",
                    List.of(),
                    Language.FI,
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    1))
        .withMessage("id");
  }
}
