package fi.luotsi.knowledge.lucene;

/** Bounded edit distance (insertions, deletions, substitutions, adjacent transpositions). */
final class Levenshtein {
  private Levenshtein() {}

  /** Whether {@code a} and {@code b} are at most {@code max} edits apart. */
  static boolean within(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return false;
    }
    // Each edit adds or removes at most two letters from the set of letters used: a cheap test
    // that rejects most candidates before the quadratic one.
    if (Long.bitCount(letters(a) ^ letters(b)) > 2 * max) {
      return false;
    }
    return editsWithin(a, b, max);
  }

  /**
   * The edit distance test alone, for callers that have already made the cheap length and letter
   * set tests of {@link #within} with precomputed letter sets.
   *
   * <p>Only the diagonal band of the distance table within {@code max} of the diagonal is computed:
   * a cell further away is more than {@code max} edits by its position alone, so it is taken as
   * {@code max + 1} (too far) without computing it. Per row that is at most {@code 2 * max + 1}
   * cells instead of the whole row.
   */
  static boolean editsWithin(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return false;
    }
    int far = max + 1;
    int[] prevPrev = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    // Row 0: the band is 0..max; the cell just past it reads as too far.
    for (int j = 0; j <= Math.min(m, max); j++) {
      prev[j] = j;
    }
    if (max + 1 <= m) {
      prev[max + 1] = far;
    }
    for (int i = 1; i <= n; i++) {
      int lo = Math.max(1, i - max);
      int hi = Math.min(m, i + max);
      // The cells bordering the band, read by this row and the next, as too far (column 0 is i).
      cur[lo - 1] = lo == 1 ? i : far;
      if (hi + 1 <= m) {
        cur[hi + 1] = far;
      }
      int rowMin = lo == 1 ? i : far;
      for (int j = lo; j <= hi; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, prevPrev[j - 2] + 1);
        }
        cur[j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > max) {
        return false;
      }
      int[] tmp = prevPrev;
      prevPrev = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[m] <= max;
  }

  /**
   * The set of letters of {@code s}, folded into 64 bits (for the cheap test in {@link #within}).
   */
  static long letters(String s) {
    long mask = 0;
    for (int i = 0; i < s.length(); i++) {
      mask |= 1L << (s.charAt(i) & 63);
    }
    return mask;
  }
}
