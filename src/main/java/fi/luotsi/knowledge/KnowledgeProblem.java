package fi.luotsi.knowledge;

import java.util.Objects;

/**
 * Something wrong in a knowledge file. The file (or the section) it names is left out; the rest of
 * the knowledge base keeps serving.
 *
 * @param file the path relative to the knowledge directory
 * @param line the 1-based line, 0 when the problem concerns the whole file
 * @param reason what is wrong, in English, for administrators
 */
public record KnowledgeProblem(String file, int line, String reason) {
  public KnowledgeProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + reason;
  }
}
