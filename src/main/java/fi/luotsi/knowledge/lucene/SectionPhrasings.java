package fi.luotsi.knowledge.lucene;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One section's phrasings and where their words are: for each stem and each unstemmed word, its
 * places as {@code phrasing << 16 | position}. A question then looks up its own few words in the
 * section instead of every word of every phrasing in the question.
 */
record SectionPhrasings(
    Phrasing[] phrasings,
    int[] offsets,
    int words,
    Map<String, int[]> byStem,
    Map<String, int[]> byWord) {
  /**
   * One phrasing's content words: their stems, unstemmed forms and IDF weights, in the same order,
   * and what its question words ask for.
   */
  record Phrasing(
      String[] stems, String[] words, double[] weights, double total, List<String> intents) {}

  static SectionPhrasings of(Phrasing[] phrasings) {
    int[] offsets = new int[phrasings.length];
    int words = 0;
    Map<String, int[]> byStem = new HashMap<>();
    Map<String, int[]> byWord = new HashMap<>();
    for (int p = 0; p < phrasings.length; p++) {
      offsets[p] = words;
      words += phrasings[p].stems().length;
      for (int j = 0; j < phrasings[p].stems().length; j++) {
        append(byStem, phrasings[p].stems()[j], p << 16 | j);
        append(byWord, phrasings[p].words()[j], p << 16 | j);
      }
    }
    return new SectionPhrasings(phrasings, offsets, words, byStem, byWord);
  }

  private static void append(Map<String, int[]> map, String key, int place) {
    int[] places = map.get(key);
    if (places == null) {
      map.put(key, new int[] {place});
    } else {
      int[] more = Arrays.copyOf(places, places.length + 1);
      more[places.length] = place;
      map.put(key, more);
    }
  }
}
