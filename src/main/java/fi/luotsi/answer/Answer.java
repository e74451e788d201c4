package fi.luotsi.answer;

import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.List;
import java.util.Objects;

/**
 * What the knowledge base has to say about a question: a {@link Found} section, or {@link NoMatch}
 * when the bot should say it does not know. Both carry the ranked candidates.
 */
public sealed interface Answer {

  /** The question as asked. */
  String question();

  /** The language of the question, which the reply should use. */
  Language language();

  /** The best candidates, best first (also when nothing was good enough). */
  List<Hit> candidates();

  /**
   * A confident answer.
   *
   * @param section the answering section
   * @param related up to two other sections worth following up
   * @param confidence the decline model's probability that the section answers the question (0 to
   *     1)
   */
  record Found(
      String question,
      Language language,
      Section section,
      List<Section> related,
      double confidence,
      List<Hit> candidates)
      implements Answer {
    public Found {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(section, "section");
      related = List.copyOf(related);
      candidates = List.copyOf(candidates);
    }

    /** Whether the section is in another language than the question (no translation exists). */
    public boolean otherLanguage() {
      return section.language() != language;
    }
  }

  /** Nothing answers the question well enough. */
  record NoMatch(String question, Language language, List<Hit> candidates) implements Answer {
    public NoMatch {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(language, "language");
      candidates = List.copyOf(candidates);
    }
  }
}
