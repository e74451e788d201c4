package fi.luotsi.bench;

import fi.luotsi.knowledge.Language;
import java.util.Objects;
import java.util.Set;

/**
 * One evaluation question.
 *
 * @param split {@code dev} (for tuning) or {@code test} (for reporting)
 * @param language the question's language
 * @param expected the section ids that answer it; empty for an out-of-scope question
 * @param text the question
 * @param origin file and line, for failure reports
 */
public record EvalQuestion(
    String split, Language language, Set<String> expected, String text, String origin) {
  public EvalQuestion {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(language, "language");
    expected = Set.copyOf(expected);
    Objects.requireNonNull(text, "text");
  }

  public boolean answerable() {
    return !expected.isEmpty();
  }
}
