package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.bench.EvalQuestion;
import fi.luotsi.bench.EvaluationSet;
import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.KnowledgeIndex.SearchResult;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Over the shipped knowledge and every evaluation question: the evidence a search reports is the
 * candidate first by retrieval score and coverage alone, wherever the classifier put it.
 */
class EvidenceTest {
  @Test
  void theEvidenceIsTheCandidateFirstByScoreAndCoverage() {
    KnowledgeBase knowledge = new KnowledgeLoader().load(Path.of("knowledge"));
    List<EvalQuestion> questions = EvaluationSet.load();
    int moved = 0;
    int searched = 0;
    try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null)) {
      index.rebuild(knowledge);
      AnswerEngine engine = new AnswerEngine(index);
      for (EvalQuestion question : questions) {
        SearchResult result =
            index.search(
                question.text(),
                engine.languageOf(question.text(), Optional.empty()),
                AnswerEngine.CANDIDATES);
        if (result.hits().isEmpty()) {
          assertThat(result.evidenceHit()).isEmpty();
          continue;
        }
        searched++;
        double top = result.hits().stream().mapToDouble(Hit::score).max().orElseThrow();
        Hit evidence = result.evidenceHit().orElseThrow();
        for (Hit hit : result.hits()) {
          assertThat(lexical(hit, top))
              .as("%s: %s over the evidence %s", question.text(), hit, evidence)
              .isLessThanOrEqualTo(lexical(evidence, top));
        }
        if (result.evidence() != 0) {
          moved++;
        }
      }
    }
    assertThat(searched).isGreaterThan(questions.size() / 2);
    // The classifier does move candidates ahead of the lexical best, so the above was tested.
    assertThat(moved).isGreaterThan(5);
  }

  @Test
  void theClosestPhrasingAndTheClassifierEachLiftACandidate() {
    Section section = Sections.finnish("a.md#a", "A", "Teksti.");
    Hit plain = new Hit(section, 2.0, 0.5, 0.2, 0.1);
    double top = 2.0;
    double base = LuceneKnowledgeIndex.rank(plain, top);

    assertThat(LuceneKnowledgeIndex.rank(new Hit(section, 2.0, 0.5, 0.6, 0.1), top))
        .isGreaterThan(base);
    assertThat(LuceneKnowledgeIndex.rank(new Hit(section, 2.0, 0.5, 0.2, 0.5), top))
        .isGreaterThan(base);
    assertThat(LuceneKnowledgeIndex.rank(new Hit(section, 1.0, 0.5, 0.2, 0.1), top))
        .isLessThan(base);
  }

  @Test
  void theEvidenceMustBeAPositionAmongTheHits() {
    assertThat(new SearchResult(Language.FI, List.of(), 0, 0, 0).evidenceHit()).isEmpty();
    assertThatThrownBy(() -> new SearchResult(Language.FI, List.of(), 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evidence");
    assertThatThrownBy(() -> new SearchResult(Language.FI, List.of(), 1, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double lexical(Hit hit, double top) {
    return LuceneKnowledgeIndex.lexical(hit, top);
  }
}
