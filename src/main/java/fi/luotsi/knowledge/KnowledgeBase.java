package fi.luotsi.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A loaded knowledge base: the valid sections, the problems found, and the synonym rules the
 * directory adds to the built-in ones.
 *
 * @param sections the sections that loaded, in file and heading order; ids are unique
 * @param problems everything refused, with file and line
 * @param synonyms Solr-format synonym rules per language from the directory's {@code synonyms.txt}
 *     (Finnish), {@code synonyms-sv.txt} and {@code synonyms-en.txt}; added to the built-in rules
 */
public record KnowledgeBase(
    List<Section> sections, List<KnowledgeProblem> problems, Map<Language, List<String>> synonyms) {

  public KnowledgeBase {
    sections = List.copyOf(sections);
    problems = List.copyOf(problems);
    synonyms = Map.copyOf(synonyms);
  }

  /** The directory's own synonym rules for a language; empty when it adds none. */
  public List<String> synonyms(Language language) {
    return synonyms.getOrDefault(language, List.of());
  }

  public Map<String, Section> byId() {
    return sections.stream().collect(Collectors.toMap(Section::id, Function.identity()));
  }

  public Optional<Section> section(String id) {
    return sections.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
