package fi.luotsi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeCheckTest {
  private static final String VALID =
      "\uFEFF---\ntitle: Talous\n---\n\n## Mikä on kassa?\n<!-- questions\nkassa\n-->\nRaha.\n";
  private final KnowledgeCheck check = new KnowledgeCheck();

  @ParameterizedTest
  @ValueSource(
      strings = {"a.md", "talous/kassa.md", "a/b/c/d/e.md", "kysytyt/asiantuntijat-2.md", "x_y.md"})
  void acceptsRelativeLowerCasePaths(String path) {
    assertThat(KnowledgeCheck.pathProblems(path, Language.EN)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/etc/kassa.md|must be relative to the knowledge folder, not absolute",
        "C:/kassa.md|not absolute",
        "~/kassa.md|not absolute",
        "../kassa.md|must not lead outside the knowledge folder",
        "a/../../kassa.md|must not lead outside the knowledge folder",
        "kassa.txt|Only Markdown files (.md) are accepted",
        "talous/|Only Markdown files (.md) are accepted",
        "talous/README.md|README.md is a folder's read-me",
        "Talous/kassa.md|may contain only lower-case letters",
        "talous/kässä.md|may contain only lower-case letters",
        "a//b.md|may contain only lower-case letters",
        "./b.md|may contain only lower-case letters",
        ".piilo/b.md|may contain only lower-case letters",
        "a/b/c/d/e/f.md|at most four folders",
        "a b.md|may contain only lower-case letters"
      })
  void refusesPathsThatAreUnsafeOrNotKnowledgeFiles(String path, String reason) {
    assertThat(KnowledgeCheck.pathProblems(path, Language.EN))
        .singleElement()
        .asString()
        .contains(reason)
        .endsWith(path);
  }

  @Test
  void acceptsAValidFileWithoutItsByteOrderMark() {
    KnowledgeCheck.Result result =
        check.check(
            "talous/kassa.md", VALID.getBytes(StandardCharsets.UTF_8), List.of(), Language.FI);

    assertThat(result).isInstanceOf(KnowledgeCheck.Valid.class);
    KnowledgeCheck.Valid valid = (KnowledgeCheck.Valid) result;
    assertThat(valid.text()).startsWith("---");
    assertThat(valid.sections())
        .extracting(Section::id)
        .containsExactly("talous/kassa.md#mikä-on-kassa");
    assertThat(valid.sections().get(0).questions()).containsExactly("kassa");
  }

  @Test
  void reportsEveryProblemTheLoaderFindsWithFileAndLine() {
    String text =
        "---\ntitle: Talous\n---\n\n## Mikä on kassa?\n\n## ???\nTeksti.\n\n## Ok?\n<!-- questions\na\n";

    KnowledgeCheck.Result result = check.check("talous/kassa.md", text, List.of(), Language.EN);

    assertThat(((KnowledgeCheck.Refused) result).reasons())
        .containsExactly(
            "talous/kassa.md:5: section 'Mikä on kassa?' has no text",
            "talous/kassa.md:7: heading has no letters or digits: ???",
            "talous/kassa.md:11: the <!-- questions block is not closed with -->");
  }

  @Test
  void refusesTheSameQuestionInAnotherFileOfTheSameLanguageOnly() {
    List<Section> others = new ArrayList<>();
    others.addAll(sections("muu.md", "---\ntitle: Muu\n---\n## Mikä on kassa\nToinen.\n"));
    others.addAll(sections("sv.md", "---\ntitle: Sv\nlang: sv\n---\n## Mikä on raha?\nX.\n"));
    others.addAll(sections("talous/kassa.md", VALID)); // the file's own earlier version

    KnowledgeCheck.Result same = check.check("talous/kassa.md", VALID, others, Language.EN);
    KnowledgeCheck.Result otherLanguage =
        check.check(
            "talous/raha.md", "---\ntitle: R\n---\n## Mikä on raha?\nY.\n", others, Language.EN);

    assertThat(((KnowledgeCheck.Refused) same).reasons())
        .containsExactly(
            "talous/kassa.md:5: the question \"Mikä on kassa?\" is already answered by section"
                + " muu.md#mikä-on-kassa");
    assertThat(otherLanguage).isInstanceOf(KnowledgeCheck.Valid.class);
  }

  @Test
  void refusesMoreThan256KiBAndTextThatIsNotUtf8() {
    byte[] big = (VALID + "x".repeat(KnowledgeCheck.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = VALID.replace("\uFEFF", "").getBytes(StandardCharsets.ISO_8859_1);

    assertThat(
            ((KnowledgeCheck.Refused) check.check("a.md", big, List.of(), Language.EN)).reasons())
        .containsExactly("The file is too large (257 KiB); at most 256 KiB.");
    assertThat(
            ((KnowledgeCheck.Refused) check.check("a.md", latin1, List.of(), Language.EN))
                .reasons())
        .containsExactly("The file is not UTF-8 text. Save it as UTF-8 and send it again.");
  }

  @ParameterizedTest
  @EnumSource(KnowledgeTexts.Key.class)
  void everyTextExistsInEveryLanguage(KnowledgeTexts.Key key) {
    for (Language language : Language.values()) {
      assertThat(KnowledgeTexts.get(key, language)).isNotBlank();
    }
  }

  private static List<Section> sections(String path, String text) {
    return new fi.luotsi.knowledge.KnowledgeLoader().loadFile(path, text, new ArrayList<>());
  }
}
