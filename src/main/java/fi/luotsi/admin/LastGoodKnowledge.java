package fi.luotsi.admin;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Remembers the last version of each knowledge file that loaded without a problem, and serves it in
 * place of a newer version that fails. A file that has never loaded cleanly serves whatever of it
 * is valid (as the loader left it); a file that is gone from the directory is forgotten.
 *
 * <p>Not thread-safe: {@link LiveKnowledge} calls it from one reload at a time.
 */
final class LastGoodKnowledge {
  private final Map<String, List<Section>> lastGood = new TreeMap<>();
  private final Map<Language, List<String>> lastGoodSynonyms = new EnumMap<>(Language.class);
  private final Map<Language, List<String>> lastGoodOutOfScope = new EnumMap<>(Language.class);

  /**
   * The merged result of one read of the directory.
   *
   * @param knowledge what to serve: clean files as read, failing files as last good
   * @param keptFiles failing files served in their earlier version
   */
  record Merged(KnowledgeBase knowledge, List<String> keptFiles) {}

  Merged merge(KnowledgeBase loaded) {
    Map<String, List<KnowledgeProblem>> problemsByFile = new LinkedHashMap<>();
    for (KnowledgeProblem problem : loaded.problems()) {
      problemsByFile.computeIfAbsent(problem.file(), f -> new ArrayList<>()).add(problem);
    }
    Map<String, List<Section>> read = new LinkedHashMap<>();
    for (Section section : loaded.sections()) {
      read.computeIfAbsent(section.path(), p -> new ArrayList<>()).add(section);
    }
    Set<String> present = new LinkedHashSet<>(read.keySet());
    present.addAll(problemsByFile.keySet());
    lastGood.keySet().retainAll(present);

    Map<String, List<Section>> served = new TreeMap<>();
    List<String> kept = new ArrayList<>();
    for (String file : present) {
      List<Section> sections = read.getOrDefault(file, List.of());
      if (!problemsByFile.containsKey(file)) {
        lastGood.put(file, List.copyOf(sections));
        served.put(file, sections);
      } else if (lastGood.containsKey(file)) {
        served.put(file, lastGood.get(file));
        kept.add(file);
      } else if (!sections.isEmpty()) {
        served.put(file, sections);
      }
    }
    List<Section> sections = new ArrayList<>();
    served.values().forEach(sections::addAll);
    return new Merged(
        new KnowledgeBase(
            sections,
            loaded.problems(),
            lastGood(
                loaded.synonyms(),
                KnowledgeBase::synonymsFile,
                lastGoodSynonyms,
                problemsByFile.keySet()),
            lastGood(
                loaded.outOfScope(),
                KnowledgeBase::outOfScopeFile,
                lastGoodOutOfScope,
                problemsByFile.keySet())),
        kept);
  }

  /**
   * A root list file per language (synonyms, out-of-scope examples) as read, or its last good
   * version when it could not be read; forgotten when it is gone.
   */
  private static Map<Language, List<String>> lastGood(
      Map<Language, List<String>> loaded,
      Function<Language, String> fileName,
      Map<Language, List<String>> remembered,
      Set<String> failingFiles) {
    Map<Language, List<String>> out = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String file = fileName.apply(language);
      List<String> lines = loaded.get(language);
      if (lines != null) {
        remembered.put(language, lines);
        out.put(language, lines);
      } else if (failingFiles.contains(file) && remembered.containsKey(language)) {
        out.put(language, remembered.get(language));
      } else {
        remembered.remove(language);
      }
    }
    return out;
  }
}
