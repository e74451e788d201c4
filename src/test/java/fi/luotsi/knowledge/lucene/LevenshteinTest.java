package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded edit distance behind typo matching ({@link Levenshtein}). */
class LevenshteinTest {

  @Test
  void oneSubstitutionInsertionDeletionOrSwapIsOneEdit() {
    assertThat(Levenshtein.within("valtuusto", "valtuysto", 1)).isTrue();
    assertThat(Levenshtein.within("valtuusto", "valtuussto", 1)).isTrue();
    assertThat(Levenshtein.within("valtuusto", "valtusto", 1)).isTrue();
    assertThat(Levenshtein.within("valtuusto", "valtuutso", 1)).isTrue();
  }

  @Test
  void twoEditsAreNotWithinOne() {
    assertThat(Levenshtein.within("valtuusto", "valtyysto", 1)).isFalse();
    assertThat(Levenshtein.within("valtuusto", "valtyysto", 2)).isTrue();
    assertThat(Levenshtein.within("jäävi", "esteellinen", 2)).isFalse();
  }

  /** The cheap length and letter-set tests never reject a pair the full test accepts. */
  @Test
  void theCheapTestsAgreeWithTheEditDistance() {
    Random random = new Random(7);
    String letters = "aeiklnorstuyäö";
    int pairs = 0;
    for (int i = 0; i < 20_000; i++) {
      String a = word(random, letters);
      String b = mutate(random, a, letters);
      for (int max = 1; max <= 2; max++) {
        boolean full = Levenshtein.editsWithin(a, b, max);
        assertThat(Levenshtein.within(a, b, max))
            .as("%s / %s within %d", a, b, max)
            .isEqualTo(full);
        pairs += full ? 1 : 0;
      }
    }
    assertThat(pairs).as("pairs within the distance").isGreaterThan(5_000);
  }

  /** Computing only the band around the diagonal gives the same answer as the whole table. */
  @Test
  void theBandAgreesWithTheWholeTable() {
    Random random = new Random(11);
    String letters = "aeiklnorstuyäö";
    int within = 0;
    int outside = 0;
    for (int i = 0; i < 20_000; i++) {
      String a = random.nextInt(50) == 0 ? "" : word(random, letters);
      String b = mutate(random, a, letters);
      int distance = wholeTable(a, b);
      for (int max = 0; max <= 3; max++) {
        assertThat(Levenshtein.editsWithin(a, b, max))
            .as("%s / %s (distance %d) within %d", a, b, distance, max)
            .isEqualTo(distance <= max);
        if (max == 2) {
          within += distance <= max ? 1 : 0;
          outside += distance > max ? 1 : 0;
        }
      }
    }
    assertThat(within).as("pairs within two edits").isGreaterThan(5_000);
    assertThat(outside).as("pairs beyond two edits").isGreaterThan(1_000);
  }

  /** The textbook distance (adjacent swaps count one edit) over the whole table, as reference. */
  private static int wholeTable(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String word(Random random, String letters) {
    StringBuilder word = new StringBuilder();
    int length = 3 + random.nextInt(10);
    for (int i = 0; i < length; i++) {
      word.append(letters.charAt(random.nextInt(letters.length())));
    }
    return word.toString();
  }

  private static String mutate(Random random, String word, String letters) {
    StringBuilder out = new StringBuilder(word);
    int edits = random.nextInt(5);
    for (int e = 0; e < edits && out.length() > 1; e++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(4)) {
        case 0 -> out.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
        case 1 -> out.insert(at, letters.charAt(random.nextInt(letters.length())));
        case 2 -> out.deleteCharAt(at);
        default -> {
          if (at + 1 < out.length()) {
            char c = out.charAt(at);
            out.setCharAt(at, out.charAt(at + 1));
            out.setCharAt(at + 1, c);
          }
        }
      }
    }
    return out.toString();
  }
}
