package fi.luotsi.chat;

import fi.luotsi.knowledge.Language;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a message that only thanks or acknowledges ("kiitos!", "hei kiitos avusta", "tack för
 * hjälpen", "ok thanks"), so the bot says "you're welcome" instead of searching the knowledge for
 * it (and saying it does not know).
 */
final class Courtesy {
  /** Words that thank, and the language they are in. */
  private static final Map<String, Language> THANKS =
      Map.ofEntries(
          Map.entry("kiitos", Language.FI),
          Map.entry("kiitoksia", Language.FI),
          Map.entry("kiitokset", Language.FI),
          Map.entry("kiitti", Language.FI),
          Map.entry("kitos", Language.FI),
          Map.entry("tack", Language.SV),
          Map.entry("tackar", Language.SV),
          Map.entry("thanks", Language.EN),
          Map.entry("thank", Language.EN),
          Map.entry("thx", Language.EN),
          Map.entry("cheers", Language.EN));

  /** Words that may go with a thank-you without asking anything. */
  private static final Set<String> FILLERS =
      Set.of(
          // Finnish
          "hei",
          "moi",
          "no",
          "ok",
          "okei",
          "selvä",
          "hyvä",
          "hienoa",
          "jes",
          "jees",
          "paljon",
          "tosi",
          "ihan",
          "vaan",
          "avusta",
          "vastauksesta",
          "tiedosta",
          "tästä",
          "sulle",
          "sinulle",
          "teille",
          "luotsi",
          // Swedish
          "hej",
          "så",
          "mycket",
          "för",
          "hjälpen",
          "svaret",
          "bra",
          "toppen",
          // English
          "you",
          "very",
          "much",
          "a",
          "lot",
          "for",
          "the",
          "help",
          "answer",
          "great",
          "hi",
          "okay",
          "so");

  private Courtesy() {}

  /** The language of a message that only thanks, or empty when it says anything else. */
  static Optional<Language> thanks(String text) {
    Language language = null;
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      Language thanking = THANKS.get(word);
      if (thanking != null) {
        language = language == null ? thanking : language;
      } else if (!FILLERS.contains(word)) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(language);
  }
}
