package fi.luotsi.answer;

import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells Finnish, Swedish and English apart in short questions by their function words and letters.
 * Returns empty when the text gives no clear sign, so that the caller can fall back on the user's
 * locale. Finnish and Swedish share ä and ö, so letters only tip the balance together with words.
 */
public final class LanguageDetector {
  private static final Map<Language, Set<String>> WORDS =
      Map.of(
          Language.FI,
          Set.of(
              "on",
              "ja",
              "ei",
              "olen",
              "onko",
              "olenko",
              "voiko",
              "saako",
              "miten",
              "mitä",
              "mikä",
              "kun",
              "jos",
              "että",
              "kuka",
              "milloin",
              "pitääkö",
              "minun",
              "mun",
              "mä",
              "sä",
              "onks",
              "kunta",
              "kunnan",
              "valtuusto",
              "lautakunta",
              "jäävi",
              "esteellinen",
              "kokous",
              "päätös",
              "mitkä",
              "kuinka",
              "saanko",
              "voinko",
              "ole",
              "oon",
              "eli",
              "vai",
              "tai",
              "kanssa",
              "asia",
              "asiassa",
              "jäsen",
              "luottamushenkilö",
              // Also Swedish (an article), but as often the Finnish "I do not": en pääse, en tiedä.
              "en"),
          Language.SV,
          Set.of(
              "och",
              "är",
              "jag",
              "vad",
              "hur",
              "när",
              "får",
              "kan",
              "om",
              "det",
              "en",
              "ett",
              "på",
              "av",
              "för",
              "med",
              "som",
              "till",
              "inte",
              "min",
              "mitt",
              "mina",
              "jävig",
              "jäv",
              "kommun",
              "kommunen",
              "fullmäktige",
              "nämnd",
              "nämnden",
              "styrelse",
              "styrelsen",
              "offentlig",
              "handling",
              "handlingar",
              "sekretess",
              "förtroendevald",
              "måste",
              "ska",
              "bror",
              "syster",
              "företag",
              "sammanträde",
              "beslut",
              "vem",
              "varför",
              "vilka",
              "mötet",
              "möte",
              "också",
              "eller",
              "har",
              "jävet"),
          Language.EN,
          Set.of(
              "the",
              "is",
              "am",
              "are",
              "what",
              "how",
              "when",
              "can",
              "i",
              "my",
              "of",
              "to",
              "in",
              "a",
              "an",
              "for",
              "do",
              "does",
              "should",
              "may",
              "council",
              "conflict",
              "interest",
              "public",
              "document",
              "documents",
              "board",
              "member",
              "who",
              "meeting",
              "decision",
              "if",
              "brother",
              "company",
              "municipality",
              "municipal",
              "trustee",
              "disqualified",
              "disqualification",
              "secret",
              "confidential",
              "with",
              "and",
              "or",
              "be",
              "have",
              "has",
              "this",
              "that",
              "it",
              "where",
              "which"));

  /**
   * Word forms only Finnish has among the three: a long ä, ö or y, or a case ending with ä
   * (inessive, elative, adessive, ablative, illative) or the translative -ksi, or the illative
   * -seen. Each such word adds half a function word's weight, so that a Finnish question made of
   * inflected content words is not taken for Swedish over one ambiguous word.
   */
  private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

  private static final List<String> FINNISH_INFIXES = List.of("ää", "öö", "yy");

  private static final List<String> FINNISH_ENDINGS =
      List.of("ssä", "stä", "llä", "ltä", "ään", "ksi", "seen");

  private static boolean finnishForm(String word) {
    return FINNISH_INFIXES.stream().anyMatch(word::contains)
        || FINNISH_ENDINGS.stream().anyMatch(word::endsWith);
  }

  /** The question's language when it is clear. */
  public Optional<Language> detect(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    Map<Language, Double> score = new java.util.EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      score.put(language, 0.0);
    }
    for (String word : NON_LETTERS.split(lower)) {
      if (word.isEmpty()) {
        continue;
      }
      for (Language language : Language.values()) {
        if (WORDS.get(language).contains(word)) {
          score.merge(language, 1.0, Double::sum);
        }
      }
      if (finnishForm(word)) {
        score.merge(Language.FI, 0.5, Double::sum);
      }
    }
    if (lower.indexOf('å') >= 0) {
      score.merge(Language.SV, 1.5, Double::sum);
    }
    boolean umlauts = lower.indexOf('ä') >= 0 || lower.indexOf('ö') >= 0;
    if (umlauts) {
      score.merge(Language.FI, 0.5, Double::sum);
      score.merge(Language.SV, 0.25, Double::sum);
    } else {
      score.merge(Language.EN, 0.25, Double::sum);
    }
    if (lower.matches(".*(ko|kö|ks|nko|nkö)\\b.*")) {
      score.merge(Language.FI, 0.5, Double::sum);
    }
    Language best = Language.FI;
    for (Language language : Language.values()) {
      if (score.get(language) > score.get(best)) {
        best = language;
      }
    }
    double[] sorted = score.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double second = sorted[sorted.length - 2];
    double top = score.get(best);
    return top >= 1.0 && top > second ? Optional.of(best) : Optional.empty();
  }
}
