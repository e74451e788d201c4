package fi.luotsi.admin;

import fi.luotsi.knowledge.KnowledgeProblem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the knowledge base serves now.
 *
 * @param revision how many times the served knowledge changed since start (1 after the first load;
 *     0 before it)
 * @param sections the number of sections served
 * @param files the number of knowledge files served
 * @param loadedAt when the directory was last read
 * @param problems what the last read refused, with file, line and reason
 * @param keptFiles files that now fail and whose earlier good version keeps answering
 */
public record KnowledgeStatus(
    long revision,
    int sections,
    int files,
    Instant loadedAt,
    List<KnowledgeProblem> problems,
    List<String> keptFiles) {

  public KnowledgeStatus {
    Objects.requireNonNull(loadedAt, "loadedAt");
    problems = List.copyOf(problems);
    keptFiles = List.copyOf(keptFiles);
  }

  /** The files the last read refused in whole or in part, each once, in order. */
  public List<String> refusedFiles() {
    return problems.stream().map(KnowledgeProblem::file).distinct().toList();
  }
}
