package fi.luotsi.answer;

import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.KnowledgeIndex.SearchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * Whether the best section answers the question: a logistic model over six signals that are
 * comparable across questions (never a raw BM25 score):
 *
 * <ul>
 *   <li>{@code coverage}: the IDF-weighted share of the question's content words the section
 *       contains;
 *   <li>{@code unknownShare}: the share of the question's words that no section contains at all;
 *   <li>{@code knownCoverage}: the coverage counted over the words the knowledge base knows, so
 *       that a colloquial question with a few odd words is not declined for them alone;
 *   <li>{@code phrasing}: how closely the question matches the section's closest single phrasing
 *       (its heading or one alternate question), counting the words of both (see {@link
 *       fi.luotsi.knowledge.KnowledgeIndex.Hit#phrasing()});
 *   <li>{@code contentWords}: how many content words the question has (a tenth per word, at most
 *       1): a long question that describes a situation in everyday words is answerable at a lower
 *       coverage than a two-word one;
 *   <li>{@code outside}: how closely the question matches the closest example of what people ask
 *       that the knowledge is not meant to answer (the built-in {@code out-of-scope-LANG.txt} and a
 *       knowledge directory's own; see {@link
 *       fi.luotsi.knowledge.KnowledgeIndex.SearchResult#outside()}): the "none" intent of chat
 *       assistants, which tells near misses (one municipality's figures, one's own taxes) from
 *       questions the knowledge answers in the same words.
 * </ul>
 *
 * <p>The weights are fitted on the evaluation's dev split by {@code calibrate}, which also chooses
 * the threshold by cross-validation on dev; they live in {@code decline-model.properties}.
 *
 * @param intercept the model's constant term
 * @param coverage the weight of the coverage
 * @param unknownShare the weight of the unknown-word share
 * @param knownCoverage the weight of the coverage over known words
 * @param phrasing the weight of the similarity to the closest phrasing
 * @param contentWords the weight of the question's length in content words
 * @param threshold the least probability of being answerable at which the bot answers
 */
public record DeclineModel(
    double intercept,
    double coverage,
    double unknownShare,
    double knownCoverage,
    double phrasing,
    double contentWords,
    double outside,
    double threshold) {

  private static final String RESOURCE = "decline-model.properties";

  /** The content-word count at which that signal reaches 1. */
  private static final int WORDS_AT_ONE = 10;

  /**
   * A model over the first three signals only (the phrasing, length and out-of-scope weights 0).
   */
  public DeclineModel(
      double intercept,
      double coverage,
      double unknownShare,
      double knownCoverage,
      double threshold) {
    this(intercept, coverage, unknownShare, knownCoverage, 0, 0, 0, threshold);
  }

  public DeclineModel {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1: " + threshold);
    }
  }

  /** The model shipped in the jar, fitted on the dev split. */
  public static DeclineModel shipped() {
    try (InputStream in = DeclineModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Properties p = new Properties();
      p.load(in);
      return new DeclineModel(
          number(p, "intercept"),
          number(p, "coverage"),
          number(p, "unknownShare"),
          number(p, "knownCoverage"),
          number(p, "phrasing"),
          number(p, "contentWords"),
          number(p, "outside"),
          number(p, "threshold"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * A plain coverage threshold written as a model: answers exactly when the coverage reaches {@code
   * minCoverage}. Useful where only coverage matters (tests, small custom knowledge bases).
   */
  public static DeclineModel coverageAtLeast(double minCoverage) {
    double steepness = 1000;
    return new DeclineModel(-steepness * minCoverage, steepness, 0, 0, 0.5);
  }

  private static double number(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(RESOURCE + " has no " + key);
    }
    return Double.parseDouble(value.strip());
  }

  /** The six signals of a candidate, in the model's order. */
  public static double[] features(Hit best, SearchResult result) {
    double unknown = result.unknownShare();
    double known = unknown < 1 ? Math.min(1, best.coverage() / (1 - unknown)) : 0;
    double words = Math.min(result.contentWords(), WORDS_AT_ONE) / (double) WORDS_AT_ONE;
    // How much the question looks out of scope: the closest example's similarity and the
    // out-of-scope class's share, averaged (together they separate out-of-scope questions from
    // answerable ones better than either: see the README).
    double outside = (result.outside() + result.outsideShare()) / 2;
    return new double[] {best.coverage(), unknown, known, best.phrasing(), words, outside};
  }

  /** The probability that the question is answered by {@code best}. */
  public double probability(Hit best, SearchResult result) {
    return probability(features(best, result));
  }

  double probability(double[] f) {
    double z =
        intercept
            + coverage * f[0]
            + unknownShare * f[1]
            + knownCoverage * f[2]
            + phrasing * f[3]
            + contentWords * f[4]
            + outside * f[5];
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Whether to answer with {@code best}: never when it contains none of the question's words (not
   * even within a typing error or as part of a compound), whatever the other signals say; otherwise
   * when the probability reaches the threshold.
   */
  public boolean answers(Hit best, SearchResult result) {
    return answers(best, probability(best, result));
  }

  /** As {@link #answers(Hit, SearchResult)}, with {@code best}'s probability already worked out. */
  public boolean answers(Hit best, double probability) {
    return mayAnswer(best) && probability >= threshold;
  }

  /**
   * Whether {@code best} may be the answer at all, whatever the model says: not when it contains
   * none of the question's words.
   */
  public static boolean mayAnswer(Hit best) {
    return best.coverage() > 0;
  }

  /** The model as the properties file stores it. */
  public String toProperties() {
    return String.format(
        Locale.ROOT,
        "intercept=%.6f%ncoverage=%.6f%nunknownShare=%.6f%nknownCoverage=%.6f%nphrasing=%.6f%n"
            + "contentWords=%.6f%noutside=%.6f%nthreshold=%.3f%n",
        intercept,
        coverage,
        unknownShare,
        knownCoverage,
        phrasing,
        contentWords,
        outside,
        threshold);
  }
}
