package fi.luotsi.chat;

import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge base's topics as the chat names them: the document titles of a language's sections
 * (the Finnish ones when the language has none).
 */
final class KnowledgeTopics {
  private KnowledgeTopics() {}

  /** Every topic of the language, in the knowledge base's order. */
  static List<String> all(List<Section> sections, Language language) {
    Set<String> names = new LinkedHashSet<>();
    for (Section section : of(sections, language)) {
      names.add(section.documentTitle());
    }
    return List.copyOf(names);
  }

  /**
   * At most {@code limit} topics to suggest after a question went unanswered, spread over the
   * knowledge base's themes (its top-level folders) rather than its first few files: one topic of
   * each theme in turn, then a second of each, and so on. The themes and topics of {@code nearest}
   * (the search's closest sections, however weak) come first, as the likeliest to be of use.
   */
  static List<String> suggested(
      List<Section> sections, Language language, List<Section> nearest, int limit) {
    List<Section> own = of(sections, language);
    if (own.isEmpty()) {
      return List.of();
    }
    Language shown = own.get(0).language();
    Map<String, Set<String>> byTheme = new LinkedHashMap<>();
    for (Section section : nearest) {
      if (section.language() == shown) {
        byTheme
            .computeIfAbsent(theme(section), t -> new LinkedHashSet<>())
            .add(section.documentTitle());
      }
    }
    for (Section section : own) {
      byTheme
          .computeIfAbsent(theme(section), t -> new LinkedHashSet<>())
          .add(section.documentTitle());
    }
    List<List<String>> themes = byTheme.values().stream().map(List::copyOf).toList();
    List<String> out = new ArrayList<>();
    for (int round = 0; out.size() < limit; round++) {
      boolean any = false;
      for (List<String> titles : themes) {
        if (round < titles.size() && out.size() < limit) {
          out.add(titles.get(round));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return out;
  }

  /** The sections of the language, or the Finnish ones when it has none. */
  private static List<Section> of(List<Section> sections, Language language) {
    for (Language l : List.of(language, Language.FI)) {
      List<Section> own = sections.stream().filter(s -> s.language() == l).toList();
      if (!own.isEmpty()) {
        return own;
      }
    }
    return List.of();
  }

  /** A section's theme: the top-level folder of its file ("" for a file at the top level). */
  private static String theme(Section section) {
    int slash = section.path().indexOf('/');
    return slash < 0 ? "" : section.path().substring(0, slash);
  }
}
