package fi.luotsi.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A short run of {@code bench-load} (10 users, 5 s), so the benchmark cannot rot: every call
 * succeeds and every Slack question gets its answer delivered. Timings are printed, not asserted.
 */
class LoadBenchmarkIT {

  @Test
  void tenUsersForFiveSecondsGetEveryAnswerWithoutErrors() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    LoadBenchmark.Result result =
        LoadBenchmark.run(
            new LoadBenchmark.Settings(
                10, Duration.ofSeconds(5), Duration.ofSeconds(1), 0.5, Path.of("knowledge")),
            new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.out.print(printed.toString(StandardCharsets.UTF_8));

    assertThat(result.errors()).isEmpty();
    assertThat(result.figures(LoadBenchmark.CHAT).count()).isPositive();
    assertThat(result.figures(LoadBenchmark.EVENT).count()).isPositive();
    assertThat(result.figures(LoadBenchmark.COMMAND).count()).isPositive();
    assertThat(result.slackAsked()).isPositive();
    assertThat(result.slackAnswered()).isEqualTo(result.slackAsked());
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("p99 ms")
        .contains("Slack answers delivered to the Slack API")
        .contains("Errors: none")
        .containsPattern(
            "JVM while measuring .*: \\d+ GC pauses, \\d+ ms in all, longest \\d+ ms;"
                + " CPU [0-9.]+ s of [0-9]+ s available, [0-9.]+ ms per request")
        // 5 s in windows of 1 s: five throughputs and five CPU costs
        .containsPattern(
            "Every 1 s while measuring: requests per s( [0-9]+){5}; CPU ms per request"
                + "( [0-9.]+){5}\\n");
  }
}
