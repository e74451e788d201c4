package fi.luotsi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeTopicsTest {
  private static final List<Section> SECTIONS =
      List.of(
          section("esteellisyys/menettely.md", "Jääviys kokouksessa", Language.FI),
          Sections.inDocument(
              "esteellisyys/menettely.md", "Jääviys kokouksessa", "Toinen kohta", Language.FI),
          section("esteellisyys/perusteet.md", "Jääviyden perusteet", Language.FI),
          section("esteellisyys/tilanteet.md", "Jääviys käytännössä", Language.FI),
          section("julkisuus/asiakirjat.md", "Asiakirjat", Language.FI),
          section("julkisuus/salassapito.md", "Salassapito", Language.FI),
          section("talous/talousarvio.md", "Talousarvio", Language.FI),
          section("talous/tilinpaatos.md", "Tilinpäätös", Language.FI),
          section("yleista.md", "Yleistä", Language.FI),
          section("sv/jav.md", "Jäv", Language.SV));

  @Test
  void allTopicsAreTheDistinctTitlesInOrder() {
    assertThat(KnowledgeTopics.all(SECTIONS, Language.FI))
        .containsExactly(
            "Jääviys kokouksessa",
            "Jääviyden perusteet",
            "Jääviys käytännössä",
            "Asiakirjat",
            "Salassapito",
            "Talousarvio",
            "Tilinpäätös",
            "Yleistä");
    assertThat(KnowledgeTopics.all(SECTIONS, Language.SV)).containsExactly("Jäv");
    assertThat(KnowledgeTopics.all(SECTIONS, Language.EN))
        .as("a language without sections gets the Finnish topics")
        .startsWith("Jääviys kokouksessa");
  }

  @Test
  void suggestionsTakeOneTopicOfEachThemeInTurn() {
    assertThat(KnowledgeTopics.suggested(SECTIONS, Language.FI, List.of(), 5))
        .containsExactly(
            "Jääviys kokouksessa", "Asiakirjat", "Talousarvio", "Yleistä", "Jääviyden perusteet");
  }

  @Test
  void theNearestSectionsThemesAndTopicsComeFirst() {
    List<Section> nearest =
        List.of(SECTIONS.get(7), SECTIONS.get(5), SECTIONS.get(9) /* Swedish: not shown */);

    assertThat(KnowledgeTopics.suggested(SECTIONS, Language.FI, nearest, 4))
        .containsExactly("Tilinpäätös", "Salassapito", "Jääviys kokouksessa", "Yleistä");
  }

  @Test
  void suggestionsStopWhenEveryTopicIsNamed() {
    assertThat(KnowledgeTopics.suggested(SECTIONS, Language.FI, List.of(), 100))
        .hasSize(8)
        .doesNotHaveDuplicates();
    assertThat(KnowledgeTopics.suggested(List.of(), Language.FI, List.of(), 6)).isEmpty();
  }

  private static Section section(String path, String title, Language language) {
    return Sections.inDocument(path, title, "Kohta", language);
  }
}
