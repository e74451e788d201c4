package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Question-to-question similarity (FAQ matching): how closely a question matches the best single
 * phrasing of a section (its heading or one of its alternate questions), rather than all of them
 * joined into one field, where a perfect match with one short phrasing is diluted by the others.
 *
 * <p>For a question and one phrasing, with words weighed by their IDF over all phrasings, the
 * similarity is the harmonic mean of the share of the question's words the phrasing has and the
 * share of the phrasing's words the question has. A word matches when one of its stems (or its
 * synonyms' stems) is the phrasing word's stem, or within typing distance of it (counted 0.8).
 */
final class Phrasings {
  /** One phrasing: its words' stems, unstemmed forms and IDF weights, in the same order. */
  private record Phrasing(String[] stems, String[] words, double[] weights, double total) {}

  static final boolean LOOSE = Boolean.getBoolean("rank.loose");

  static final String SIM = System.getProperty("rank.sim", "f1");

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
            TextChain.Kind.PLAIN,
            Language.FI,
            resources.allQueryStopwords(),
            null,
            null,
            null);
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
        Set<String> distinct = new HashSet<>(List.of(words[0]));
        distinct.forEach(s -> documentFrequency.merge(s, 1, Integer::sum));
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
    stemmers.values().forEach(Analyzer::close);
    plain.close();
  }

  /** {stems, unstemmed words}, one per content word of the text. */
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

  private double idf(int df) {
    int n = Math.max(df, 1);
    return Math.log(1 + (phrasingCount - n + 0.5) / (n + 0.5));
  }

  /**
   * The similarity (0 to 1) of the question to the section's closest phrasing.
   *
   * @param ordinal the section's place in the list the phrasings were built from
   */
  double best(List<QueryPlan.TermGroup> terms, int ordinal) {
    if (terms.isEmpty() || ordinal >= bySection.size()) {
      return 0;
    }
    double[] questionWeights = new double[terms.size()];
    double questionTotal = 0;
    for (int i = 0; i < terms.size(); i++) {
      int df = 0;
      for (String stem : terms.get(i).stems()) {
        df = Math.max(df, documentFrequency.getOrDefault(stem, 0));
      }
      questionWeights[i] = idf(df);
      questionTotal += questionWeights[i];
    }
    double best = 0;
    for (Phrasing phrasing : bySection.get(ordinal)) {
      double questionCovered = 0;
      double phrasingCovered = 0;
      boolean[] used = new boolean[phrasing.stems().length];
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
          questionCovered += questionWeights[i] * match;
          if (!used[at] || credit[at] < match) {
            used[at] = true;
            credit[at] = match;
          }
        }
      }
      for (int j = 0; j < credit.length; j++) {
        phrasingCovered += phrasing.weights()[j] * credit[j];
      }
      double q = questionTotal == 0 ? 0 : questionCovered / questionTotal;
      double p = phrasing.total() == 0 ? 0 : phrasingCovered / phrasing.total();
      double similarity =
          switch (SIM) {
            case "q" -> q;
            case "p" -> p;
            case "geo" -> Math.sqrt(q * p);
            case "min" -> Math.min(q, p);
            default -> q + p == 0 ? 0 : 2 * q * p / (q + p);
          };
      best = Math.max(best, similarity);
    }
    return best;
  }

  private static double match(QueryPlan.TermGroup group, String stem, String word) {
    if (group.stems().contains(stem)) {
      return 1;
    }
    if (group.near().contains(word)) {
      return 0.8;
    }
    if (LOOSE) {
      String surface = group.surface();
      if (surface.length() >= 5 && Vocabulary.fold(surface).equals(Vocabulary.fold(word))) {
        return 0.8;
      }
      if (surface.length() >= 6
          && word.length() >= 6
          && (surface.contains(word) || word.contains(surface))) {
        return 0.5;
      }
    }
    return 0;
  }
}
