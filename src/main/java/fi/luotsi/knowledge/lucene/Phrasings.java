package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
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
    try {
      List<List<String[][]>> analysed = new ArrayList<>();
      int count = 0;
      for (Section section : sections) {
        List<String> texts = new ArrayList<>();
        texts.add(section.heading());
        texts.addAll(section.questions());
        List<String[][]> phrasings = new ArrayList<>();
        for (String text : texts) {
          String[][] words = words(stemmers.get(section.language()), plain, text);
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
  private static String[][] words(Analyzer stemmer, Analyzer plain, String text) {
    Map<Integer, List<String>> stems = QueryPlan.tokens(stemmer, text);
    Map<Integer, List<String>> surfaces = QueryPlan.tokens(plain, text);
    List<String> stemList = new ArrayList<>();
    List<String> wordList = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> entry : stems.entrySet()) {
      List<String> surface = surfaces.get(entry.getKey());
      stemList.add(entry.getValue().get(0));
      wordList.add(surface == null || surface.isEmpty() ? entry.getValue().get(0) : surface.get(0));
    }
    return new String[][] {stemList.toArray(String[]::new), wordList.toArray(String[]::new)};
  }

  /** BM25's IDF over phrasings; a word no phrasing has weighs as if one had it. */
  private double idf(int df) {
    int n = Math.max(df, 1);
    return Math.log(1 + (phrasingCount - n + 0.5) / (n + 0.5));
  }

  /** The IDF weight of each of the question's words, in order. */
  double[] weights(List<QueryPlan.TermGroup> terms) {
    double[] weights = new double[terms.size()];
    for (int i = 0; i < weights.length; i++) {
      int df = 0;
      for (String stem : terms.get(i).stems()) {
        df = Math.max(df, documentFrequency.getOrDefault(stem, 0));
      }
      weights[i] = idf(df);
    }
    return weights;
  }

  /**
   * The similarity (0 to 1) of the question to the section's closest phrasing.
   *
   * @param terms the question's content words
   * @param weights their {@link #weights}
   * @param ordinal the section's place in the list the phrasings were built from
   */
  double best(List<QueryPlan.TermGroup> terms, double[] weights, int ordinal) {
    if (terms.isEmpty() || ordinal < 0 || ordinal >= bySection.size()) {
      return 0;
    }
    double questionTotal = 0;
    for (double weight : weights) {
      questionTotal += weight;
    }
    if (questionTotal == 0) {
      return 0;
    }
    double best = 0;
    for (Phrasing phrasing : bySection.get(ordinal)) {
      double questionCovered = 0;
      // The best match each phrasing word got from some question word.
      double[] credit = new double[phrasing.stems().length];
      for (int i = 0; i < terms.size(); i++) {
        QueryPlan.TermGroup group = terms.get(i);
        double match = 0;
        int at = -1;
        for (int j = 0; j < phrasing.stems().length && match < 1; j++) {
          double m = match(group, phrasing.stems()[j], phrasing.words()[j]);
          if (m > match) {
            match = m;
            at = j;
          }
        }
        if (at >= 0) {
          questionCovered += weights[i] * match;
          credit[at] = Math.max(credit[at], match);
        }
      }
      double phrasingCovered = 0;
      for (int j = 0; j < credit.length; j++) {
        phrasingCovered += phrasing.weights()[j] * credit[j];
      }
      double q = questionCovered / questionTotal;
      double p = phrasing.total() == 0 ? 0 : phrasingCovered / phrasing.total();
      best = Math.max(best, Math.sqrt(q * p));
    }
    return Math.min(1, best);
  }

  private static double match(QueryPlan.TermGroup group, String stem, String word) {
    if (group.stems().contains(stem)) {
      return 1;
    }
    return group.near().contains(word) ? 0.8 : 0;
  }
}
