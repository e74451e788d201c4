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
  private final Map<String, LongWords> longWordsBySection = new HashMap<>();
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
      longWordsBySection.put(section.id(), LongWords.of(words));
      for (String stem : stems) {
        documentFrequency.merge(stem, 1, Integer::sum);
      }
    }
  }

  /**
   * A section's words of at least {@link #COMPOUND_LENGTH} letters with their letter sets: a word
   * can contain another only when it has all of the other's letters, which rules out most pairs
   * before a substring search.
   */
  private record LongWords(String[] words, long[] letters) {
    static final LongWords NONE = new LongWords(new String[0], new long[0]);

    static LongWords of(Set<String> words) {
      String[] longWords =
          words.stream().filter(w -> w.length() >= COMPOUND_LENGTH).toArray(String[]::new);
      long[] letters = new long[longWords.length];
      for (int i = 0; i < longWords.length; i++) {
        letters[i] = Levenshtein.letters(longWords[i]);
      }
      return new LongWords(longWords, letters);
    }

    /** Whether one of the words contains {@code surface} or is contained in it. */
    boolean compound(String surface, long surfaceLetters) {
      for (int i = 0; i < words.length; i++) {
        long letters = this.letters[i];
        boolean wordInSurface = (letters & ~surfaceLetters) == 0;
        boolean surfaceInWord = (surfaceLetters & ~letters) == 0;
        if ((wordInSurface && surface.contains(words[i]))
            || (surfaceInWord && words[i].contains(surface))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A question's words weighed once, for the coverage of each of its candidate sections and its
   * unknown share.
   */
  final class Question {
    private final List<QueryPlan.TermGroup> terms;
    private final double[] weights;
    private final String[] folded;
    private final long[] letters;
    private final double total;
    private final double unknown;

    private Question(List<QueryPlan.TermGroup> terms) {
      this.terms = terms;
      this.weights = new double[terms.size()];
      this.folded = new String[terms.size()];
      this.letters = new long[terms.size()];
      double total = 0;
      double unknown = 0;
      for (int i = 0; i < terms.size(); i++) {
        QueryPlan.TermGroup group = terms.get(i);
        int df = documentFrequency(group);
        weights[i] = idf(df);
        folded[i] = Vocabulary.fold(group.surface());
        letters[i] = Levenshtein.letters(group.surface());
        total += weights[i];
        if (df == 0) {
          unknown += weights[i];
        }
      }
      this.total = total;
      this.unknown = total == 0 ? 0 : Math.min(1, unknown / total);
    }

    /** The coverage of {@code section}: the weighted share of the words it contains. */
    double of(Section section) {
      if (total == 0) {
        return 0;
      }
      Set<String> stems = stemsBySection.getOrDefault(section.id(), Set.of());
      Set<String> words = wordsBySection.getOrDefault(section.id(), Set.of());
      Set<String> foldedWords = foldedBySection.getOrDefault(section.id(), Set.of());
      LongWords longWords = longWordsBySection.getOrDefault(section.id(), LongWords.NONE);
      double covered = 0;
      for (int i = 0; i < weights.length; i++) {
        covered +=
            weights[i]
                * match(terms.get(i), folded[i], letters[i], stems, words, foldedWords, longWords);
      }
      return covered / total;
    }

    /**
     * The IDF-weighted share of the question's words that no section contains. A typo of a known
     * word counts as unknown here: counting it as known was measured worse on the dev split.
     */
    double unknownShare() {
      return unknown;
    }
  }

  /** The question's words weighed for coverage. */
  Question question(List<QueryPlan.TermGroup> terms) {
    return new Question(terms);
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

  private double idf(int df) {
    if (df == 0) {
      // Never more sections than there are: with fewer than three the weight went negative.
      df = Math.min(UNKNOWN_WORD_DF, sectionCount);
    }
    return Math.log(1 + (sectionCount - df + 0.5) / (df + 0.5));
  }

  private static double match(
      QueryPlan.TermGroup group,
      String foldedSurface,
      long surfaceLetters,
      Set<String> stems,
      Set<String> words,
      Set<String> folded,
      LongWords longWords) {
    for (String stem : group.stems()) {
      if (stems.contains(stem)) {
        return 1;
      }
    }
    String surface = group.surface();
    int length = surface.length();
    if (length >= 5 && folded.contains(foldedSurface)) {
      return 0.8; // typed without dots: hallintosaanto
    }
    for (String near : group.near()) {
      if (words.contains(near)) {
        return 0.8; // a typo: the question planned its near words once, against the whole index
      }
    }
    if (length >= COMPOUND_LENGTH && longWords.compound(surface, surfaceLetters)) {
      return 0.5;
    }
    return 0;
  }
}
