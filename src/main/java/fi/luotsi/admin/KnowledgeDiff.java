package fi.luotsi.admin;

import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a file's sections change between two versions, by section id: headings of sections added,
 * removed, and changed (text, alternate questions or source), and how many stay as they are.
 */
record KnowledgeDiff(
    List<String> added, List<String> removed, List<String> changed, int unchanged) {

  KnowledgeDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  static KnowledgeDiff between(List<Section> before, List<Section> after) {
    Map<String, Section> old = new LinkedHashMap<>();
    before.forEach(s -> old.put(s.id(), s));
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    int unchanged = 0;
    for (Section section : after) {
      Section earlier = old.remove(section.id());
      if (earlier == null) {
        added.add(section.heading());
      } else if (same(earlier, section)) {
        unchanged++;
      } else {
        changed.add(section.heading());
      }
    }
    List<String> removed = old.values().stream().map(Section::heading).toList();
    return new KnowledgeDiff(added, removed, changed, unchanged);
  }

  private static boolean same(Section a, Section b) {
    return a.text().equals(b.text())
        && a.questions().equals(b.questions())
        && a.citation().equals(b.citation())
        && a.heading().equals(b.heading())
        && a.documentTitle().equals(b.documentTitle())
        && a.language() == b.language()
        && a.tags().equals(b.tags())
        && Objects.equals(a.url(), b.url());
  }

  boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }
}
