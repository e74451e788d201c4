package fi.luotsi.bench;

import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.answer.DeclineModel;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.KnowledgeIndex.SearchResult;
import fi.luotsi.knowledge.Language;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Fits the {@link DeclineModel} on evaluation questions (the dev split): a logistic regression with
 * balanced class weights and a little L2 regularisation, over the model's signals of the best
 * candidate. The threshold is chosen by repeated 5-fold cross-validation on the same questions, so
 * that it is judged on questions the weights were not fitted to: the one with the fewest errors
 * counted as (out-of-scope answered) / 10 % + (answerable declined) / 5 %, each as a share of its
 * kind and measured against what the product allows for it (at least 90 % of out-of-scope questions
 * declined, at most 5 % of answerable ones). The error changes little over a range of thresholds,
 * so each threshold is judged by its error averaged with its neighbours' (± 0.02), which keeps a
 * small change of the knowledge or the questions from swinging the choice across that range.
 */
public final class Calibration {
  private static final int FOLDS = 5;
  private static final int REPEATS = 5;
  private static final double L2 = 0.05;
  private static final int ITERATIONS = 4000;
  private static final double LEARNING_RATE = 0.2;

  /** What the product allows: out-of-scope questions answered, answerable questions declined. */
  static final double ALLOWED_ANSWERED = 0.10;

  static final double ALLOWED_DECLINED = 0.05;

  /** Thresholds on each side averaged into a threshold's error (in steps of 0.01). */
  private static final int SMOOTHING = 2;

  /**
   * A fitted model and how it did in cross-validation.
   *
   * @param model the model fitted on all the questions, with the chosen threshold
   * @param outOfScopeDeclined cross-validated share of out-of-scope questions declined
   * @param wronglyDeclined cross-validated share of answerable questions declined
   * @param questions how many questions the fit used (questions without any candidate are left out:
   *     they are declined whatever the model says)
   */
  public record Result(
      DeclineModel model, double outOfScopeDeclined, double wronglyDeclined, int questions) {}

  /**
   * @param mayAnswer whether the evidence may be the answer at all ({@link
   *     DeclineModel#mayAnswer}): a sample that may not is declined at every threshold, as the
   *     engine declines it
   */
  private record Sample(double[] x, boolean answerable, boolean mayAnswer) {}

  private Calibration() {}

  /** Fits the model on {@code questions} searched in {@code index}. */
  public static Result fit(KnowledgeIndex index, List<EvalQuestion> questions) {
    AnswerEngine engine = new AnswerEngine(index);
    List<Sample> samples = new ArrayList<>();
    for (EvalQuestion q : questions) {
      Language language = engine.languageOf(q.text(), Optional.empty());
      SearchResult result = index.search(q.text(), language, AnswerEngine.CANDIDATES);
      if (result.hits().isEmpty() || result.contentWords() == 0) {
        continue;
      }
      Hit evidence = result.evidenceHit().orElseThrow();
      samples.add(
          new Sample(
              DeclineModel.features(evidence, result),
              q.answerable(),
              DeclineModel.mayAnswer(evidence)));
    }
    if (samples.stream().noneMatch(Sample::answerable)
        || samples.stream().allMatch(Sample::answerable)) {
      throw new IllegalArgumentException(
          "calibration needs both answerable and out-of-scope questions");
    }
    double[] cv = crossValidated(samples);
    double[] errors = new double[101];
    for (int t = 0; t <= 100; t++) {
      errors[t] = error(rates(samples, cv, t / 100.0));
    }
    int best = choose(errors);
    double[] bestRates = rates(samples, cv, best / 100.0);
    double[] w = train(samples);
    DeclineModel model = new DeclineModel(w[0], w[1], w[2], w[3], w[4], w[5], w[6], best / 100.0);
    return new Result(model, bestRates[0], bestRates[1], samples.size());
  }

  /** Prints what {@link #fit} found. */
  public static void print(Result result, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Decline model fitted on %d questions; threshold %.2f chosen by %d×%d-fold"
            + " cross-validation:%n  out-of-scope declined %.3f, answerable wrongly declined %.3f"
            + " (cross-validated on dev)%n",
        result.questions(),
        result.model().threshold(),
        REPEATS,
        FOLDS,
        result.outOfScopeDeclined(),
        result.wronglyDeclined());
  }

  /** A threshold's error: each kind's error rate against what the product allows for it. */
  static double error(double[] rates) {
    return (1 - rates[0]) / ALLOWED_ANSWERED + rates[1] / ALLOWED_DECLINED;
  }

  /**
   * The threshold (in hundredths, 5 to 95) whose error averaged with its neighbours' is least; the
   * lowest such threshold on a tie.
   */
  static int choose(double[] errors) {
    int best = 5;
    double bestError = Double.MAX_VALUE;
    for (int t = 5; t <= 95; t++) {
      double sum = 0;
      int n = 0;
      for (int u = Math.max(0, t - SMOOTHING);
          u <= Math.min(errors.length - 1, t + SMOOTHING);
          u++) {
        sum += errors[u];
        n++;
      }
      double smoothed = sum / n;
      if (smoothed < bestError - 1e-12) {
        bestError = smoothed;
        best = t;
      }
    }
    return best;
  }

  /** {out-of-scope declined, answerable declined} at a threshold. */
  private static double[] rates(List<Sample> samples, double[] p, double threshold) {
    int oos = 0;
    int oosDeclined = 0;
    int answerable = 0;
    int declined = 0;
    for (int i = 0; i < samples.size(); i++) {
      boolean answers = samples.get(i).mayAnswer() && p[i] >= threshold;
      if (samples.get(i).answerable()) {
        answerable++;
        declined += answers ? 0 : 1;
      } else {
        oos++;
        oosDeclined += answers ? 0 : 1;
      }
    }
    return new double[] {(double) oosDeclined / oos, (double) declined / answerable};
  }

  /** Each sample's probability from models fitted without it, averaged over the repeats. */
  private static double[] crossValidated(List<Sample> samples) {
    int n = samples.size();
    double[] p = new double[n];
    for (int repeat = 0; repeat < REPEATS; repeat++) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        order.add(i);
      }
      java.util.Collections.shuffle(order, new Random(repeat));
      for (int fold = 0; fold < FOLDS; fold++) {
        List<Sample> training = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          if (k % FOLDS == fold) {
            held.add(order.get(k));
          } else {
            training.add(samples.get(order.get(k)));
          }
        }
        double[] w = train(training);
        for (int i : held) {
          p[i] += probability(w, samples.get(i).x()) / REPEATS;
        }
      }
    }
    return p;
  }

  private static double probability(double[] w, double[] x) {
    double z = w[0];
    for (int j = 0; j < x.length; j++) {
      z += w[j + 1] * x[j];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Gradient descent on standardised features with balanced class weights; returns {intercept,
   * weights…} on the raw features.
   */
  private static double[] train(List<Sample> samples) {
    int n = samples.size();
    int d = samples.get(0).x().length;
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (Sample s : samples) {
      for (int j = 0; j < d; j++) {
        mean[j] += s.x()[j] / n;
      }
    }
    for (Sample s : samples) {
      for (int j = 0; j < d; j++) {
        sd[j] += Math.pow(s.x()[j] - mean[j], 2) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j]) + 1e-9;
    }
    long positives = samples.stream().filter(Sample::answerable).count();
    double positiveWeight = 0.5 * n / positives;
    double negativeWeight = 0.5 * n / (n - positives);
    double[] w = new double[d];
    double b = 0;
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] gradient = new double[d];
      double gradientB = 0;
      for (Sample s : samples) {
        double z = b;
        for (int j = 0; j < d; j++) {
          z += w[j] * (s.x()[j] - mean[j]) / sd[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double g =
            (p - (s.answerable() ? 1 : 0)) * (s.answerable() ? positiveWeight : negativeWeight);
        for (int j = 0; j < d; j++) {
          gradient[j] += g * (s.x()[j] - mean[j]) / sd[j] / n;
        }
        gradientB += g / n;
      }
      for (int j = 0; j < d; j++) {
        w[j] -= LEARNING_RATE * (gradient[j] + L2 * w[j]);
      }
      b -= LEARNING_RATE * gradientB;
    }
    double[] raw = new double[d + 1];
    raw[0] = b;
    for (int j = 0; j < d; j++) {
      raw[j + 1] = w[j] / sd[j];
      raw[0] -= w[j] * mean[j] / sd[j];
    }
    return raw;
  }
}
