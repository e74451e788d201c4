package fi.luotsi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ask --knowledge DIR --json} contract of ARCHITECTURE.md, run in-process. */
class AskCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static Path knowledge;

  @BeforeAll
  static void fixture() {
    knowledge = KnowledgeFixture.write(tmp.resolve("knowledge"));
  }

  private record Run(int exitCode, String stdout) {
    List<String> lines() {
      return stdout.isEmpty()
          ? List.of()
          : List.of(stdout.split("\n", -1)).subList(0, stdout.split("\n", -1).length - 1);
    }
  }

  /** Runs the command line with stdin and stdout swapped, and restores them. */
  private static synchronized Run run(String stdin, String... args) {
    InputStream in = System.in;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      System.out.flush();
      return new Run(code, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(in);
      System.setOut(out);
    }
  }

  private static List<JsonNode> ask(String... questions) throws Exception {
    Run run =
        run(
            String.join("\n", questions) + "\n",
            "ask",
            "--knowledge",
            knowledge.toString(),
            "--json");
    assertThat(run.exitCode()).isZero();
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.lines()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void writesOneJsonObjectPerQuestionInOrder() throws Exception {
    List<JsonNode> answers =
        ask(
            "Mikä on talousarvio?",
            "Milloin luottamushenkilö on esteellinen?",
            "När är jag jävig?");

    assertThat(answers)
        .extracting(a -> a.get("question").asText())
        .containsExactly(
            "Mikä on talousarvio?",
            "Milloin luottamushenkilö on esteellinen?",
            "När är jag jävig?");
    assertThat(answers).allSatisfy(a -> assertThat(a.get("answered").isBoolean()).isTrue());
    assertThat(answers)
        .extracting(a -> a.get("results").get(0).get("id").asText())
        .containsExactly(KnowledgeFixture.BUDGET, KnowledgeFixture.GROUNDS, KnowledgeFixture.JAV);
  }

  @Test
  void everyResultHasIdScoreTitleAndSnippetBestFirst() throws Exception {
    JsonNode answer = ask("Mikä on talousarvio?").get(0);

    assertThat(answer.get("answered").asBoolean()).isTrue();
    JsonNode results = answer.get("results");
    assertThat(results).hasSizeGreaterThanOrEqualTo(5);
    for (JsonNode result : results) {
      assertThat(result.get("id").isTextual()).isTrue();
      assertThat(result.get("score").isNumber()).isTrue();
      assertThat(result.get("title").isTextual()).isTrue();
      assertThat(result.get("snippet").asText()).isNotBlank();
    }
    JsonNode first = results.get(0);
    assertThat(first.get("title").asText()).isEqualTo("Mikä on talousarvio?");
    assertThat(first.get("snippet").asText()).startsWith("Valtuusto hyväksyy vuoden loppuun");
    List<Double> scores = new ArrayList<>();
    results.forEach(r -> scores.add(r.get("score").asDouble()));
    assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void anUnansweredQuestionStillListsAtLeastFiveCandidates() throws Exception {
    JsonNode answer = ask("Mikä on kvanttikromodynamiikka?").get(0);

    assertThat(answer.get("answered").asBoolean()).isFalse();
    assertThat(answer.get("results")).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void aQuestionOfOnlyQuestionWordsStillListsAtLeastFiveCandidates() throws Exception {
    JsonNode answer = ask("Miten? Milloin?").get(0);

    assertThat(answer.get("answered").asBoolean()).isFalse();
    assertThat(answer.get("results")).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void aSwedishQuestionListsAtLeastFiveCandidatesThoughFewSectionsAreSwedish() throws Exception {
    JsonNode answer = ask("När är jag jävig?").get(0);

    assertThat(answer.get("answered").asBoolean()).isTrue();
    assertThat(answer.get("results")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(answer.get("results").get(0).get("id").asText()).isEqualTo(KnowledgeFixture.JAV);
  }

  @Test
  void resultsAreDistinctSections() throws Exception {
    JsonNode answer = ask("När är jag jävig?").get(0);

    List<String> ids = new ArrayList<>();
    answer.get("results").forEach(r -> ids.add(r.get("id").asText()));
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void aBlankLineStillGetsItsLineSoThatAnswersStayAligned() throws Exception {
    List<JsonNode> answers = ask("Mikä on talousarvio?", "", "När är jag jävig?");

    assertThat(answers).hasSize(3);
    assertThat(answers.get(1).get("question").asText()).isEmpty();
    assertThat(answers.get(1).get("answered").asBoolean()).isFalse();
  }

  @Test
  void stdoutHoldsNothingButJsonLines() throws Exception {
    Run run =
        run(
            "Mikä on talousarvio?\nEi mitään\n",
            "ask",
            "--knowledge",
            knowledge.toString(),
            "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).endsWith("\n");
    assertThat(run.lines()).hasSize(2);
    for (String line : run.lines()) {
      assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
    }
  }

  @Test
  void withoutJsonTheAnswerIsPrintedForPeople() {
    Run run = run("", "ask", "--knowledge", knowledge.toString(), "Mikä", "on", "talousarvio?");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .startsWith("Mikä on talousarvio?")
        .contains("Valtuusto hyväksyy", "kuntalaki 410/2015 110 §");
  }
}
