package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * Question-to-question similarity (FAQ matching): how closely a question matches a section's
 * closest single phrasing, its heading or one of its alternate questions. Coverage and the BM25
 * score see all of a section's phrasings together; this sees whether one of them is the question
 * put another way, which a good answer's question usually is and an out-of-scope question's best
 * candidate usually is not.
 *
 * <p>For a question and one phrasing, with each word weighed by its IDF over all phrasings of the
 * knowledge base, the similarity is the geometric mean of the share of the question's words the
 * phrasing has and the share of the phrasing's words the question has (1 when they are the same
 * content words, whatever their forms and order). A question word matches a phrasing word when one
 * of its stems or its synonyms' stems is that word's stem (1), or when the word is within typing
 * distance of it (0.8). Question words and stopwords are left out on both sides.
 *
 * <p>Measured on the dev split: as a signal of the {@code DeclineModel} it lowers the
 * cross-validated share of answerable questions declined; as part of the ranking it did not help,
 * and ranking by BM25 over one Lucene document per phrasing did not either (see the README).
 */
final class Phrasings {
  /**
   * One phrasing's content words: their stems, unstemmed forms and IDF weights, in the same order.
   */
  private record Phrasing(String[] stems, String[] words, double[] weights, double total) {}

  private final List<Phrasing[]> bySection = new ArrayList<>();
  private final Map<String, Integer> documentFrequency = new HashMap<>();
  private final int phrasingCount;

  Phrasings(LanguageResources resources, List<Section> sections) {
    Map<Language, Analyzer> stemmers = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      stemmers.put(
          language,
          new TextChain(
              TextChain.Kind.STEM,
              language,
              resources.stopwords(language),
              resources.questionWords(language),
              language == Language.FI ? resources.finnishOverrides() : null,
              null));
    }
    Analyzer plain =
        new TextChain(
            TextChain.Kind.PLAIN, Language.FI, resources.allQueryStopwords(), null, null, null);
    // One copy of each word: a knowledge base repeats its vocabulary across thousands of phrasings.
    Map<String, String> shared = new HashMap<>();
    try {
      List<List<String[][]>> analysed = new ArrayList<>();
      int count = 0;
      for (Section section : sections) {
        List<String> texts = new ArrayList<>();
        texts.add(section.heading());
        texts.addAll(section.questions());
        List<String[][]> phrasings = new ArrayList<>();
        for (String text : texts) {
          String[][] words = words(stemmers.get(section.language()), plain, text, shared);
          if (words[0].length == 0) {
            continue;
          }
          phrasings.add(words);
          count++;
          for (String stem : new HashSet<>(List.of(words[0]))) {
            documentFrequency.merge(stem, 1, Integer::sum);
          }
        }
        analysed.add(phrasings);
      }
      this.phrasingCount = count;
      for (List<String[][]> phrasings : analysed) {
        Phrasing[] out = new Phrasing[phrasings.size()];
        for (int i = 0; i < out.length; i++) {
          String[] stems = phrasings.get(i)[0];
          double[] weights = new double[stems.length];
          double total = 0;
          for (int j = 0; j < stems.length; j++) {
            weights[j] = idf(documentFrequency.getOrDefault(stems[j], 0));
            total += weights[j];
          }
          out[i] = new Phrasing(stems, phrasings.get(i)[1], weights, total);
        }
        bySection.add(out);
      }
    } finally {
      stemmers.values().forEach(Analyzer::close);
      plain.close();
    }
  }

  /** {stems, unstemmed words}: one of each per content word of the text. */
  private static String[][] words(
      Analyzer stemmer, Analyzer plain, String text, Map<String, String> shared) {
    Map<Integer, List<String>> stems = QueryPlan.tokens(stemmer, text);
    Map<Integer, List<String>> surfaces = QueryPlan.tokens(plain, text);
    List<String> stemList = new ArrayList<>();
    List<String> wordList = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> entry : stems.entrySet()) {
      List<String> surface = surfaces.get(entry.getKey());
      String stem = entry.getValue().get(0);
      String word = surface == null || surface.isEmpty() ? stem : surface.get(0);
      stemList.add(shared.computeIfAbsent(stem, k -> k));
      wordList.add(shared.computeIfAbsent(word, k -> k));
    }
    return new String[][] {stemList.toArray(String[]::new), wordList.toArray(String[]::new)};
  }

  /** BM25's IDF over phrasings; a word no phrasing has weighs as if one had it. */
  private double idf(int df) {
    int n = Math.max(df, 1);
    return Math.log(1 + (phrasingCount - n + 0.5) / (n + 0.5));
  }

  /**
   * A question prepared for matching against phrasings: its words' IDF weights, and which of its
   * words each stem (1) or nearby unstemmed word (0.8) would match.
   */
  static final class Question {
    final double[] weights;
    final double total;
    final Map<String, int[]> byStem = new HashMap<>();
    final Map<String, int[]> byNear = new HashMap<>();

    private Question(double[] weights, List<QueryPlan.TermGroup> terms) {
      this.weights = weights;
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

    private static void add(Map<String, int[]> map, String key, int word) {
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

  /** Prepares the question's content words for {@link #best}; once per search. */
  Question question(List<QueryPlan.TermGroup> terms) {
    double[] weights = new double[terms.size()];
    for (int i = 0; i < weights.length; i++) {
      int df = 0;
      for (String stem : terms.get(i).stems()) {
        df = Math.max(df, documentFrequency.getOrDefault(stem, 0));
      }
      weights[i] = idf(df);
    }
    return new Question(weights, terms);
  }

  /**
   * The similarity (0 to 1) of the question to the section's closest phrasing.
   *
   * @param question the question from {@link #question}
   * @param ordinal the section's place in the list the phrasings were built from
   */
  double best(Question question, int ordinal) {
    if (question.total <= 0 || ordinal < 0 || ordinal >= bySection.size()) {
      return 0;
    }
    double[] matched = new double[question.weights.length];
    double best = 0;
    for (Phrasing phrasing : bySection.get(ordinal)) {
      Arrays.fill(matched, 0);
      double phrasingCovered = 0;
      for (int j = 0; j < phrasing.stems().length; j++) {
        double credit = 0;
        int[] words = question.byStem.get(phrasing.stems()[j]);
        if (words != null) {
          credit = 1;
          for (int i : words) {
            matched[i] = 1;
          }
        } else {
          words = question.byNear.get(phrasing.words()[j]);
          if (words != null) {
            credit = 0.8;
            for (int i : words) {
              matched[i] = Math.max(matched[i], 0.8);
            }
          }
        }
        phrasingCovered += phrasing.weights()[j] * credit;
      }
      double questionCovered = 0;
      for (int i = 0; i < matched.length; i++) {
        questionCovered += question.weights[i] * matched[i];
      }
      double q = questionCovered / question.total;
      double p = phrasing.total() == 0 ? 0 : phrasingCovered / phrasing.total();
      best = Math.max(best, Math.sqrt(q * p));
    }
    return Math.min(1, best);
  }
}
