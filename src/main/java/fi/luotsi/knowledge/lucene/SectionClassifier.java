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
  private final Rows weights;

  private SectionClassifier(Map<String, Integer> dictionary, Rows weights) {
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
    LongFloatMap weights =
        new LongFloatMap((int) Math.min(options.budget(), work * (negatives + 1L)) / 4);
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
          s[i * x.length + j] = weights.slot(key(x[j], candidates[i]));
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
    return new SectionClassifier(dictionary, Rows.of(weights, classes));
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

  private static long key(int feature, int section) {
    return ((long) feature << 32) | (section & 0xffffffffL);
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

  /**
   * The trained weights, read-only, by section (compressed sparse rows): each section's features in
   * ascending order beside their weights. A score searches a candidate's one row (about 5 KB at
   * 5,000 sections, 55–65 KB for the shipped knowledge's 137 sections), which stays in the cache
   * while all the question's features are looked up in it, instead of probing a hash table of every
   * weight (millions at 5,000 sections) once per feature and candidate; it also takes a fraction of
   * the table's memory.
   */
  static final class Rows {
    private final int[] start;
    private final int[] features;
    private final float[] weights;

    private Rows(int[] start, int[] features, float[] weights) {
      this.start = start;
      this.features = features;
      this.weights = weights;
    }

    /**
     * The weights of {@code map} (keys from {@link #key}) for sections 0 to {@code sections - 1}.
     */
    static Rows of(LongFloatMap map, int sections) {
      int[] start = new int[sections + 1];
      map.forEach((key, value) -> start[(int) key + 1]++);
      for (int c = 0; c < sections; c++) {
        start[c + 1] += start[c];
      }
      int[] next = Arrays.copyOf(start, sections);
      long[] packed = new long[map.size()];
      map.forEach(
          (key, value) ->
              packed[next[(int) key]++] =
                  (key & 0xffffffff00000000L) | (Float.floatToRawIntBits(value) & 0xffffffffL));
      for (int c = 0; c < sections; c++) {
        // within a row, the feature (the high half) orders the packed entries
        Arrays.sort(packed, start[c], start[c + 1]);
      }
      int[] features = new int[packed.length];
      float[] weights = new float[packed.length];
      for (int i = 0; i < packed.length; i++) {
        features[i] = (int) (packed[i] >>> 32);
        weights[i] = Float.intBitsToFloat((int) packed[i]);
      }
      return new Rows(start, features, weights);
    }

    /**
     * The sum of a section's weights of {@code wanted} (ascending): each is searched for in the
     * rest of the row after the one before it, as the row is ascending too.
     */
    double sum(int section, int[] wanted) {
      int low = start[section];
      int end = start[section + 1];
      double sum = 0;
      for (int feature : wanted) {
        int high = end - 1;
        while (low <= high) {
          int middle = (low + high) >>> 1;
          int found = features[middle];
          if (found < feature) {
            low = middle + 1;
          } else if (found > feature) {
            high = middle - 1;
          } else {
            sum += weights[middle];
            low = middle + 1;
            break;
          }
        }
        if (low >= end) {
          break;
        }
      }
      return sum;
    }

    int size() {
      return features.length;
    }
  }

  /** An entry of a {@link LongFloatMap}. */
  @FunctionalInterface
  interface LongFloatConsumer {
    void accept(long key, float value);
  }

  /**
   * An open-addressing map from long keys to float values, for training: slots are stable once
   * assigned. The trained weights are then kept as {@link Rows}.
   */
  static final class LongFloatMap {
    private long[] keys;
    private int[] slotOf;
    private float[] values;
    private int size;

    LongFloatMap(int capacity) {
      int n = Integer.highestOneBit(Math.max(16, capacity) * 2);
      keys = new long[n];
      slotOf = new int[n];
      Arrays.fill(slotOf, -1);
      values = new float[capacity];
    }

    /** The slot of the key's value, assigning a new one (0) when absent. */
    int slot(long key) {
      int mask = keys.length - 1;
      int i = mix(key) & mask;
      while (slotOf[i] >= 0) {
        if (keys[i] == key) {
          return slotOf[i];
        }
        i = (i + 1) & mask;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      keys[i] = key;
      slotOf[i] = size;
      int slot = size++;
      if (size * 2 > keys.length) {
        grow();
      }
      return slot;
    }

    /** The values array, indexed by slot; valid until the next new slot. */
    float[] values() {
      if (values.length != size) {
        values = Arrays.copyOf(values, size);
      }
      return values;
    }

    int size() {
      return size;
    }

    /** Every key with its value, in no particular order. */
    void forEach(LongFloatConsumer action) {
      for (int i = 0; i < keys.length; i++) {
        if (slotOf[i] >= 0) {
          action.accept(keys[i], values[slotOf[i]]);
        }
      }
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldSlots = slotOf;
      keys = new long[oldKeys.length * 2];
      slotOf = new int[oldKeys.length * 2];
      Arrays.fill(slotOf, -1);
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldSlots[j] >= 0) {
          int i = mix(oldKeys[j]) & mask;
          while (slotOf[i] >= 0) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          slotOf[i] = oldSlots[j];
        }
      }
    }

    private static int mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
