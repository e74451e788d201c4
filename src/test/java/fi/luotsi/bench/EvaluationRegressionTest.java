package fi.luotsi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when answer quality on the test split falls more than two points below the
 * figures recorded in {@code recorded-figures.properties}.
 */
class EvaluationRegressionTest {
  private static final double MARGIN = 0.02;

  @Test
  void testSplitQualityStaysWithinTwoPointsOfTheRecordedFigures() throws Exception {
    Properties recorded = new Properties();
    try (InputStream in = getClass().getResourceAsStream("recorded-figures.properties")) {
      recorded.load(in);
    }
    KnowledgeBase knowledge = new KnowledgeLoader().load(Path.of("knowledge"));
    List<EvalQuestion> test =
        EvaluationSet.load().stream().filter(q -> q.split().equals("test")).toList();

    Evaluation.Metrics metrics;
    try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null)) {
      index.rebuild(knowledge);
      metrics = Evaluation.run(new AnswerEngine(index), test);
    }
    System.out.printf(
        "Test split: top-1 %.3f, MRR@5 %.3f, recall@3 %.3f, out-of-scope declined %.3f,"
            + " answerable wrongly declined %.3f%n",
        metrics.top1(),
        metrics.mrr5(),
        metrics.recall3(),
        metrics.outOfScopeDeclined(),
        metrics.wronglyDeclined());

    assertThat(metrics.top1())
        .as("top-1 accuracy on the test split")
        .isGreaterThanOrEqualTo(figure(recorded, "test.top1") - MARGIN);
    assertThat(metrics.outOfScopeDeclined())
        .as("out-of-scope questions declined")
        .isGreaterThanOrEqualTo(figure(recorded, "test.outOfScopeDeclined") - MARGIN);
    assertThat(metrics.wronglyDeclined())
        .as("answerable questions wrongly declined")
        .isLessThanOrEqualTo(figure(recorded, "test.wronglyDeclined") + MARGIN);
  }

  private static double figure(Properties recorded, String key) {
    return Double.parseDouble(recorded.getProperty(key));
  }
}
