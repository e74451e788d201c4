package fi.luotsi.knowledge.lucene;

import java.util.Arrays;

/**
 * The section classifier's trained weights, read-only, by section (compressed sparse rows): each
 * section's features in ascending order beside their weights. A score searches a candidate's one
 * row (about 5 KB at 5,000 sections, 55–65 KB for the shipped knowledge's 137 sections), which
 * stays in the cache while all the question's features are looked up in it, instead of probing a
 * hash table of every weight (millions at 5,000 sections) once per feature and candidate; it also
 * takes a fraction of the table's memory. Training fills a {@link Training} map first.
 */
final class ClassifierWeights {
  private final int[] start;
  private final int[] features;
  private final float[] weights;

  private ClassifierWeights(int[] start, int[] features, float[] weights) {
    this.start = start;
    this.features = features;
    this.weights = weights;
  }

  /** The weights of {@code map} (keys from {@link #key}) for sections 0 to {@code sections - 1}. */
  static ClassifierWeights of(Training map, int sections) {
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
    return new ClassifierWeights(start, features, weights);
  }

  /**
   * The sum of a section's weights of {@code wanted} (ascending): each is searched for in the rest
   * of the row after the one before it, as the row is ascending too.
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

  /** The key of a feature's weight for a section in a {@link Training} map. */
  static long key(int feature, int section) {
    return ((long) feature << 32) | (section & 0xffffffffL);
  }

  /** An entry of a {@link Training} map. */
  @FunctionalInterface
  interface Entry {
    void accept(long key, float value);
  }

  /**
   * An open-addressing map from {@link #key}s to weights, for training: slots are stable once
   * assigned, so a training step keeps the slots of the weights it touches.
   */
  static final class Training {
    private long[] keys;
    private int[] slotOf;
    private float[] values;
    private int size;

    Training(int capacity) {
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
    void forEach(Entry action) {
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
