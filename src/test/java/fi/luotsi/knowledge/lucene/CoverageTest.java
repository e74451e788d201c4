package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How much of a question a section covers, word by word ({@link Coverage}). */
class CoverageTest {
  private static final Section DISQUALIFICATION =
      Sections.finnish(
          "esteellisyys#jaavi",
          "Esteellisyys lautakunnassa",
          "Valtuutettu on esteellinen, jos hänen läheisensä etu on kyseessä. Valtuuston"
              + " hallintosääntö kertoo menettelystä.");
  private static final Section BUDGET =
      Sections.finnish("talous#arvio", "Talousarvio", "Valtuusto hyväksyy talousarvion.");
  private final Coverage coverage =
      new Coverage(
          LuceneKnowledgeIndex.indexAnalyzer(new LanguageResources()),
          List.of(DISQUALIFICATION, BUDGET));

  /** One word the section has as it is stemmed: fully covered. */
  @Test
  void aStemTheSectionHasCountsFully() {
    assertThat(single(word("esteellinen", stemOf("esteellinen")), DISQUALIFICATION)).isEqualTo(1);
    assertThat(single(word("esteellinen", stemOf("esteellinen")), BUDGET)).isZero();
  }

  @Test
  void aWordTypedWithoutDotsOrWithATypoCountsFourFifths() {
    assertThat(single(word("hallintosaanto", "hallintosaanto"), DISQUALIFICATION)).isEqualTo(0.8);
    QueryPlan.TermGroup typo =
        new QueryPlan.TermGroup(Set.of("esteelinen"), "esteelinen", List.of("esteellinen"), false);
    assertThat(single(typo, DISQUALIFICATION)).isEqualTo(0.8);
  }

  /** Compounds: the question's word contains a long section word, or is contained in one. */
  @Test
  void aCompoundOfALongSectionWordCountsHalf() {
    assertThat(single(word("talousarvionlaadinta", "x1"), BUDGET)).isEqualTo(0.5);
    assertThat(single(word("läheise", "x2"), DISQUALIFICATION)).isEqualTo(0.5);
    // short words are not compounds: "etu" (3 letters) is in "etuoikeus" but does not count
    assertThat(single(word("etuoikeus", "x3"), DISQUALIFICATION)).isZero();
    assertThat(single(word("kvanttifysiikka", "x4"), DISQUALIFICATION)).isZero();
  }

  /** Words weigh by how rare they are; a word no section has weighs as a rare one. */
  @Test
  void theShareIsWeighedByRarityAndUnknownWordsAreCounted() {
    Coverage.Question question =
        coverage.question(
            List.of(
                word("valtuusto", stemOf("valtuusto")), // both sections have it
                word("esteellinen", stemOf("esteellinen")), // one has it
                word("kvanttifysiikka", "kvanttifysiikka"))); // none has it
    double both = question.of(DISQUALIFICATION);
    assertThat(both).isStrictlyBetween(0.0, 1.0);
    assertThat(question.of(BUDGET)).isStrictlyBetween(0.0, both);
    assertThat(question.unknownShare()).isStrictlyBetween(0.0, 1.0);
    assertThat(coverage.question(List.of()).of(BUDGET)).isZero();
    assertThat(
            coverage.question(List.of(word("kvanttifysiikka", "kvanttifysiikka"))).unknownShare())
        .isCloseTo(1.0, within(1e-9));
  }

  private double single(QueryPlan.TermGroup word, Section section) {
    return coverage.question(List.of(word)).of(section);
  }

  private static QueryPlan.TermGroup word(String surface, String stem) {
    return new QueryPlan.TermGroup(Set.of(stem), surface);
  }

  private static String stemOf(String word) {
    return QueryPlan.tokens(
            LuceneKnowledgeIndex.indexAnalyzer(new LanguageResources()),
            LuceneKnowledgeIndex.field(fi.luotsi.knowledge.Language.FI, "body"),
            word)
        .values()
        .iterator()
        .next()
        .get(0);
  }
}
