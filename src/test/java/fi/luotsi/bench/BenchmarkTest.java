package fi.luotsi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.KnowledgeLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quality table of {@code bench} over the shipped knowledge and the dev split. */
class BenchmarkTest {
  @Test
  void printsAllThreeEnginesAndTheBaselinesAnswerWheneverASectionMatches() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Benchmark(new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .run(new KnowledgeLoader().load(Path.of("knowledge")), "dev", 0, false, false);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    double[] luotsi = figures(lines, "Luotsi");
    assertThat(luotsi[0]).as("Luotsi top-1").isGreaterThan(0.5);
    assertThat(luotsi[4]).as("Luotsi declines out-of-scope questions").isGreaterThan(0.5);
    for (String baseline : List.of("BM25 StandardAnalyzer", "BM25 FinnishAnalyzer")) {
      double[] row = figures(lines, baseline);
      assertThat(row[0]).as(baseline + " top-1").isGreaterThan(0.5);
      // A baseline has no decline model: it answers with whatever matches best.
      assertThat(row[3]).as(baseline + " answered correctly = top-1").isEqualTo(row[0]);
      assertThat(row[5]).as(baseline + " wrongly declined").isLessThan(0.05);
    }
  }

  @Test
  void aSingleSlowAnswerDoesNotMakeItsQuestionSlowButASlowQuestionIsSlowInEveryRound() {
    // 3 rounds of 2 questions: question 0 once slow (contention), question 1 slow every round
    List<Double> times = List.of(9.0, 2.0, 1.0, 2.1, 1.1, 1.9);

    assertThat(Benchmark.perQuestionMedians(times, 2)).containsExactly(1.1, 2.0);
  }

  /** top-1, MRR@5, R@3, correct, oos declined, wrongly declined of one engine's row. */
  private static double[] figures(List<String> lines, String engine) {
    String row =
        lines.stream()
            .filter(l -> l.startsWith(engine + " "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + engine + " in " + lines));
    String[] cells = row.substring(engine.length()).trim().split("\\s+");
    return Arrays.stream(cells).mapToDouble(Double::parseDouble).toArray();
  }
}
