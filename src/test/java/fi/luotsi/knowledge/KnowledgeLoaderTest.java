package fi.luotsi.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {
  @TempDir Path dir;

  private final KnowledgeLoader loader = new KnowledgeLoader();

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static final String GOOD =
      """
      ---
      title: Hyvä tiedosto
      ---
      ## Otsikko
      Tekstiä.
      """;

  @Test
  void readsTheFrontMatterIntoEverySectionOfTheFile() throws IOException {
    write(
        "esteellisyys/perusteet.md",
        """
        ---
        title: Esteellisyyden perusteet
        lang: fi
        tags: [esteellisyys, jääviys]
        source: hallintolaki 434/2003 28 §
        updated: 2026-11-28
        audience: [valtuutetut]
        ---
        ## Milloin olen esteellinen?
        Kun asia koskee sinua.

        ## Keitä ovat läheiset?
        Puoliso ja lapset.
        """);

    KnowledgeBase base = loader.load(dir);

    assertThat(base.problems()).isEmpty();
    assertThat(base.sections())
        .extracting(
            Section::id,
            Section::path,
            Section::documentTitle,
            Section::heading,
            Section::language,
            Section::tags,
            Section::line)
        .containsExactly(
            tuple(
                "esteellisyys/perusteet.md#milloin-olen-esteellinen",
                "esteellisyys/perusteet.md",
                "Esteellisyyden perusteet",
                "Milloin olen esteellinen?",
                Language.FI,
                List.of("esteellisyys", "jääviys"),
                9),
            tuple(
                "esteellisyys/perusteet.md#keitä-ovat-läheiset",
                "esteellisyys/perusteet.md",
                "Esteellisyyden perusteet",
                "Keitä ovat läheiset?",
                Language.FI,
                List.of("esteellisyys", "jääviys"),
                12));
    assertThat(base.sections().get(0).text()).containsExactly("Kun asia koskee sinua.");
    assertThat(base.sections().get(0).citation()).contains("hallintolaki 434/2003 28 §");
    assertThat(base.sections().get(0).url()).isEmpty();
  }

  @Test
  void readsSwedishAndEnglishFilesAndAUrlSource() throws IOException {
    write(
        "sv/jav.md",
        """
        ---
        title: Jäv
        lang: sv
        source: https://finlex.fi/sv/laki/ajantasa/2003/20030434
        ---
        ## När är jag jävig?
        Om ärendet gäller dig.
        """);
    write(
        "en/disqualification.md",
        """
        ---
        title: Disqualification
        lang: en
        ---
        ## When am I disqualified?
        When the matter concerns you.
        """);

    KnowledgeBase base = loader.load(dir);

    assertThat(base.problems()).isEmpty();
    assertThat(base.sections())
        .extracting(Section::id, Section::language, Section::url, Section::citation)
        .containsExactly(
            tuple(
                "en/disqualification.md#when-am-i-disqualified",
                Language.EN,
                Optional.empty(),
                Optional.empty()),
            tuple(
                "sv/jav.md#när-är-jag-jävig",
                Language.SV,
                Optional.of("https://finlex.fi/sv/laki/ajantasa/2003/20030434"),
                Optional.empty()));
  }

  @Test
  void questionsBlockBecomesAlternatePhrasingsAndStaysOutOfTheText() throws IOException {
    write(
        "a.md",
        """
        ---
        title: A
        ---
        ## Milloin olen jäävi?
        <!-- questions
        olenko jäävi
        - kuka on esteellinen
        -->
        Kun asia koskee sinua henkilökohtaisesti.
        """);

    Section section = loader.load(dir).sections().get(0);

    assertThat(section.questions()).containsExactly("olenko jäävi", "kuka on esteellinen");
    assertThat(section.text()).containsExactly("Kun asia koskee sinua henkilökohtaisesti.");
    assertThat(section.body()).doesNotContain("questions", "olenko", "-->");
  }

  @Test
  void oneLineQuestionsCommentIsReadToo() throws IOException {
    write(
        "a.md",
        """
        ---
        title: A
        ---
        ## Otsikko
        <!-- questions: mikä on talousarvio -->
        Talousarvio on valtuuston päätös.
        """);

    Section section = loader.load(dir).sections().get(0);

    assertThat(section.questions()).containsExactly("mikä on talousarvio");
    assertThat(section.text()).containsExactly("Talousarvio on valtuuston päätös.");
  }

  @Test
  void lastSourceLineBecomesTheCitationAndLeavesTheText() throws IOException {
    write(
        "a.md",
        """
        ---
        title: A
        source: kuntalaki 410/2015
        ---
        ## Valtuutetun esteellisyys
        Valtuutettu on esteellinen vain henkilökohtaisissa asioissa.

        Lähde: kuntalaki 410/2015 97 §

        ## Ilman lähderiviä
        Tässä ei ole omaa lähdettä.
        """);

    List<Section> sections = loader.load(dir).sections();

    assertThat(sections.get(0).citation()).contains("kuntalaki 410/2015 97 §");
    assertThat(sections.get(0).text())
        .containsExactly("Valtuutettu on esteellinen vain henkilökohtaisissa asioissa.");
    assertThat(sections.get(1).citation())
        .as("falls back on the file's source")
        .contains("kuntalaki 410/2015");
  }

  @Test
  void sourceLineWithSwedishOrEnglishLabelIsACitation() throws IOException {
    write(
        "sv.md",
        """
        ---
        title: Sv
        lang: sv
        ---
        ## Jäv
        Text om jäv.
        Källa: förvaltningslagen 434/2003 28 §
        """);

    assertThat(loader.load(dir).sections().get(0).citation())
        .contains("förvaltningslagen 434/2003 28 §");
  }

  @Test
  void introductionBeforeTheFirstSectionIsNotASection() throws IOException {
    write(
        "a.md",
        """
        ---
        title: Otsikko
        ---
        # Otsikko

        Johdanto, joka ei ole vastaus mihinkään.

        ## Ainoa osio
        Vastaus.
        """);

    KnowledgeBase base = loader.load(dir);

    assertThat(base.sections()).extracting(Section::heading).containsExactly("Ainoa osio");
    assertThat(base.sections().get(0).body()).doesNotContain("Johdanto");
  }

  @Test
  void fileWithoutSecondLevelHeadingsIsOneSectionTitledByTheFile() throws IOException {
    write(
        "kokous/yleista.md",
        """
        ---
        title: Kokouksen kulku
        ---
        # Kokouksen kulku

        Puheenjohtaja avaa kokouksen ja toteaa sen lailliseksi ja päätösvaltaiseksi.

        ### Alaotsikko ei aloita osiota
        Pöytäkirja tarkastetaan.
        """);

    KnowledgeBase base = loader.load(dir);

    assertThat(base.problems()).isEmpty();
    assertThat(base.sections()).hasSize(1);
    Section section = base.sections().get(0);
    assertThat(section.id()).isEqualTo("kokous/yleista.md#kokouksen-kulku");
    assertThat(section.heading()).isEqualTo("Kokouksen kulku");
    assertThat(section.text())
        .containsExactly(
            "Puheenjohtaja avaa kokouksen ja toteaa sen lailliseksi ja päätösvaltaiseksi.",
            "Alaotsikko ei aloita osiota",
            "Pöytäkirja tarkastetaan.");
  }

  @Test
  void headingsInsideCodeFencesDoNotStartSections() throws IOException {
    write(
        "a.md",
        """
        ---
        title: A
        ---
        ## Esimerkki
        Näin kirjoitetaan otsikko:
        ```
        ## Tämä ei ole osio
        ```
        """);

    assertThat(loader.load(dir).sections())
        .extracting(Section::heading)
        .containsExactly("Esimerkki");
  }

  @Test
  void reportsAMissingFrontMatterAtLineOne() throws IOException {
    write("a.md", "## Otsikko\nTekstiä.\n");

    assertThat(loader.load(dir).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("a.md");
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.reason()).contains("missing front matter");
            });
  }

  @Test
  void reportsAnUnclosedFrontMatter() throws IOException {
    write("a.md", "---\ntitle: A\n## Otsikko\nTekstiä.\n");

    assertThat(loader.load(dir).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("a.md");
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.reason()).contains("not closed");
            });
  }

  @Test
  void reportsInvalidYamlWithTheLineInTheFile() throws IOException {
    write("a.md", "---\ntitle: A\ntags: [a, b\nlang: fi\n---\n## Otsikko\nTekstiä.\n");

    KnowledgeProblem problem = loader.load(dir).problems().get(0);

    assertThat(problem.file()).isEqualTo("a.md");
    assertThat(problem.reason()).startsWith("front matter is not valid YAML");
    assertThat(problem.line())
        .as("the line of lang:, where the list turns out unclosed")
        .isEqualTo(4);
    assertThat(problem.toString()).startsWith("a.md:" + problem.line() + ": ");
  }

  @Test
  void reportsADuplicatedFrontMatterKeyInsteadOfSilentlyTakingTheLast() throws IOException {
    write("a.md", "---\ntitle: A\nlang: fi\ntitle: B\n---\n## Otsikko\nTekstiä.\n");

    KnowledgeBase base = loader.load(dir);

    assertThat(base.sections()).isEmpty();
    assertThat(base.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(4);
              assertThat(p.reason()).contains("Duplicate field 'title'");
            });
  }

  @Test
  void reportsYamlThatIsNotAMapping() throws IOException {
    write("a.md", "---\n- just\n- a list\n---\n## Otsikko\nTekstiä.\n");

    assertThat(loader.load(dir).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("must be a YAML mapping"));
  }

  @Test
  void reportsAMissingTitle() throws IOException {
    write("a.md", "---\nlang: fi\n---\n## Otsikko\nTekstiä.\n");

    assertThat(loader.load(dir).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.reason()).contains("needs a title");
            });
  }

  @Test
  void reportsABadLanguageOnItsLine() throws IOException {
    write("a.md", "---\ntitle: A\nlang: de\n---\n## Otsikko\nTekstiä.\n");
    write("b.md", "---\ntitle: B\nlang: fi-FI\n---\n## Otsikko\nTekstiä.\n");

    assertThat(loader.load(dir).problems())
        .extracting(KnowledgeProblem::file, KnowledgeProblem::line)
        .containsExactly(tuple("a.md", 3), tuple("b.md", 3));
    assertThat(loader.load(dir).problems().get(0).reason())
        .isEqualTo("lang must be fi, sv or en, was 'de'");
  }

  @Test
  void reportsAnUnknownFrontMatterKeyOnItsLineAndNamesTheAllowedOnes() throws IOException {
    write("a.md", "---\ntitle: A\nauthor: Joku\n---\n## Otsikko\nTekstiä.\n");

    KnowledgeBase base = loader.load(dir);

    assertThat(base.sections()).isEmpty();
    assertThat(base.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.reason())
                  .isEqualTo(
                      "unknown front matter key 'author' (allowed: audience, lang, source, tags,"
                          + " title, updated)");
            });
  }

  @Test
  void reportsAnUpdatedThatIsNotADate() throws IOException {
    write("a.md", "---\ntitle: A\nupdated: eilen\n---\n## Otsikko\nTekstiä.\n");

    assertThat(loader.load(dir).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(3));
  }

  @Test
  void reportsAnUnclosedQuestionsBlockAtItsOpeningLineAndKeepsTheOtherSections()
      throws IOException {
    write(
        "a.md",
        """
        ---
        title: A
        ---
        ## Rikkinäinen
        <!-- questions
        olenko jäävi
        Tekstiä, jonka kommentti nielaisi.

        ## Ehjä
        Tekstiä.
        """);

    KnowledgeBase base = loader.load(dir);

    assertThat(base.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("a.md");
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.reason()).contains("questions block is not closed");
            });
    assertThat(base.sections()).extracting(Section::heading).containsExactly("Ehjä");
  }

  @Test
  void reportsASectionWithoutTextAtItsHeading() throws IOException {
    write(
        "a.md",
        """
        ---
        title: A
        ---
        ## Tyhjä
        <!-- questions
        pelkkä kysymys
        -->
        Lähde: kuntalaki

        ## Täysi
        Tekstiä.
        """);

    KnowledgeBase base = loader.load(dir);

    assertThat(base.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(4);
              assertThat(p.reason()).isEqualTo("section 'Tyhjä' has no text");
            });
    assertThat(base.sections()).extracting(Section::heading).containsExactly("Täysi");
  }

  @Test
  void reportsAFileWithNoTextAtAll() throws IOException {
    write("a.md", "---\ntitle: A\n---\n\n");

    assertThat(loader.load(dir).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("no sections with text"));
  }

  @Test
  void reportsADuplicateSectionIdAtTheSecondHeadingAndKeepsTheFirst() throws IOException {
    write(
        "a.md",
        """
        ---
        title: A
        ---
        ## Äänestys
        Ensimmäinen.

        ## Äänestys?
        Toinen.
        """);

    KnowledgeBase base = loader.load(dir);

    assertThat(base.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(7);
              assertThat(p.reason()).isEqualTo("duplicate section id a.md#äänestys");
            });
    assertThat(base.sections())
        .singleElement()
        .satisfies(s -> assertThat(s.body()).isEqualTo("Ensimmäinen."));
  }

  @Test
  void reportsAHeadingWithoutLettersOrDigits() throws IOException {
    write("a.md", "---\ntitle: A\n---\n## ???\nTekstiä.\n");

    assertThat(loader.load(dir).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("no letters or digits"));
  }

  @Test
  void reportsAFileThatIsNotUtf8() throws IOException {
    Files.write(
        dir.resolve("latin1.md"),
        "---\ntitle: Päätös\n---\n## Äänestys\nTekstiä.\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(loader.load(dir).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("latin1.md");
              assertThat(p.line()).isZero();
              assertThat(p.reason()).isEqualTo("the file is not valid UTF-8");
            });
  }

  @Test
  void oneBadFileNeverStopsTheOthers() throws IOException {
    write("a-ok.md", GOOD);
    write("b-no-front-matter.md", "## Otsikko\nTekstiä.\n");
    write("c-bad-yaml.md", "---\ntitle: [\n---\n## Otsikko\nTekstiä.\n");
    Files.write(
        dir.resolve("d-latin1.md"),
        "---\ntitle: ä\n---\n## ö\nä\n".getBytes(StandardCharsets.ISO_8859_1));
    write("e-unknown-key.md", "---\ntitle: E\nfoo: bar\n---\n## Otsikko\nTekstiä.\n");
    write("sub/f-ok.md", GOOD);

    KnowledgeBase base = loader.load(dir);

    assertThat(base.sections())
        .extracting(Section::id)
        .containsExactly("a-ok.md#otsikko", "sub/f-ok.md#otsikko");
    assertThat(base.problems())
        .extracting(KnowledgeProblem::file)
        .containsExactly(
            "b-no-front-matter.md", "c-bad-yaml.md", "d-latin1.md", "e-unknown-key.md");
  }

  @Test
  void skipsReadmeHiddenAndNonMarkdownFiles() throws IOException {
    write("README.md", "# Ohjeet kirjoittajille\nEi front matteria.\n");
    write("sub/readme.md", "# Ohjeet\n");
    write(".drafts/luonnos.md", "ei front matteria");
    write("notes.txt", "ei markdownia");
    write("ok.md", GOOD);

    KnowledgeBase base = loader.load(dir);

    assertThat(base.problems()).isEmpty();
    assertThat(base.sections()).extracting(Section::id).containsExactly("ok.md#otsikko");
  }

  @Test
  void readsTheDirectorysSynonymFilesPerLanguage() throws IOException {
    write("ok.md", GOOD);
    write("synonyms.txt", "# kunnan omat\nkh, kunnanhallitus\nkv, valtuusto\n");
    write("synonyms-sv.txt", "ks, kommunstyrelse\n");

    KnowledgeBase base = loader.load(dir);

    assertThat(base.synonyms(Language.FI)).contains("kh, kunnanhallitus", "kv, valtuusto");
    assertThat(base.synonyms(Language.SV)).contains("ks, kommunstyrelse");
    assertThat(base.synonyms(Language.EN)).isEmpty();
  }

  @Test
  void readsTheDirectorysOutOfScopeExamplesPerLanguageWithoutCommentsOrBlankLines()
      throws IOException {
    write("ok.md", GOOD);
    write(
        "out-of-scope.txt",
        "# kunnan palvelut\nmilloin kirjasto on auki\n\n  paljonko jätemaksu on \n");
    write("out-of-scope-en.txt", "when does the library open\n");

    KnowledgeBase base = loader.load(dir);

    assertThat(base.problems()).isEmpty();
    assertThat(base.outOfScope(Language.FI))
        .containsExactly("milloin kirjasto on auki", "paljonko jätemaksu on");
    assertThat(base.outOfScope(Language.EN)).containsExactly("when does the library open");
    assertThat(base.outOfScope(Language.SV)).isEmpty();
    assertThat(base.sections()).hasSize(1);
  }

  @Test
  void reportsAnOutOfScopeFileThatIsNotUtf8AndKeepsTheSections() throws IOException {
    write("ok.md", GOOD);
    Files.write(dir.resolve("out-of-scope.txt"), new byte[] {'k', 'y', (byte) 0xE4, '\n'});

    KnowledgeBase base = loader.load(dir);

    assertThat(base.sections()).hasSize(1);
    assertThat(base.outOfScope(Language.FI)).isEmpty();
    assertThat(base.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("out-of-scope.txt"));
  }

  @Test
  void reportsAMissingDirectory() {
    KnowledgeBase base = loader.load(dir.resolve("puuttuu"));

    assertThat(base.sections()).isEmpty();
    assertThat(base.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("knowledge directory not found"));
  }

  @Test
  void acceptsWindowsLineEndingsAndAByteOrderMark() throws IOException {
    write("a.md", "\uFEFF---\r\ntitle: A\r\n---\r\n## Otsikko\r\nTekstiä.\r\n");

    KnowledgeBase base = loader.load(dir);

    assertThat(base.problems()).isEmpty();
    assertThat(base.sections()).extracting(Section::id).containsExactly("a.md#otsikko");
  }
}
