package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.Language;
import org.junit.jupiter.api.Test;

/** The built-in language resources that are not analysis chains. */
class LanguageResourcesTest {
  private final LanguageResources resources = new LanguageResources();

  @Test
  void questionWordsGiveTheirIntentsInOrderEachOnce() {
    assertThat(resources.intents(Language.FI, "Kuka päättää ja milloin? Kuka muu?"))
        .containsExactly("?who", "?when");
    assertThat(resources.intents(Language.FI, "saanks mä kertoa tän somessa"))
        .containsExactly("?may");
    assertThat(resources.intents(Language.SV, "När får jag vara med?"))
        .containsExactly("?when", "?may");
    assertThat(resources.intents(Language.EN, "Who decides whether I am disqualified?"))
        .containsExactly("?who", "?am");
  }

  @Test
  void eachLanguageHasItsOwnQuestionWords() {
    assertThat(resources.intents(Language.EN, "kuka päättää")).isEmpty();
    assertThat(resources.intents(Language.FI, "who decides")).isEmpty();
  }

  @Test
  void everyLanguageHasOutOfScopeExamples() {
    for (Language language : Language.values()) {
      assertThat(resources.outOfScope(language)).as(language.code()).hasSizeGreaterThan(50);
      assertThat(resources.outOfScope(language))
          .allSatisfy(example -> assertThat(example).isNotBlank().doesNotStartWith("#"));
    }
  }
}
