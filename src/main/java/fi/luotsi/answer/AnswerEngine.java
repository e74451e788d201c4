package fi.luotsi.answer;

import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.KnowledgeIndex.SearchResult;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a question from the knowledge index: the best section when the question is well covered
 * by it, otherwise {@link Answer.NoMatch}. The decision ({@link DeclineModel}) uses signals that
 * are comparable across questions, never a raw BM25 score; it is fitted on the evaluation's dev
 * split.
 *
 * <p>A Swedish or English question is searched among sections of its language first; when none
 * answers it, among the Finnish ones (the reply then says the text exists only in Finnish).
 */
public final class AnswerEngine {
  /** How many candidates a search returns (the {@code ask} contract asks for at least 5). */
  public static final int CANDIDATES = 10;

  private final KnowledgeIndex index;
  private final LanguageDetector detector = new LanguageDetector();
  private final Policy policy;

  /**
   * When to answer.
   *
   * @param decline whether the best section answers the question
   * @param relatedCoverage the least coverage for a section to be offered as related
   */
  public record Policy(DeclineModel decline, double relatedCoverage) {
    public Policy {
      Objects.requireNonNull(decline, "decline");
    }

    /** The least coverage of a related section, chosen on the dev split. */
    public static final double RELATED_COVERAGE = 0.45;

    /** The shipped decline model; related sections as chosen on the dev split. */
    public static Policy standard() {
      return new Policy(DeclineModel.shipped(), RELATED_COVERAGE);
    }

    /** Answers when the best section's coverage reaches {@code minCoverage}. */
    public static Policy coverageAtLeast(double minCoverage, double relatedCoverage) {
      return new Policy(DeclineModel.coverageAtLeast(minCoverage), relatedCoverage);
    }
  }

  public AnswerEngine(KnowledgeIndex index) {
    this(index, Policy.standard());
  }

  public AnswerEngine(KnowledgeIndex index, Policy policy) {
    this.index = Objects.requireNonNull(index, "index");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * The language of a question: detected from its function words and word forms; else Swedish or
   * English when that language's sections have more of its words than the others' (a keyword
   * question such as {@code tystnadsplikt}); else the hint; else Finnish. Finnish words do not
   * override the hint: a Swedish user typing {@code talousarvio} gets the Finnish section through
   * the fallback, with Swedish buttons and a note that the text is only in Finnish.
   */
  public Language languageOf(String question, Optional<Language> hint) {
    return detector
        .detect(question)
        .or(() -> index.languageOfWords(question).filter(language -> language != Language.FI))
        .orElse(hint.orElse(Language.FI));
  }

  /**
   * Answers a question.
   *
   * @param question the question as typed
   * @param hint the user's language as the platform reports it; empty when unknown
   */
  public Answer answer(String question, Optional<Language> hint) {
    return answer(question, languageOf(question, hint));
  }

  /**
   * Answers a question whose language the caller already knows (from {@link #languageOf}).
   *
   * @param question the question as typed
   * @param language the question's language
   */
  public Answer answer(String question, Language language) {
    SearchResult result = index.search(question, language, CANDIDATES);
    Optional<Answer.Found> found = decide(question, language, result);
    if (found.isEmpty() && language != Language.FI) {
      SearchResult finnish = index.search(question, Language.FI, CANDIDATES).asFallbackOf(result);
      found = decide(question, language, finnish);
      if (found.isEmpty() && result.hits().isEmpty()) {
        result = finnish;
      }
    }
    if (found.isPresent()) {
      return found.get();
    }
    return new Answer.NoMatch(question, language, result.hits());
  }

  private Optional<Answer.Found> decide(String question, Language language, SearchResult result) {
    if (result.hits().isEmpty() || result.contentWords() == 0) {
      return Optional.empty();
    }
    Hit best = result.hits().get(0);
    // Whether to answer is decided on the strongest lexical evidence (see SearchResult#evidence).
    Hit evidence = result.evidenceHit().orElseThrow();
    double confidence = policy.decline().probability(evidence, result);
    if (!policy.decline().answers(evidence, confidence)) {
      return Optional.empty();
    }
    List<Section> related = new ArrayList<>();
    for (Hit hit : result.hits().subList(1, result.hits().size())) {
      if (related.size() == 2) {
        break;
      }
      if (hit.coverage() >= policy.relatedCoverage()
          && !hit.section().heading().equals(best.section().heading())) {
        related.add(hit.section());
      }
    }
    return Optional.of(
        new Answer.Found(question, language, best.section(), related, confidence, result.hits()));
  }
}
