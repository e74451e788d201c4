package fi.luotsi.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answerable unit of the knowledge base: a {@code ## Heading} of a knowledge file and the text
 * under it.
 *
 * @param id {@code path/relative/to/knowledge.md#slug-of-heading}
 * @param path the file's path relative to the knowledge directory, with forward slashes
 * @param documentTitle the file's {@code title}
 * @param heading the section heading, as written
 * @param text the section text as plain paragraphs (Markdown removed), without the alternate
 *     questions and the source line
 * @param language the file's language
 * @param tags the file's tags
 * @param questions alternate phrasings of the section's question
 * @param citation the section's legal source ({@code Lähde:} line), else the file's {@code source}
 *     when it is not a URL; empty when none
 * @param url the file's {@code source} when it is a URL; empty when none
 * @param line the 1-based line of the heading in the file
 */
public record Section(
    String id,
    String path,
    String documentTitle,
    String heading,
    List<String> text,
    Language language,
    List<String> tags,
    List<String> questions,
    Optional<String> citation,
    Optional<String> url,
    int line) {

  public Section {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(documentTitle, "documentTitle");
    Objects.requireNonNull(heading, "heading");
    text = List.copyOf(text);
    Objects.requireNonNull(language, "language");
    tags = List.copyOf(tags);
    questions = List.copyOf(questions);
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(url, "url");
  }

  /** The body as one string, paragraphs separated by blank lines. */
  public String body() {
    return String.join("\n\n", text);
  }

  /**
   * The slug of a heading: lower case; every character that is not a Unicode letter, digit, space,
   * hyphen or underscore removed; each space a hyphen.
   */
  public static String slug(String heading) {
    String lower = heading.strip().toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    lower
        .codePoints()
        .forEach(
            cp -> {
              if (cp == ' ') {
                out.append('-');
              } else if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
