package fi.luotsi.admin;

import fi.luotsi.knowledge.Language;
import java.util.Optional;

/**
 * Writes to the knowledge base on behalf of an administrator: every edit is validated, versioned
 * (who, when, what), audited, and answerable at once on every instance. Used by features that turn
 * what people wrote in chat into knowledge (an expert's reply, for example).
 *
 * <p>Implementations are thread-safe.
 */
public interface KnowledgeEditor {

  /**
   * Publishes a new section.
   *
   * @param author the administrator's role key, e.g. {@code slack:U0123ABCD}
   * @param language the section's language
   * @param question the section's heading: the question it answers
   * @param answer the section's text, plain sentences
   * @param source the legal source (the {@code Lähde:} line); empty when none
   * @return the new section's id
   * @throws KnowledgeEditRefused when the edit is not valid or cannot be stored (the message says
   *     why, in words an administrator understands)
   */
  String addSection(
      String author, Language language, String question, String answer, Optional<String> source);

  /**
   * Adds an alternate phrasing to an existing section.
   *
   * @param author the administrator's role key
   * @param sectionId the section's id
   * @param phrasing the new way to ask the section's question
   * @throws KnowledgeEditRefused when the section does not exist or the edit cannot be stored
   */
  void addPhrasing(String author, String sectionId, String phrasing);

  /** A knowledge edit that was refused; the message is meant for the administrator. */
  final class KnowledgeEditRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KnowledgeEditRefused(String message) {
      super(message);
    }

    public KnowledgeEditRefused(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
