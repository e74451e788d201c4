package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Query-term coverage, the calibrated signal for declining: the IDF-weighted share of a question's
 * content words that a section contains. Unlike a BM25 score it is comparable across questions.
 *
 * <p>A word counts fully when one of its stems (or its synonyms' stems) is among the section's
 * stems, 0.8 when it is within one or two edits of a section word (a typo) or the same word typed
 * without the dots of ä and ö, and 0.5 when it and a section word of at least six letters contain
 * one another (compounds). Words no section has get the highest weight: a question built around an
 * unknown word is probably out of scope.
 */
final class Coverage {
  private final Map<String, Set<String>> stemsBySection = new HashMap<>();
  private final Map<String, Set<String>> wordsBySection = new HashMap<>();
  private final Map<String, Set<String>> foldedBySection = new HashMap<>();
  private final Map<String, String[]> longWordsBySection = new HashMap<>();
  private final Map<String, Integer> documentFrequency = new HashMap<>();
  private final int sectionCount;

  /**
   * Words no section contains are weighed as if a few sections had them: long colloquial questions
   * are full of such words, and giving them the top weight would decline good answers.
   */
  static final int UNKNOWN_WORD_DF = 3;

  /** Words at least this long that contain one another count as a compound match. */
  private static final int COMPOUND_LENGTH = 6;

  Coverage(Analyzer indexAnalyzer, List<Section> sections) {
    this.sectionCount = sections.size();
    for (Section section : sections) {
      Language language = section.language();
      String all =
          section.heading()
              + "\n"
              + String.join("\n", section.questions())
              + "\n"
              + section.body()
              + "\n"
              + section.documentTitle()
              + " "
              + String.join(" ", section.tags());
      Set<String> stems = new HashSet<>();
      QueryPlan.tokens(indexAnalyzer, LuceneKnowledgeIndex.field(language, "body"), all)
          .values()
          .forEach(stems::addAll);
      Set<String> words = new HashSet<>();
      QueryPlan.tokens(indexAnalyzer, LuceneKnowledgeIndex.PLAIN, all)
          .values()
          .forEach(words::addAll);
      stemsBySection.put(section.id(), stems);
      wordsBySection.put(section.id(), words);
      Set<String> folded = new HashSet<>();
      words.forEach(w -> folded.add(Vocabulary.fold(w)));
      foldedBySection.put(section.id(), folded);
      longWordsBySection.put(
          section.id(),
          words.stream().filter(w -> w.length() >= COMPOUND_LENGTH).toArray(String[]::new));
      for (String stem : stems) {
        documentFrequency.merge(stem, 1, Integer::sum);
      }
    }
  }

  double of(List<QueryPlan.TermGroup> terms, Section section) {
    if (terms.isEmpty()) {
      return 0;
    }
    Set<String> stems = stemsBySection.getOrDefault(section.id(), Set.of());
    Set<String> words = wordsBySection.getOrDefault(section.id(), Set.of());
    Set<String> folded = foldedBySection.getOrDefault(section.id(), Set.of());
    String[] longWords = longWordsBySection.getOrDefault(section.id(), new String[0]);
    double total = 0;
    double covered = 0;
    for (QueryPlan.TermGroup group : terms) {
      double weight = idf(group);
      total += weight;
      covered += weight * match(group, stems, words, folded, longWords);
    }
    return total == 0 ? 0 : covered / total;
  }

  /**
   * The IDF-weighted share of the question's words that no section contains. A typo of a known word
   * counts as unknown here: counting it as known was measured worse on the dev split.
   */
  double unknownShare(List<QueryPlan.TermGroup> terms) {
    double total = 0;
    double unknown = 0;
    for (QueryPlan.TermGroup group : terms) {
      double weight = idf(group);
      total += weight;
      if (documentFrequency(group) == 0) {
        unknown += weight;
      }
    }
    return total == 0 ? 0 : Math.min(1, unknown / total);
  }

  /** Whether some section contains one of the word's stems. */
  boolean known(QueryPlan.TermGroup group) {
    return documentFrequency(group) > 0;
  }

  private int documentFrequency(QueryPlan.TermGroup group) {
    int df = 0;
    for (String stem : group.stems()) {
      df = Math.max(df, documentFrequency.getOrDefault(stem, 0));
    }
    return df;
  }

  private double idf(QueryPlan.TermGroup group) {
    int df = documentFrequency(group);
    if (df == 0) {
      // Never more sections than there are: with fewer than three the weight went negative.
      df = Math.min(UNKNOWN_WORD_DF, sectionCount);
    }
    return Math.log(1 + (sectionCount - df + 0.5) / (df + 0.5));
  }

  private static double match(
      QueryPlan.TermGroup group,
      Set<String> stems,
      Set<String> words,
      Set<String> folded,
      String[] longWords) {
    for (String stem : group.stems()) {
      if (stems.contains(stem)) {
        return 1;
      }
    }
    String surface = group.surface();
    int length = surface.length();
    if (length >= 5 && folded.contains(Vocabulary.fold(surface))) {
      return 0.8; // typed without dots: hallintosaanto
    }
    for (String near : group.near()) {
      if (words.contains(near)) {
        return 0.8; // a typo: the question planned its near words once, against the whole index
      }
    }
    if (length >= COMPOUND_LENGTH) {
      for (String word : longWords) {
        if (surface.contains(word) || word.contains(surface)) {
          return 0.5;
        }
      }
    }
    return 0;
  }
}
