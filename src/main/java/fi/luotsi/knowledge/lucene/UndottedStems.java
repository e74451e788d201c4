package fi.luotsi.knowledge.lucene;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces a question's stem typed without the dots of ä and ö (or the ring of å) by the index stem
 * it stands for: {@code tehtav} (from {@code tehtava}) by {@code tehtäv}, so that every form of a
 * word typed on a keyboard without those letters matches as the dotted word does. Only stems the
 * index does not have themselves are in the map (see {@link #of}).
 */
final class UndottedStems extends TokenFilter {
  private final Map<String, String> dotted;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  UndottedStems(TokenStream input, Map<String, String> dotted) {
    super(input);
    this.dotted = dotted;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    String stem = dotted.get(term.toString());
    if (stem != null) {
      term.setEmpty().append(stem);
    }
    return true;
  }

  /**
   * The map from each index stem written without dots and rings to the stem itself, for the stems
   * that have them, leaving out a form that is an index stem in its own right (when the index has
   * both {@code määr} and {@code maar}, a question's {@code maar} stays); where two stems fold
   * alike, the more frequent one.
   *
   * @param frequencies the index stems of one language with their total frequencies
   */
  static Map<String, String> of(Map<String, Long> frequencies) {
    Map<String, String> out = new HashMap<>();
    Map<String, Long> best = new HashMap<>();
    frequencies.forEach(
        (stem, frequency) -> {
          String folded = Vocabulary.fold(stem);
          if (!folded.equals(stem)
              && !frequencies.containsKey(folded)
              && frequency > best.getOrDefault(folded, 0L)) {
            best.put(folded, frequency);
            out.put(folded, stem);
          }
        });
    return Map.copyOf(out);
  }
}
