package fi.luotsi.admin.expert;

import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Objects;

/**
 * The sections the answer engine finds closest to a question, best first, for an administrator
 * choosing where a question fits as an alternate phrasing. Thread-safe.
 */
@FunctionalInterface
public interface SectionSuggestions {

  /** A suggested section. */
  record Suggestion(String sectionId, String heading) {
    public Suggestion {
      Objects.requireNonNull(sectionId, "sectionId");
      Objects.requireNonNull(heading, "heading");
    }
  }

  /** Up to a few of the closest sections; empty when none. */
  List<Suggestion> closest(String question, Language language);
}
