package fi.luotsi.knowledge.lucene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A discriminative model of which section a question is about, learned from the knowledge's own
 * phrasings (each section's heading and alternate questions, labelled with the section): one sparse
 * linear score per section over the question's words (stems with their synonyms' stems, their
 * character grams) and nearby word pairs, trained as a softmax over the section and the sections it
 * is most easily confused with. Unlike BM25, which weighs a word by its rarity alone, it learns
 * which words point to which section and against which neighbour.
 *
 * <p>Training is cheap enough to run at every index rebuild: each phrasing's negatives are the
 * sections whose phrasings share the most IDF-weighted words with it (its likely search
 * candidates), and a weight exists only for a word and a section that met in training. A search
 * scores its candidates only.
 */
final class SectionClassifier {
  /**
   * @param negatives how many confusable sections each phrasing is contrasted with, at most
   * @param epochs passes over the phrasings
   * @param learningRate AdaGrad's step
   * @param l2 regularisation, applied to the weights a step touches
   * @param budget the most weights a training step table may hold (phrasings × contrasted sections
   *     × features): a large knowledge base gets fewer negatives per phrasing, so that the table
   *     and the training time stay bounded
   */
  record Options(int negatives, int epochs, double learningRate, double l2, int budget) {
    /** Chosen on the dev split and the phrasing pseudo-questions (see the README). */
    static final Options DEFAULT = new Options(20, 10, 0.3, 1e-3, 12_000_000);
  }

  /**
   * The length of the character grams of each word's stem (3 rather than 4 on the dev split: +1
   * point top-1, the short grams carry more of an inflected or misspelt word's stem).
   */
  static final int GRAM = 3;

  /** How far apart two words of a text may be to make a pair feature (2: with one between). */
  static final int PAIR_SPAN = 2;

  private static final long SEED = 20261128L;

  private final Map<String, Integer> dictionary;
  private final ClassifierWeights weights;

  private SectionClassifier(Map<String, Integer> dictionary, ClassifierWeights weights) {
    this.dictionary = dictionary;
    this.weights = weights;
  }

  /**
   * The features of a text, given as its content words' stems (each word's own stem first, then its
   * synonyms' stems): every stem, the character {@link #GRAM}-grams of each word's own stem (which
   * compounds, derived forms and the stemmer's misses share with their parts), and each pair of
   * words at most {@link #PAIR_SPAN} apart, in either order.
   */
  static List<String> features(List<? extends Iterable<String>> words) {
    Set<String> out = new LinkedHashSet<>();
    List<String> firsts = new ArrayList<>();
    for (Iterable<String> stems : words) {
      String first = null;
      for (String stem : stems) {
        out.add(stem);
        if (first == null) {
          first = stem;
        }
      }
      if (first != null && first.length() > GRAM) {
        String padded = "<" + first + ">";
        for (int i = 0; i + GRAM <= padded.length(); i++) {
          out.add("#" + padded.substring(i, i + GRAM));
        }
      }
      if (first != null) {
        firsts.add(first);
      }
    }
    // Word pairs in either order (Finnish word order is free), up to one word apart.
    for (int i = 0; i < firsts.size(); i++) {
      for (int j = i + 1; j < firsts.size() && j - i <= PAIR_SPAN; j++) {
        String a = firsts.get(i);
        String b = firsts.get(j);
        out.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Trains a classifier.
   *
   * @param texts per section (the class is the list's index), the features of each of its phrasings
   */
  static SectionClassifier train(List<List<List<String>>> texts, Options options) {
    Map<String, Integer> dictionary = new HashMap<>();
    List<int[]> examples = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < texts.size(); c++) {
      for (List<String> text : texts.get(c)) {
        int[] ids =
            text.stream()
                .mapToInt(f -> dictionary.computeIfAbsent(f, k -> dictionary.size()))
                .distinct()
                .toArray();
        if (ids.length > 0) {
          examples.add(ids);
          labels.add(c);
        }
      }
    }
    int classes = texts.size();
    int features = dictionary.size();
    // Which sections have each feature in their phrasings, and the features' IDF over sections.
    int[][] postings = postings(examples, labels, features);
    double[] idf = new double[features];
    for (int f = 0; f < features; f++) {
      idf[f] = Math.log(1 + (classes - postings[f].length + 0.5) / (postings[f].length + 0.5));
    }
    // Negatives are found through the rarer features only: a feature most sections have says
    // little about which sections a phrasing is confused with, and walking it costs the most.
    int common = Math.max(50, classes / 100);
    long work = 0;
    for (int[] x : examples) {
      work += x.length;
    }
    int negatives =
        (int) Math.max(1, Math.min(options.negatives(), options.budget() / Math.max(1, work) - 1));
    ClassifierWeights.Training weights =
        new ClassifierWeights.Training(
            (int) Math.min(options.budget(), work * (negatives + 1L)) / 4);
    int n = examples.size();
    int[][] contrast = new int[n][];
    int[][] slots = new int[n][];
    double[] overlap = new double[classes];
    int[] touched = new int[classes];
    for (int e = 0; e < n; e++) {
      int label = labels.get(e);
      int[] x = examples.get(e);
      int count = 0;
      for (int f : x) {
        if (postings[f].length > common) {
          continue;
        }
        for (int c : postings[f]) {
          if (overlap[c] == 0) {
            touched[count++] = c;
          }
          overlap[c] += idf[f];
        }
      }
      int[] nearest = top(touched, count, overlap, label, negatives);
      for (int i = 0; i < count; i++) {
        overlap[touched[i]] = 0;
      }
      int[] candidates = new int[nearest.length + 1];
      candidates[0] = label;
      System.arraycopy(nearest, 0, candidates, 1, nearest.length);
      contrast[e] = candidates;
      if (candidates.length < 2) {
        // Nothing to contrast with: the phrasing teaches nothing and needs no weights.
        continue;
      }
      int[] s = new int[candidates.length * x.length];
      for (int i = 0; i < candidates.length; i++) {
        for (int j = 0; j < x.length; j++) {
          s[i * x.length + j] = weights.slot(ClassifierWeights.key(x[j], candidates[i]));
        }
      }
      slots[e] = s;
    }
    float[] w = weights.values();
    float[] squares = new float[w.length];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(SEED);
    double[] z = new double[negatives + 1];
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      shuffle(order, random);
      for (int e : order) {
        int[] x = examples.get(e);
        int m = contrast[e].length;
        if (m < 2) {
          continue;
        }
        int[] s = slots[e];
        double value = 1 / Math.sqrt(x.length);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
          double sum = 0;
          for (int j = 0; j < x.length; j++) {
            sum += w[s[i * x.length + j]];
          }
          z[i] = sum * value;
          max = Math.max(max, z[i]);
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
          z[i] = Math.exp(z[i] - max);
          total += z[i];
        }
        for (int i = 0; i < m; i++) {
          double g = z[i] / total - (i == 0 ? 1 : 0);
          for (int j = 0; j < x.length; j++) {
            int slot = s[i * x.length + j];
            double gradient = g * value + options.l2() * w[slot];
            squares[slot] += (float) (gradient * gradient);
            w[slot] -=
                (float) (options.learningRate() * gradient / Math.sqrt(squares[slot] + 1e-8));
          }
        }
      }
    }
    return new SectionClassifier(dictionary, ClassifierWeights.of(weights, classes));
  }

  /**
   * The {@code k} classes sharing most with the text, most first (ties: the lower index), without
   * the label: a partial selection, as a class may share words with thousands of others.
   */
  static int[] top(int[] touched, int count, double[] overlap, int label, int k) {
    int[] best = new int[k];
    int size = 0;
    for (int i = 0; i < count; i++) {
      int c = touched[i];
      if (c == label) {
        continue;
      }
      int at = size;
      while (at > 0 && before(c, best[at - 1], overlap)) {
        at--;
      }
      if (at >= k) {
        continue;
      }
      int end = Math.min(size, k - 1);
      System.arraycopy(best, at, best, at + 1, end - at);
      best[at] = c;
      size = Math.min(size + 1, k);
    }
    return Arrays.copyOf(best, size);
  }

  private static boolean before(int a, int b, double[] overlap) {
    return overlap[a] > overlap[b] || (overlap[a] == overlap[b] && a < b);
  }

  /** Which classes have each feature, in class order (the examples come grouped by class). */
  private static int[][] postings(List<int[]> examples, List<Integer> labels, int features) {
    int[][] out = new int[features][];
    int[] sizes = new int[features];
    for (int f = 0; f < features; f++) {
      out[f] = new int[2];
      out[f][0] = -1;
    }
    for (int e = 0; e < examples.size(); e++) {
      int label = labels.get(e);
      for (int f : examples.get(e)) {
        if (sizes[f] > 0 && out[f][sizes[f] - 1] == label) {
          continue;
        }
        if (sizes[f] == out[f].length) {
          out[f] = Arrays.copyOf(out[f], sizes[f] * 2);
        }
        out[f][sizes[f]++] = label;
      }
    }
    for (int f = 0; f < features; f++) {
      out[f] = Arrays.copyOf(out[f], sizes[f]);
    }
    return out;
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** The features of a question this classifier knows (unknown ones weigh nothing anywhere). */
  int[] known(List<String> features) {
    int[] out = new int[features.size()];
    int n = 0;
    for (String feature : features) {
      Integer id = dictionary.get(feature);
      if (id != null) {
        out[n++] = id;
      }
    }
    // ascending and each once: a score walks a section's row (also ascending) from left to right
    Arrays.sort(out, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || out[distinct - 1] != out[i]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  /**
   * The linear score of each candidate section (by its index in the training list).
   *
   * @param features as {@link #known} gives them: ascending, each once
   */
  double[] scores(int[] features, int[] sections) {
    double[] out = new double[sections.length];
    if (features.length == 0) {
      return out;
    }
    double value = 1 / Math.sqrt(features.length);
    for (int i = 0; i < sections.length; i++) {
      out[i] = weights.sum(sections[i], features) * value;
    }
    return out;
  }

  /** The softmax of {@link #scores} over the candidates: each one's share (all equal when none). */
  double[] probabilities(int[] features, int[] sections) {
    double[] z = scores(features, sections);
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double total = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = Math.exp(z[i] - max);
      total += z[i];
    }
    for (int i = 0; i < z.length; i++) {
      z[i] /= total;
    }
    return z;
  }

  /** How many weights the model has (for the log and tests). */
  int size() {
    return weights.size();
  }
}
