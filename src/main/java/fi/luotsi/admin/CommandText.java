package fi.luotsi.admin;

import java.util.Locale;

/** How the administration and privacy commands read typed text. */
final class CommandText {
  private CommandText() {}

  /**
   * Lower case, single spaces, without closing punctuation: "Mitä tiedät minusta?" → "mitä tiedät
   * minusta".
   */
  static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .replaceAll("[\\s!.?]+$", "")
        .strip();
  }
}
