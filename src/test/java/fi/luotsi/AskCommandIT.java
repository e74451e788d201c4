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

  /** One run answers every question of the tests, as an evaluation would. */
  private static final List<String> QUESTIONS =
      List.of(
          "Mikä on talousarvio?",
          "Milloin luottamushenkilö on esteellinen?",
          "När är jag jävig?",
          "Mikä on kvanttikromodynamiikka?",
          "Miten? Milloin?",
          "",
          "Ei mitään");

  private static Run batch;
  private static List<JsonNode> answers;

  @BeforeAll
  static void askAll() throws Exception {
    knowledge = KnowledgeFixture.write(tmp.resolve("knowledge"));
    batch =
        run(
            String.join("\n", QUESTIONS) + "\n",
            "ask",
            "--knowledge",
            knowledge.toString(),
            "--json");
    answers = new ArrayList<>();
    for (String line : batch.lines()) {
      answers.add(JSON.readTree(line));
    }
  }

  private static JsonNode answer(String question) {
    return answers.get(QUESTIONS.indexOf(question));
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

  @Test
  void writesOneJsonObjectPerQuestionInOrder() {
    assertThat(batch.exitCode()).isZero();
    assertThat(answers)
        .extracting(a -> a.get("question").asText())
        .containsExactlyElementsOf(QUESTIONS);
    assertThat(answers).allSatisfy(a -> assertThat(a.get("answered").isBoolean()).isTrue());
    assertThat(answers.subList(0, 3))
        .extracting(a -> a.get("results").get(0).get("id").asText())
        .containsExactly(KnowledgeFixture.BUDGET, KnowledgeFixture.GROUNDS, KnowledgeFixture.JAV);
  }

  @Test
  void theResultsOfTheShippedKnowledgeAreBestFirstByTheirScore() throws Exception {
    // Luotsi re-ranks its candidates beyond their retrieval score; the score a result carries is
    // the one it was ordered by, so the list reads best first.
    List<String> questions =
        List.of(
            "en pääse huomenna kokoukseen, kenelle ilmoitan",
            "veljen firma on tarjouskilpailussa, saanko olla päättämässä",
            "milloin pöytäkirja pitää tarkastaa",
            "saako kokouksen asioista kertoa facebookissa",
            "kuka päättää veroprosentista");
    Run run = run(String.join("\n", questions) + "\n", "ask", "--knowledge", "knowledge", "--json");
    assertThat(run.lines()).hasSize(questions.size());
    for (String line : run.lines()) {
      List<Double> scores = new ArrayList<>();
      JSON.readTree(line).get("results").forEach(r -> scores.add(r.get("score").asDouble()));
      assertThat(scores)
          .as(line)
          .hasSizeGreaterThanOrEqualTo(5)
          .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
  }

  @Test
  void everyResultHasIdScoreTitleAndSnippet() throws Exception {
    JsonNode answer = answer("Mikä on talousarvio?");

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
  }

  @Test
  void anUnansweredQuestionStillListsAtLeastFiveCandidates() throws Exception {
    JsonNode answer = answer("Mikä on kvanttikromodynamiikka?");

    assertThat(answer.get("answered").asBoolean()).isFalse();
    assertThat(answer.get("results")).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void aQuestionOfOnlyQuestionWordsStillListsAtLeastFiveCandidates() throws Exception {
    JsonNode answer = answer("Miten? Milloin?");

    assertThat(answer.get("answered").asBoolean()).isFalse();
    assertThat(answer.get("results")).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void aSwedishQuestionListsAtLeastFiveCandidatesThoughFewSectionsAreSwedish() throws Exception {
    JsonNode answer = answer("När är jag jävig?");

    assertThat(answer.get("answered").asBoolean()).isTrue();
    assertThat(answer.get("results")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(answer.get("results").get(0).get("id").asText()).isEqualTo(KnowledgeFixture.JAV);
  }

  @Test
  void resultsAreDistinctSections() throws Exception {
    JsonNode answer = answer("När är jag jävig?");

    List<String> ids = new ArrayList<>();
    answer.get("results").forEach(r -> ids.add(r.get("id").asText()));
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void aBlankLineStillGetsItsLineSoThatAnswersStayAligned() throws Exception {
    JsonNode blank = answer("");

    assertThat(blank.get("question").asText()).isEmpty();
    assertThat(blank.get("answered").asBoolean()).isFalse();
    assertThat(answer("Ei mitään").get("question").asText()).isEqualTo("Ei mitään");
  }

  @Test
  void stdoutHoldsNothingButJsonLines() throws Exception {
    assertThat(batch.stdout()).endsWith("\n");
    assertThat(batch.lines()).hasSameSizeAs(QUESTIONS);
    for (String line : batch.lines()) {
      assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
    }
  }

  @Test
  void aKnowledgeDirectoryThatDoesNotExistStopsWithAClearError(@TempDir Path tmp) {
    Path missing = tmp.resolve("tietopankki");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Run run;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      run = run("Mikä on talousarvio?\n", "ask", "--knowledge", missing.toString(), "--json");
    } finally {
      System.setErr(err);
    }

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).as("no answers from an empty knowledge base").isEmpty();
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("Luotsi cannot start:", "knowledge directory", "tietopankki", "not found");
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
