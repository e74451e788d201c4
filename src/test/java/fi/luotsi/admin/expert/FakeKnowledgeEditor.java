package fi.luotsi.admin.expert;

import fi.luotsi.admin.KnowledgeEditor;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link KnowledgeEditor}: keeps the sections it was asked to add and the phrasings
 * added to known sections; refuses empty texts and unknown sections like the real one must.
 */
public final class FakeKnowledgeEditor implements KnowledgeEditor {
  /** One added section. */
  public record Added(
      String author, Language language, String question, String answer, Optional<String> source) {}

  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final List<Added> sections = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> phrasings = new ConcurrentHashMap<>();
  private volatile String refuseWith;

  public FakeKnowledgeEditor(String... knownSections) {
    known.addAll(List.of(knownSections));
  }

  /** The next edits are refused with this message (null: accept again). */
  public void refuse(String message) {
    this.refuseWith = message;
  }

  @Override
  public String addSection(
      String author, Language language, String question, String answer, Optional<String> source) {
    if (refuseWith != null) {
      throw new KnowledgeEditRefused(refuseWith);
    }
    if (question.isBlank() || answer.isBlank()) {
      throw new KnowledgeEditRefused("a section needs a question and an answer");
    }
    String id = "kysytyt/asiantuntijat.md#" + Section.slug(question);
    sections.add(new Added(author, language, question, answer, source));
    known.add(id);
    return id;
  }

  @Override
  public void addPhrasing(String author, String sectionId, String phrasing) {
    if (refuseWith != null) {
      throw new KnowledgeEditRefused(refuseWith);
    }
    if (!known.contains(sectionId)) {
      throw new KnowledgeEditRefused("no section " + sectionId);
    }
    phrasings.computeIfAbsent(sectionId, k -> new CopyOnWriteArrayList<>()).add(phrasing);
  }

  public List<Added> sections() {
    return List.copyOf(sections);
  }

  public List<String> phrasings(String sectionId) {
    return new ArrayList<>(phrasings.getOrDefault(sectionId, List.of()));
  }
}
