package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The section classifier's trained weights ({@link ClassifierWeights}). */
class ClassifierWeightsTest {
  @Test
  void sumsASectionsWeightsOfTheWantedFeaturesOnly() {
    ClassifierWeights.Training map = new ClassifierWeights.Training(4);
    // added out of order, and section 1 has no weights
    put(map, 7, 2, 0.5f);
    put(map, 3, 0, 1.0f);
    put(map, 9, 0, -0.25f);
    put(map, 1, 0, 2.0f);
    put(map, 3, 2, 4.0f);
    ClassifierWeights weights = ClassifierWeights.of(map, 3);

    assertThat(weights.size()).isEqualTo(5);
    assertThat(weights.sum(0, new int[] {1, 3, 9})).isEqualTo(2.75);
    assertThat(weights.sum(0, new int[] {2, 3, 8})).isEqualTo(1.0);
    assertThat(weights.sum(0, new int[] {10, 11})).isZero();
    assertThat(weights.sum(1, new int[] {1, 3, 7, 9})).isZero();
    assertThat(weights.sum(2, new int[] {3, 7})).isEqualTo(4.5);
    assertThat(weights.sum(2, new int[] {7})).isEqualTo(0.5);
  }

  private static void put(ClassifierWeights.Training map, int feature, int section, float w) {
    int slot = map.slot(ClassifierWeights.key(feature, section));
    map.values()[slot] = w;
  }
}
