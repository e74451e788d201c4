package fi.luotsi.admin;

import static fi.luotsi.admin.KnowledgeStoreFixture.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.answer.Answer;
import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.knowledge.Language;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeFileEditorTest {
  private static final String KOKOUS =
      """
      ---
      title: Kokous
      ---

      ## Mikä on pyöräkellari?
      <!-- questions
      missä pyörät ovat
      -->
      Pyöräkellari on kunnantalon alakerrassa.

      ## Missä on arkisto?
      <!-- questions: arkiston paikka -->
      Arkisto on toisessa kerroksessa.

      ## Kuka pitää avaimia?

      Avaimet ovat vahtimestarilla.
      """;

  @TempDir Path dir;
  private KnowledgeStoreFixture kb;
  private KnowledgeEditor editor;

  @BeforeEach
  void setUp() {
    KnowledgeFiles.write(dir, "tilat/kokous.md", KOKOUS);
    kb = new KnowledgeStoreFixture(dir);
    editor = kb.managed.editor();
  }

  @AfterEach
  void tearDown() {
    kb.close();
  }

  @Test
  void addsASectionToTheLanguagesFileAndAnswersFromItAtOnce() {
    String id =
        editor.addSection(
            ACTOR,
            Language.FI,
            "Saako valtuutettu kokouspalkkion etäkokouksesta?",
            "Kyllä. Kokouspalkkio maksetaan myös etäkokouksesta palkkiosäännön mukaan.",
            Optional.of("kuntalaki 410/2015 82 §"));

    assertThat(id)
        .isEqualTo("kysytyt/asiantuntijat.md#saako-valtuutettu-kokouspalkkion-etäkokouksesta");
    assertThat(kb.read("kysytyt/asiantuntijat.md"))
        .isEqualTo(
            """
            ---
            title: Asiantuntijoiden vastauksia
            lang: fi
            ---

            ## Saako valtuutettu kokouspalkkion etäkokouksesta?

            Kyllä. Kokouspalkkio maksetaan myös etäkokouksesta palkkiosäännön mukaan.

            Lähde: kuntalaki 410/2015 82 §
            """);
    Answer answer =
        new AnswerEngine(kb.index)
            .answer("Saako valtuutettu kokouspalkkion etäkokouksesta?", Optional.empty());
    assertThat(answer).isInstanceOf(Answer.Found.class);
    assertThat(((Answer.Found) answer).section().id()).isEqualTo(id);
    assertThat(((Answer.Found) answer).section().citation()).contains("kuntalaki 410/2015 82 §");
    assertThat(kb.managed.appliedChange()).isEqualTo(1);
    assertThat(kb.audit().get(0).action()).isEqualTo("knowledge.section.add");
    assertThat(kb.audit().get(0).actor()).isEqualTo(ACTOR);
  }

  @Test
  void appendsLaterSectionsAndWritesSwedishAndEnglishToTheirOwnFiles() {
    editor.addSection(ACTOR, Language.FI, "Mikä on ensimmäinen?", "Eka.", Optional.empty());
    editor.addSection(ACTOR, Language.FI, "Mikä on toinen?", "Toka.", Optional.empty());
    String sv =
        editor.addSection(
            ACTOR,
            Language.SV,
            "Vad är ett arvode?",
            "Ersättning.",
            Optional.of("kommunallagen 82 §"));
    String en = editor.addSection(ACTOR, Language.EN, "What is a fee?", "Money.", Optional.empty());

    assertThat(kb.index.section("kysytyt/asiantuntijat.md#mikä-on-ensimmäinen")).isPresent();
    assertThat(kb.index.section("kysytyt/asiantuntijat.md#mikä-on-toinen")).isPresent();
    assertThat(sv).isEqualTo("sv/experter.md#vad-är-ett-arvode");
    assertThat(kb.read("sv/experter.md"))
        .contains("lang: sv")
        .endsWith("Källa: kommunallagen 82 §\n");
    assertThat(kb.index.section(en).orElseThrow().language()).isEqualTo(Language.EN);
    assertThat(kb.versions()).isEqualTo(4);
  }

  @Test
  void refusesAQuestionThatIsAlreadyAnsweredOrAnAnswerWithAHeading() {
    assertThatThrownBy(
            () ->
                editor.addSection(
                    ACTOR, Language.FI, "Mikä on pyöräkellari?", "Toinen.", Optional.empty()))
        .isInstanceOf(KnowledgeEditor.KnowledgeEditRefused.class)
        .hasMessageContaining("vastaa jo osio tilat/kokous.md#mikä-on-pyöräkellari");
    assertThatThrownBy(
            () ->
                editor.addSection(
                    ACTOR,
                    Language.FI,
                    "Mikä on uusi?",
                    "Teksti.\n## Piilotettu",
                    Optional.empty()))
        .isInstanceOf(KnowledgeEditor.KnowledgeEditRefused.class)
        .hasMessageStartingWith("Vastaus ei kelpaa osion tekstiksi");
    assertThat(kb.versions()).isZero();
    assertThat(kb.audit()).extracting(AuditLog.Entry::action).containsOnly("knowledge.refused");
  }

  @Test
  void addsAPhrasingToTheSectionsQuestionsBlockAndAnswersItAtOnce() {
    editor.addPhrasing(ACTOR, "tilat/kokous.md#mikä-on-pyöräkellari", "fillarivarasto");

    assertThat(kb.read("tilat/kokous.md"))
        .contains("<!-- questions\nmissä pyörät ovat\nfillarivarasto\n-->\nPyöräkellari on");
    assertThat(kb.index.section("tilat/kokous.md#mikä-on-pyöräkellari").orElseThrow().questions())
        .containsExactly("missä pyörät ovat", "fillarivarasto");
    assertThat(kb.versions()).isEqualTo(2); // the shipped file first, then the new version
    assertThat(kb.audit().get(0).action()).isEqualTo("knowledge.phrasing.add");
  }

  @Test
  void addsAPhrasingToAOneLineBlockAndToASectionWithoutOne() {
    editor.addPhrasing(ACTOR, "tilat/kokous.md#missä-on-arkisto", "arkistohuone");
    editor.addPhrasing(ACTOR, "tilat/kokous.md#kuka-pitää-avaimia", "avaimet");

    assertThat(kb.index.section("tilat/kokous.md#missä-on-arkisto").orElseThrow().questions())
        .containsExactly("arkiston paikka", "arkistohuone");
    assertThat(kb.index.section("tilat/kokous.md#kuka-pitää-avaimia").orElseThrow().questions())
        .containsExactly("avaimet");
    assertThat(kb.index.sections()).hasSize(3);
  }

  @Test
  void aKnownPhrasingChangesNothingAndAnUnknownSectionIsRefused() {
    editor.addPhrasing(ACTOR, "tilat/kokous.md#mikä-on-pyöräkellari", "Missä pyörät ovat");

    assertThat(kb.versions()).isZero();
    assertThatThrownBy(() -> editor.addPhrasing(ACTOR, "tilat/kokous.md#ei-ole", "x"))
        .isInstanceOf(KnowledgeEditor.KnowledgeEditRefused.class)
        .hasMessage("Tietopankissa ei ole osiota tilat/kokous.md#ei-ole.");
    assertThatThrownBy(() -> editor.addPhrasing(ACTOR, "../etc.md#x", "x"))
        .isInstanceOf(KnowledgeEditor.KnowledgeEditRefused.class);
    assertThatThrownBy(
            () -> editor.addPhrasing(ACTOR, "tilat/kokous.md#mikä-on-pyöräkellari", "a --> b"))
        .isInstanceOf(KnowledgeEditor.KnowledgeEditRefused.class)
        .hasMessageStartingWith("Kysymysmuodon pitää olla yksi rivi");
  }
}
