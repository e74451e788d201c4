package fi.luotsi.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A loaded knowledge base: the valid sections, the problems found, and the synonym rules and
 * out-of-scope examples the directory adds to the built-in ones.
 *
 * @param sections the sections that loaded, in file and heading order; ids are unique
 * @param problems everything refused, with file and line
 * @param synonyms Solr-format synonym rules per language from the directory's {@code synonyms.txt}
 *     (Finnish), {@code synonyms-sv.txt} and {@code synonyms-en.txt}; added to the built-in rules
 * @param outOfScope example questions per language that the knowledge is not meant to answer, from
 *     the directory's {@code out-of-scope.txt} (Finnish), {@code out-of-scope-sv.txt} and {@code
 *     out-of-scope-en.txt}, one per line; added to the built-in examples
 */
public record KnowledgeBase(
    List<Section> sections,
    List<KnowledgeProblem> problems,
    Map<Language, List<String>> synonyms,
    Map<Language, List<String>> outOfScope) {

  public KnowledgeBase {
    sections = List.copyOf(sections);
    problems = List.copyOf(problems);
    synonyms = Map.copyOf(synonyms);
    outOfScope = Map.copyOf(outOfScope);
  }

  /** A knowledge base that adds no out-of-scope examples of its own. */
  public KnowledgeBase(
      List<Section> sections,
      List<KnowledgeProblem> problems,
      Map<Language, List<String>> synonyms) {
    this(sections, problems, synonyms, Map.of());
  }

  /** The file name of a language's synonym rules at the directory's root. */
  public static String synonymsFile(Language language) {
    return language == Language.FI ? "synonyms.txt" : "synonyms-" + language.code() + ".txt";
  }

  /** The file name of a language's out-of-scope examples at the directory's root. */
  public static String outOfScopeFile(Language language) {
    return language == Language.FI
        ? "out-of-scope.txt"
        : "out-of-scope-" + language.code() + ".txt";
  }

  /** The directory's own synonym rules for a language; empty when it adds none. */
  public List<String> synonyms(Language language) {
    return synonyms.getOrDefault(language, List.of());
  }

  /** The directory's own out-of-scope examples for a language; empty when it adds none. */
  public List<String> outOfScope(Language language) {
    return outOfScope.getOrDefault(language, List.of());
  }

  public Map<String, Section> byId() {
    return sections.stream().collect(Collectors.toMap(Section::id, Function.identity()));
  }

  public Optional<Section> section(String id) {
    return sections.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
