package fi.luotsi.bench;

import fi.luotsi.answer.Answer;
import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import java.util.List;
import java.util.Optional;

/** Runs evaluation questions through an answer engine and computes the quality figures. */
public final class Evaluation {
  private Evaluation() {}

  /**
   * Quality figures over one set of questions.
   *
   * @param answerable questions with an expected section
   * @param outOfScope questions without
   * @param top1 share of answerable questions whose best candidate is expected
   * @param mrr5 mean reciprocal rank of the first expected section in the top 5
   * @param recall3 share of answerable questions with an expected section in the top 3
   * @param answeredCorrectly share of answerable questions answered (not declined) with an expected
   *     section: what a person actually gets
   * @param outOfScopeDeclined share of out-of-scope questions declined
   * @param wronglyDeclined share of answerable questions declined
   * @param failures one line per answerable question answered wrongly or declined, and per
   *     out-of-scope question answered
   */
  public record Metrics(
      int answerable,
      int outOfScope,
      double top1,
      double mrr5,
      double recall3,
      double answeredCorrectly,
      double outOfScopeDeclined,
      double wronglyDeclined,
      List<String> failures) {}

  public static Metrics run(AnswerEngine engine, List<EvalQuestion> questions) {
    int answerable = 0;
    int outOfScope = 0;
    int top1 = 0;
    double mrr = 0;
    int recall3 = 0;
    int answeredCorrectly = 0;
    int oosDeclined = 0;
    int wronglyDeclined = 0;
    List<String> failures = new java.util.ArrayList<>();
    for (EvalQuestion q : questions) {
      Answer answer = engine.answer(q.text(), Optional.empty());
      boolean answered = answer instanceof Answer.Found;
      List<Hit> hits = answer.candidates();
      if (!q.answerable()) {
        outOfScope++;
        if (!answered) {
          oosDeclined++;
        } else {
          failures.add(
              "answered out-of-scope: "
                  + q.text()
                  + " -> "
                  + ((Answer.Found) answer).section().id()
                  + String.format(" (%.2f)", ((Answer.Found) answer).confidence()));
        }
        continue;
      }
      answerable++;
      int rank = 0;
      for (int i = 0; i < Math.min(5, hits.size()); i++) {
        if (q.expected().contains(hits.get(i).section().id())) {
          rank = i + 1;
          break;
        }
      }
      if (rank == 1) {
        top1++;
      }
      if (rank > 0) {
        mrr += 1.0 / rank;
      }
      if (rank > 0 && rank <= 3) {
        recall3++;
      }
      if (!answered) {
        wronglyDeclined++;
      }
      if (answered && q.expected().contains(((Answer.Found) answer).section().id())) {
        answeredCorrectly++;
      } else {
        String got =
            hits.isEmpty()
                ? "nothing"
                : hits.get(0).section().id() + String.format(" (%.2f)", hits.get(0).coverage());
        failures.add(
            (answered ? "wrong: " : "declined: ")
                + q.text()
                + " -> "
                + got
                + " expected "
                + String.join("|", q.expected())
                + " rank "
                + rank);
      }
    }
    return new Metrics(
        answerable,
        outOfScope,
        ratio(top1, answerable),
        answerable == 0 ? 0 : mrr / answerable,
        ratio(recall3, answerable),
        ratio(answeredCorrectly, answerable),
        ratio(oosDeclined, outOfScope),
        ratio(wronglyDeclined, answerable),
        failures);
  }

  private static double ratio(int count, int total) {
    return total == 0 ? 0 : (double) count / total;
  }
}
