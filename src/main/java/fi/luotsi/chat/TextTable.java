package fi.luotsi.chat;

import fi.luotsi.knowledge.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bot's wording for one feature: every key in Finnish, Swedish and English. A missing key or
 * language fails when the table is built (at class initialisation), not when a user meets it.
 *
 * @param <K> the feature's keys
 */
public final class TextTable<K extends Enum<K>> {
  private final Map<K, Map<Language, String>> texts;

  @SafeVarargs
  public TextTable(Class<K> keys, Map.Entry<K, Map<Language, String>>... entries) {
    texts = new EnumMap<>(keys);
    for (Map.Entry<K, Map<Language, String>> entry : entries) {
      if (texts.put(entry.getKey(), entry.getValue()) != null) {
        throw new IllegalArgumentException("text " + entry.getKey() + " given twice");
      }
    }
    for (K key : keys.getEnumConstants()) {
      Map<Language, String> byLanguage = texts.get(key);
      for (Language language : Language.values()) {
        if (byLanguage == null || byLanguage.get(language) == null) {
          throw new IllegalArgumentException("text " + key + " has no " + language.code());
        }
      }
    }
  }

  /** One key's wording in the three languages. */
  public static <K> Map.Entry<K, Map<Language, String>> entry(
      K key, String fi, String sv, String en) {
    return Map.entry(
        Objects.requireNonNull(key, "key"),
        Map.of(Language.FI, fi, Language.SV, sv, Language.EN, en));
  }

  public String get(K key, Language language) {
    return texts.get(key).get(language);
  }

  /** The wording with {@link String#format} arguments, formatted for the language's locale. */
  public String format(K key, Language language, Object... args) {
    return String.format(language.locale(), get(key, language), args);
  }
}
