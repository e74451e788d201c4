package fi.luotsi.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The languages Luotsi answers in. Finnish is the default everywhere. */
public enum Language {
  FI("fi"),
  SV("sv"),
  EN("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** The ISO 639-1 code, as used in knowledge front matter ({@code lang: sv}). */
  public String code() {
    return code;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  /**
   * Parses a code or a locale tag such as {@code fi}, {@code sv-FI}, {@code en_GB}; empty when it
   * names none of the supported languages.
   */
  public static Optional<Language> fromTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    for (Language language : values()) {
      if (language.code.equals(primary)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
