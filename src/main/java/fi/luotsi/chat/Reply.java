package fi.luotsi.chat;

import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform-neutral reply. All text is plain text (no markup): adapters escape it for their
 * format, so knowledge text can never inject mentions or links.
 *
 * @param kind what sort of reply this is; adapters may style it, e.g. make an answer private
 * @param heading an optional bold first line, e.g. the answering section's title
 * @param paragraphs the body, one plain-text paragraph each
 * @param sources where the answer comes from (empty for replies that are not answers)
 * @param note small print such as the legal disclaimer; empty when none
 * @param buttons actions offered with the reply, in display order
 * @param language the language the reply is written in
 * @param answerRef an opaque reference to the logged question and answer, for feedback and sharing
 *     buttons; empty for replies that are not answers
 */
public record Reply(
    Kind kind,
    Optional<String> heading,
    List<String> paragraphs,
    List<Source> sources,
    Optional<String> note,
    List<Button> buttons,
    Language language,
    Optional<String> answerRef) {

  /** The kinds of reply. */
  public enum Kind {
    /** An answer from the knowledge base. */
    ANSWER,
    /** The bot does not know, with next steps. */
    NO_ANSWER,
    /** Help, lists, confirmations and other informational replies. */
    INFO,
    /** The request could not be carried out (bad command, not allowed, rate limited). */
    ERROR
  }

  /**
   * A source of an answer.
   *
   * @param id the section id, e.g. {@code talous/verotus.md#kiinteistöveron-perusteet}
   * @param title the section's title as shown to people
   * @param citation the legal source, e.g. "kuntalaki 410/2015 97 §"; empty when none
   * @param url a link to the official text; empty when none
   */
  public record Source(String id, String title, Optional<String> citation, Optional<String> url) {
    public Source {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(citation, "citation");
      Objects.requireNonNull(url, "url");
    }
  }

  public Reply {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(heading, "heading");
    paragraphs = List.copyOf(paragraphs);
    sources = List.copyOf(sources);
    Objects.requireNonNull(note, "note");
    buttons = List.copyOf(buttons);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(answerRef, "answerRef");
  }

  /** A plain informational reply of one or more paragraphs. */
  public static Reply info(Language language, String... paragraphs) {
    return new Reply(
        Kind.INFO,
        Optional.empty(),
        List.of(paragraphs),
        List.of(),
        Optional.empty(),
        List.of(),
        language,
        Optional.empty());
  }

  /** A polite error reply. */
  public static Reply error(Language language, String message) {
    return new Reply(
        Kind.ERROR,
        Optional.empty(),
        List.of(message),
        List.of(),
        Optional.empty(),
        List.of(),
        language,
        Optional.empty());
  }

  public boolean answered() {
    return kind == Kind.ANSWER;
  }

  public Reply withButtons(List<Button> newButtons) {
    return new Reply(kind, heading, paragraphs, sources, note, newButtons, language, answerRef);
  }

  /** The whole reply as plain text, for consoles, logs of tests and simple clients. */
  public String plainText() {
    StringBuilder out = new StringBuilder();
    heading.ifPresent(h -> out.append(h).append("\n\n"));
    out.append(String.join("\n\n", paragraphs));
    for (Source source : sources) {
      out.append("\n\n").append(source.title());
      source.citation().ifPresent(c -> out.append(" (").append(c).append(')'));
      source.url().ifPresent(u -> out.append(' ').append(u));
    }
    note.ifPresent(n -> out.append("\n\n").append(n));
    return out.toString().strip();
  }
}
