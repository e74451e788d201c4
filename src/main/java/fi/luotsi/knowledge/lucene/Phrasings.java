package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.lucene.SectionPhrasings.Phrasing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.analysis.Analyzer;

/**
 * Question-to-question similarity (FAQ matching): how closely a question matches a section's
 * closest single phrasing, its heading or one of its alternate questions. Coverage and the BM25
 * score see all of a section's phrasings together; this sees whether one of them is the question
 * put another way, which a good answer's question usually is and an out-of-scope question's best
 * candidate usually is not.
 *
 * <p>For a question and one phrasing, with each word weighed by its IDF over the headings and
 * alternate questions of all sections, the similarity is the geometric mean of the share of the
 * question's words the phrasing has and the share of the phrasing's words the question has (1 when
 * they are the same content words, whatever their forms and order). A question word matches a
 * phrasing word when one of its stems or its synonyms' stems is that word's stem (1), or when the
 * word is within typing distance of it (0.8). Question words and stopwords are left out on both
 * sides.
 *
 * <p>Measured on the dev split: as a signal of the {@code DeclineModel} it lowers the
 * cross-validated share of answerable questions declined; as part of the ranking it did not help,
 * and ranking by BM25 over one Lucene document per phrasing did not either (see the README).
 */
final class Phrasings {
  /**
   * How much a match counts when the question and the phrasing both have question words and ask for
   * different things ({@code kuka päättää…} against {@code milloin päätetään…}; see {@link
   * LanguageResources#intents}). Chosen on the dev split: 0.7, 0.8 and 0.9 gave the same figures.
   */
  static final double OTHER_INTENT = 0.8;

  private final Analysis analysis;
  private final KnownTerms terms;
  private final List<Section> sections;
  private final int phrasingCount;

  /** Each language's out-of-scope examples, and which of them have a stem or unstemmed word. */
  private final Map<Language, Phrasing[]> outOfScope = new EnumMap<>(Language.class);

  private final Map<Language, Map<String, int[]>> outOfScopeByWord = new EnumMap<>(Language.class);

  /** Each section's phrasings, analysed when a search first meets the section. */
  private final AtomicReferenceArray<SectionPhrasings> bySection;

  /**
   * The analysis chains of phrasings: the question side's stemming (question words and stopwords
   * left out, no synonyms: the question brings those) and unstemmed words. One per index, closed
   * with it.
   */
  static final class Analysis implements AutoCloseable {
    private final Map<Language, Analyzer> stemmers = new EnumMap<>(Language.class);
    private final Analyzer plain;
    private final LanguageResources resources;

    Analysis(LanguageResources resources) {
      this.resources = resources;
      for (Language language : Language.values()) {
        stemmers.put(language, resources.questionStems(language, null));
      }
      this.plain = resources.questionSurfaces();
    }

    @Override
    public void close() {
      stemmers.values().forEach(Analyzer::close);
      plain.close();
    }
  }

  /**
   * @param terms the same generation's terms, whose document frequencies in the heading and
   *     question fields give the words' weights
   * @param outOfScope each language's example questions that no section is meant to answer
   */
  Phrasings(
      Analysis analysis,
      KnownTerms terms,
      List<Section> sections,
      Map<Language, List<String>> outOfScope) {
    this.analysis = analysis;
    this.terms = terms;
    this.sections = List.copyOf(sections);
    this.bySection = new AtomicReferenceArray<>(sections.size());
    this.phrasingCount = sections.stream().mapToInt(s -> 1 + s.questions().size()).sum();
    for (Map.Entry<Language, List<String>> entry : outOfScope.entrySet()) {
      Language language = entry.getKey();
      List<Phrasing> examples = new ArrayList<>();
      Map<String, int[]> byWord = new HashMap<>();
      for (String text : entry.getValue()) {
        Phrasing example = phrasing(language, text);
        if (example.total() <= 0) {
          continue;
        }
        int number = examples.size();
        examples.add(example);
        for (String stem : example.stems()) {
          PhrasingQuestion.add(byWord, stem, number);
        }
        for (String word : example.words()) {
          PhrasingQuestion.add(byWord, word, number);
        }
      }
      this.outOfScope.put(language, examples.toArray(Phrasing[]::new));
      this.outOfScopeByWord.put(language, byWord);
    }
  }

  /**
   * A section's phrasings, analysed on first use: the index build does not pay for thousands of
   * sections no question reaches. Two threads may analyse the same section at once; both get the
   * same result.
   */
  private SectionPhrasings phrasings(int ordinal) {
    SectionPhrasings known = bySection.get(ordinal);
    if (known != null) {
      return known;
    }
    Section section = sections.get(ordinal);
    List<String> texts = new ArrayList<>();
    texts.add(section.heading());
    texts.addAll(section.questions());
    List<Phrasing> out = new ArrayList<>();
    for (String text : texts) {
      Phrasing phrasing = phrasing(section.language(), text);
      if (phrasing.total() > 0) {
        out.add(phrasing);
      }
    }
    SectionPhrasings analysed = SectionPhrasings.of(out.toArray(Phrasing[]::new));
    bySection.compareAndSet(ordinal, null, analysed);
    return analysed;
  }

  /** One phrasing's content words with their weights. */
  private Phrasing phrasing(Language language, String text) {
    Map<Integer, List<String>> stems = QueryPlan.tokens(analysis.stemmers.get(language), text);
    Map<Integer, List<String>> surfaces = QueryPlan.tokens(analysis.plain, text);
    int n = stems.size();
    String[] stemArray = new String[n];
    String[] words = new String[n];
    double[] weights = new double[n];
    double total = 0;
    int j = 0;
    for (Map.Entry<Integer, List<String>> entry : stems.entrySet()) {
      List<String> surface = surfaces.get(entry.getKey());
      stemArray[j] = entry.getValue().get(0);
      words[j] = surface == null || surface.isEmpty() ? stemArray[j] : surface.get(0);
      weights[j] = idf(documentFrequency(language, stemArray[j]));
      total += weights[j];
      j++;
    }
    return new Phrasing(
        stemArray, words, weights, total, analysis.resources.intents(language, text));
  }

  /**
   * Prepares the question's content words for {@link #best}; once per search.
   *
   * @param words the question's content words as the query plan found them
   * @param intents what the question's words ask for ({@link LanguageResources#intents})
   */
  PhrasingQuestion question(
      List<QueryPlan.TermGroup> words, Language language, List<String> intents) {
    double[] weights = new double[words.size()];
    for (int i = 0; i < weights.length; i++) {
      long df = 0;
      for (String stem : words.get(i).stems()) {
        df = Math.max(df, documentFrequency(language, stem));
      }
      weights[i] = idf(df);
    }
    return new PhrasingQuestion(weights, words, intents);
  }

  /**
   * About how many phrasings have the stem: its occurrences in the heading and question fields of
   * the language's sections (a phrasing seldom repeats a content word), from the table of terms the
   * generation looked up anyway, so that the build analyses no phrasing.
   */
  private long documentFrequency(Language language, String stem) {
    return terms.totalTermFreq(LuceneKnowledgeIndex.field(language, "q"), stem)
        + terms.totalTermFreq(LuceneKnowledgeIndex.field(language, "title"), stem);
  }

  /** BM25's IDF over all phrasings; a word no phrasing has weighs as if one had it. */
  private double idf(long df) {
    long n = Math.max(df, 1);
    return Math.log(1 + (phrasingCount - n + 0.5) / (n + 0.5));
  }

  /**
   * The similarity (0 to 1) of the question to the section's closest phrasing.
   *
   * @param question the question from {@link #question}
   * @param ordinal the section's place in the list the phrasings were built from
   */
  double best(PhrasingQuestion question, int ordinal) {
    if (question.total <= 0 || ordinal < 0 || ordinal >= bySection.length()) {
      return 0;
    }
    SectionPhrasings section = phrasings(ordinal);
    Phrasing[] all = section.phrasings();
    int words = question.weights.length;
    // Per phrasing: the question's words it matches (as in similarity) and its words' weight
    // the question matches, gathered from the places of the question's stems and near words.
    double[] matched = new double[all.length * words];
    double[] covered = new double[all.length];
    boolean[] byStem = new boolean[section.words()];
    // First the stems (full credit), then the near words of the places no stem matched (0.8).
    for (boolean stems : new boolean[] {true, false}) {
      double credit = stems ? 1 : 0.8;
      Map<String, int[]> placesOf = stems ? section.byStem() : section.byWord();
      for (Map.Entry<String, int[]> key : (stems ? question.byStem : question.byNear).entrySet()) {
        int[] places = placesOf.get(key.getKey());
        if (places == null) {
          continue;
        }
        for (int place : places) {
          int p = place >>> 16;
          int j = place & 0xFFFF;
          int at = section.offsets()[p] + j;
          if (!stems && byStem[at]) {
            continue;
          }
          byStem[at] |= stems;
          covered[p] += all[p].weights()[j] * credit;
          for (int i : key.getValue()) {
            matched[p * words + i] = Math.max(matched[p * words + i], credit);
          }
        }
      }
    }
    double best = 0;
    for (int p = 0; p < all.length; p++) {
      if (covered[p] == 0) {
        continue; // no word in common: similarity 0
      }
      double questionCovered = 0;
      for (int i = 0; i < words; i++) {
        questionCovered += question.weights[i] * matched[p * words + i];
      }
      best = Math.max(best, combined(question, all[p], questionCovered, covered[p]));
    }
    return Math.min(1, best);
  }

  /**
   * {@link #best} computed phrasing by phrasing with {@link #similarity}: the plain definition,
   * kept as the reference its faster computation is tested against.
   */
  double bestOneByOne(PhrasingQuestion question, int ordinal) {
    if (question.total <= 0 || ordinal < 0 || ordinal >= bySection.length()) {
      return 0;
    }
    double[] matched = new double[question.weights.length];
    double best = 0;
    for (Phrasing phrasing : phrasings(ordinal).phrasings()) {
      best = Math.max(best, similarity(question, phrasing, matched));
    }
    return Math.min(1, best);
  }

  /**
   * The similarity (0 to 1) of the question to the closest out-of-scope example of its language:
   * how much it looks like something people ask that the knowledge is not meant to answer.
   *
   * <p>Only the examples sharing a stem or an unstemmed word with the question are candidates, and
   * they are compared in the order of the question's weight they could match at most: the
   * similarity is at most the square root of that share, so the comparison stops at the first
   * candidate that cannot beat the best so far (the result is the same as comparing them all).
   */
  double outside(PhrasingQuestion question, Language language) {
    Phrasing[] examples = outOfScope.get(language);
    int words = question.weights.length;
    if (question.total <= 0 || examples == null || examples.length == 0) {
      return 0;
    }
    Map<String, int[]> byWord = outOfScopeByWord.get(language);
    // Which of the question's words (the first 64) each candidate could match.
    long[] could = new long[examples.length];
    List<Integer> candidates = new ArrayList<>();
    for (Map<String, int[]> keys : List.of(question.byStem, question.byNear)) {
      for (Map.Entry<String, int[]> key : keys.entrySet()) {
        int[] numbers = byWord.get(key.getKey());
        if (numbers == null) {
          continue;
        }
        long bits = 0;
        for (int word : key.getValue()) {
          bits |= word < Long.SIZE ? 1L << word : 0;
        }
        for (int number : numbers) {
          if (could[number] == 0) {
            candidates.add(number);
          }
          could[number] |= bits == 0 ? 1 : bits;
        }
      }
    }
    double[] bound = new double[examples.length];
    for (int number : candidates) {
      double share = 0;
      for (int word = 0; word < words; word++) {
        // beyond 64 words the bound gives up on pruning: every later word counts as matched
        share +=
            word >= Long.SIZE || (could[number] & 1L << word) != 0 ? question.weights[word] : 0;
      }
      bound[number] = Math.sqrt(Math.min(1, share / question.total));
    }
    candidates.sort((a, b) -> Double.compare(bound[b], bound[a]));
    double[] matched = new double[words];
    double best = 0;
    for (int number : candidates) {
      if (bound[number] <= best) {
        break;
      }
      best = Math.max(best, similarity(question, examples[number], matched));
    }
    return Math.min(1, best);
  }

  /**
   * The geometric mean of the weighted share of the question's words the phrasing has and the share
   * of the phrasing's words the question has, times {@link #OTHER_INTENT} when they ask for
   * different things; {@code matched} is scratch space, one per question word. {@link #best}
   * computes the same for all of a section's phrasings at once.
   */
  private static double similarity(PhrasingQuestion question, Phrasing phrasing, double[] matched) {
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
    return combined(question, phrasing, questionCovered, phrasingCovered);
  }

  /**
   * The similarity from the question's weight the phrasing matches and the phrasing's weight the
   * question matches: their shares' geometric mean, times {@link #OTHER_INTENT} when the two ask
   * for different things.
   */
  private static double combined(
      PhrasingQuestion question,
      Phrasing phrasing,
      double questionCovered,
      double phrasingCovered) {
    double intent = sameIntent(question.intents(), phrasing.intents()) ? 1 : OTHER_INTENT;
    double q = questionCovered / question.total;
    double p = phrasing.total() == 0 ? 0 : phrasingCovered / phrasing.total();
    return intent * Math.sqrt(q * p);
  }

  /**
   * Whether two texts ask for the same thing: one of them has no question words, or they share one.
   */
  private static boolean sameIntent(List<String> question, List<String> phrasing) {
    if (question.isEmpty() || phrasing.isEmpty()) {
      return true;
    }
    for (String intent : question) {
      if (phrasing.contains(intent)) {
        return true;
      }
    }
    return false;
  }
}
