package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's plain BM25 baseline, in memory and on disk. */
class BaselineKnowledgeIndexTest {
  private static final List<Section> SECTIONS =
      List.of(
          Sections.finnish(
              "esteellisyys#jaavi",
              "Milloin olen esteellinen?",
              "Esteellinen jäsen ei osallistu asian käsittelyyn."),
          Sections.finnish(
              "talous#arvio", "Talousarvio", "Valtuusto hyväksyy talousarvion vuosittain."));

  @Test
  void onDiskItAnswersAsInMemoryAndRemovesItsFilesWhenReplacedOrClosed(@TempDir Path dir)
      throws IOException {
    KnowledgeBase knowledge = new KnowledgeBase(SECTIONS, List.of(), Map.of());
    try (KnowledgeIndex memory = new BaselineKnowledgeIndex(BaselineKnowledgeIndex.Kind.FINNISH);
        KnowledgeIndex disk =
            new BaselineKnowledgeIndex(BaselineKnowledgeIndex.Kind.FINNISH, dir.resolve("b"))) {
      memory.rebuild(knowledge);
      disk.rebuild(knowledge);
      assertThat(files(dir)).isNotEmpty();
      for (String question : List.of("olenko esteellinen", "talousarvio", "kvanttifysiikka")) {
        assertThat(hits(disk, question)).isEqualTo(hits(memory, question));
      }
      assertThat(hits(disk, "talousarvio")).first().isEqualTo("talous#arvio");
      List<Path> first = files(dir);
      disk.rebuild(knowledge);
      assertThat(files(dir)).doesNotContainAnyElementsOf(first).isNotEmpty();
    }
    assertThat(files(dir)).isEmpty();
  }

  private static List<String> hits(KnowledgeIndex index, String question) {
    return index.search(question, Language.FI, 5).hits().stream()
        .map(h -> h.section().id())
        .toList();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }
}
