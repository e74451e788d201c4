package fi.luotsi.knowledge.lucene;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A question prepared for matching against phrasings ({@link Phrasings#question}): its words' IDF
 * weights, and which of its words each stem (1) or nearby unstemmed word (0.8) would match.
 */
final class PhrasingQuestion {
  final double[] weights;
  final double total;
  final Map<String, int[]> byStem = new HashMap<>();
  final Map<String, int[]> byNear = new HashMap<>();

  private final List<String> intents;

  /** What the question's words ask for, as the classifier's features too. */
  List<String> intents() {
    return intents;
  }

  PhrasingQuestion(double[] weights, List<QueryPlan.TermGroup> terms, List<String> intents) {
    this.weights = weights;
    this.intents = intents;
    double sum = 0;
    for (double weight : weights) {
      sum += weight;
    }
    this.total = sum;
    for (int i = 0; i < terms.size(); i++) {
      for (String stem : terms.get(i).stems()) {
        add(byStem, stem, i);
      }
      for (String near : terms.get(i).near()) {
        add(byNear, near, i);
      }
    }
  }

  static void add(Map<String, int[]> map, String key, int word) {
    int[] words = map.get(key);
    if (words == null) {
      map.put(key, new int[] {word});
    } else if (words[words.length - 1] != word) {
      int[] more = Arrays.copyOf(words, words.length + 1);
      more[words.length] = word;
      map.put(key, more);
    }
  }
}
