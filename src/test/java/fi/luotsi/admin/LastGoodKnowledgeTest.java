package fi.luotsi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LastGoodKnowledgeTest {
  private final LastGoodKnowledge lastGood = new LastGoodKnowledge();

  @Test
  void servesCleanFilesAsRead() {
    LastGoodKnowledge.Merged merged =
        lastGood.merge(base(List.of(section("a.md", "Yksi"), section("b.md", "Kaksi")), List.of()));

    assertThat(ids(merged)).containsExactly("a.md#yksi", "b.md#kaksi");
    assertThat(merged.keptFiles()).isEmpty();
  }

  @Test
  void keepsTheLastGoodVersionOfAFileThatNowFails() {
    lastGood.merge(base(List.of(section("a.md", "Yksi"), section("b.md", "Kaksi")), List.of()));

    LastGoodKnowledge.Merged merged =
        lastGood.merge(
            base(
                List.of(section("b.md", "Kolme")),
                List.of(new KnowledgeProblem("a.md", 3, "front matter needs a title"))));

    assertThat(ids(merged)).containsExactly("a.md#yksi", "b.md#kolme");
    assertThat(merged.keptFiles()).containsExactly("a.md");
    assertThat(merged.knowledge().problems()).hasSize(1);
  }

  @Test
  void keepsTheWholeEarlierFileWhenOnlyOneOfItsSectionsNowFails() {
    lastGood.merge(base(List.of(section("a.md", "Yksi"), section("a.md", "Kaksi")), List.of()));

    LastGoodKnowledge.Merged merged =
        lastGood.merge(
            base(
                List.of(section("a.md", "Yksi muutettu")),
                List.of(new KnowledgeProblem("a.md", 9, "section 'Kaksi' has no text"))));

    assertThat(ids(merged)).containsExactly("a.md#yksi", "a.md#kaksi");
  }

  @Test
  void servesTheValidPartOfAFileThatNeverLoadedCleanly() {
    LastGoodKnowledge.Merged merged =
        lastGood.merge(
            base(
                List.of(section("a.md", "Yksi")),
                List.of(new KnowledgeProblem("a.md", 9, "section 'Kaksi' has no text"))));

    assertThat(ids(merged)).containsExactly("a.md#yksi");
    assertThat(merged.keptFiles()).isEmpty();
  }

  @Test
  void forgetsADeletedFile() {
    lastGood.merge(base(List.of(section("a.md", "Yksi"), section("b.md", "Kaksi")), List.of()));
    lastGood.merge(base(List.of(section("b.md", "Kaksi")), List.of()));

    LastGoodKnowledge.Merged merged =
        lastGood.merge(
            base(
                List.of(section("b.md", "Kaksi")),
                List.of(new KnowledgeProblem("a.md", 1, "missing front matter"))));

    assertThat(ids(merged)).containsExactly("b.md#kaksi");
    assertThat(merged.keptFiles()).isEmpty();
  }

  @Test
  void keepsTheLastGoodSynonymsWhenTheirFileCannotBeRead() {
    lastGood.merge(
        new KnowledgeBase(
            List.of(section("a.md", "Yksi")), List.of(), Map.of(Language.FI, List.of("a, b"))));

    LastGoodKnowledge.Merged merged =
        lastGood.merge(
            base(
                List.of(section("a.md", "Yksi")),
                List.of(new KnowledgeProblem("synonyms.txt", 0, "the file is not valid UTF-8"))));

    assertThat(merged.knowledge().synonyms(Language.FI)).containsExactly("a, b");
  }

  @Test
  void dropsSynonymsWhoseFileWasDeleted() {
    lastGood.merge(
        new KnowledgeBase(
            List.of(section("a.md", "Yksi")), List.of(), Map.of(Language.FI, List.of("a, b"))));

    LastGoodKnowledge.Merged merged =
        lastGood.merge(base(List.of(section("a.md", "Yksi")), List.of()));

    assertThat(merged.knowledge().synonyms(Language.FI)).isEmpty();
  }

  @Test
  void keepsTheLastGoodOutOfScopeExamplesWhenTheirFileCannotBeReadAndDropsThemWhenItIsGone() {
    lastGood.merge(
        new KnowledgeBase(
            List.of(section("a.md", "Yksi")),
            List.of(),
            Map.of(),
            Map.of(Language.SV, List.of("när öppnar biblioteket"))));

    LastGoodKnowledge.Merged failing =
        lastGood.merge(
            base(
                List.of(section("a.md", "Yksi")),
                List.of(
                    new KnowledgeProblem(
                        "out-of-scope-sv.txt", 0, "the file is not valid UTF-8"))));
    LastGoodKnowledge.Merged gone =
        lastGood.merge(base(List.of(section("a.md", "Yksi")), List.of()));

    assertThat(failing.knowledge().outOfScope(Language.SV))
        .containsExactly("när öppnar biblioteket");
    assertThat(gone.knowledge().outOfScope(Language.SV)).isEmpty();
  }

  private static KnowledgeBase base(List<Section> sections, List<KnowledgeProblem> problems) {
    return new KnowledgeBase(sections, problems, Map.of());
  }

  private static List<String> ids(LastGoodKnowledge.Merged merged) {
    return merged.knowledge().sections().stream().map(Section::id).toList();
  }

  static Section section(String path, String heading) {
    return Sections.finnish(path + "#" + Section.slug(heading.split(" ")[0]), heading, "Teksti.");
  }
}
