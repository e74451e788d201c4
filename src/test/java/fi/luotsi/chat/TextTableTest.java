package fi.luotsi.chat;

import static fi.luotsi.chat.TextTable.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.knowledge.Language;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTableTest {
  private enum Key {
    HELLO,
    COUNT
  }

  @Test
  void givesEachKeyInEachLanguageAndFormatsForTheLanguage() {
    TextTable<Key> table =
        new TextTable<>(
            Key.class,
            entry(Key.HELLO, "Hei", "Hej", "Hello"),
            entry(Key.COUNT, "%.1f kysymystä", "%.1f frågor", "%.1f questions"));
    assertThat(table.get(Key.HELLO, Language.SV)).isEqualTo("Hej");
    assertThat(table.format(Key.COUNT, Language.FI, 2.5)).isEqualTo("2,5 kysymystä");
    assertThat(table.format(Key.COUNT, Language.EN, 2.5)).isEqualTo("2.5 questions");
  }

  @Test
  void aMissingKeyOrLanguageFailsWhenTheTableIsBuilt() {
    assertThatThrownBy(() -> new TextTable<>(Key.class, entry(Key.HELLO, "Hei", "Hej", "Hello")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COUNT");
    Map.Entry<Key, Map<Language, String>> finnishOnly =
        Map.entry(Key.COUNT, Map.of(Language.FI, "%d"));
    assertThatThrownBy(
            () -> new TextTable<>(Key.class, entry(Key.HELLO, "Hei", "Hej", "Hello"), finnishOnly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COUNT has no sv");
  }

  @Test
  void aKeyGivenTwiceFails() {
    assertThatThrownBy(
            () ->
                new TextTable<>(
                    Key.class,
                    entry(Key.HELLO, "Hei", "Hej", "Hello"),
                    entry(Key.HELLO, "Moi", "Hej", "Hi"),
                    entry(Key.COUNT, "%d", "%d", "%d")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HELLO given twice");
  }
}
