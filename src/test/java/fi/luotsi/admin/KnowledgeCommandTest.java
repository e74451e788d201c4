package fi.luotsi.admin;

import static fi.luotsi.admin.KnowledgeFiles.file;
import static fi.luotsi.admin.KnowledgeStoreFixture.ACTOR;
import static fi.luotsi.admin.KnowledgeStoreFixture.ADMIN;
import static fi.luotsi.admin.KnowledgeStoreFixture.OTHER_ADMIN;
import static fi.luotsi.admin.KnowledgeStoreFixture.button;
import static fi.luotsi.admin.KnowledgeStoreFixture.text;
import static fi.luotsi.admin.KnowledgeStoreFixture.withFile;
import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Attachment;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeCommandTest {
  private static final String KELLARI =
      file(
          "Tilat",
          "Mikä on pyöräkellari?",
          "Pyöräkellari on kunnantalon alakerrassa.",
          "Missä on arkisto?",
          "Arkisto on toisessa kerroksessa.");
  private static final String KASSA =
      file("Talous", "Mikä on kassavaranto?", "Kassavaranto on kunnan tilillä oleva raha.");

  @TempDir Path dir;
  private KnowledgeStoreFixture kb;

  @BeforeEach
  void setUp() {
    KnowledgeFiles.write(dir, "tilat/kellari.md", KELLARI);
    kb = new KnowledgeStoreFixture(dir);
  }

  @AfterEach
  void tearDown() {
    kb.close();
  }

  @Test
  void previewsAnUploadAndPublishesItWhenTheAdminPressesPublish() {
    Reply preview = kb.upload(ADMIN, "", "Kassa.md", KASSA);

    assertThat(preview.kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(preview.heading()).contains("Esikatselu: lisatyt/kassa.md");
    assertThat(text(preview))
        .contains("Otsikko: Talous · kieli fi · 1 osiota. Uusi tiedosto.")
        .contains("Osiot:\n• Mikä on kassavaranto?")
        .contains("Esikatselu on voimassa 30 minuuttia.");
    assertThat(preview.buttons()).extracting(b -> b.label()).containsExactly("Julkaise", "Peru");
    assertThat(kb.versions()).isZero();
    assertThat(kb.exists("lisatyt/kassa.md")).isFalse();

    Reply published = kb.press(ADMIN, button(preview, "Julkaise"));

    assertThat(text(published))
        .startsWith("Julkaisin tiedoston lisatyt/kassa.md: tietopankin muutos 1.");
    assertThat(kb.read("lisatyt/kassa.md")).isEqualTo(KASSA);
    assertThat(kb.index.section("lisatyt/kassa.md#mikä-on-kassavaranto")).isPresent();
    assertThat(kb.managed.appliedChange()).isEqualTo(1);
    assertThat(kb.audit())
        .extracting(AuditLog.Entry::action)
        .containsSubsequence("knowledge.publish", "knowledge.preview");
    assertThat(kb.audit().get(0).actor()).isEqualTo(ACTOR);
    assertThat(kb.audit().get(0).detail()).contains("lisatyt/kassa.md change=1");
  }

  @Test
  void putsTheUploadIntoTheFolderTheMessageNames() {
    Reply preview = kb.upload(ADMIN, "tietopankki lisää talous/", "kassa.md", KASSA);
    kb.press(ADMIN, button(preview, "Julkaise"));

    assertThat(kb.read("talous/kassa.md")).isEqualTo(KASSA);
  }

  @Test
  void replacesTheFileOfTheSameNameShowingWhatChangesAndKeepsTheOriginalForRollback() {
    String changed =
        file(
            "Tilat",
            "Mikä on pyöräkellari?",
            "Pyöräkellari on siirretty pihalle.",
            "Missä on sauna?",
            "Sauna on kellarissa.");

    Reply preview = kb.upload(ADMIN, "", "kellari.md", changed);

    assertThat(preview.heading()).contains("Esikatselu: tilat/kellari.md");
    assertThat(text(preview))
        .contains("Korvaa nykyisen tiedoston; sen nykyinen sisältö tallentuu historiaan")
        .contains("Uudet osiot:\n• Missä on sauna?")
        .contains("Poistuvat osiot:\n• Missä on arkisto?")
        .contains("Muuttuvat osiot:\n• Mikä on pyöräkellari?")
        .contains("Ennallaan pysyy 0 osiota.");

    kb.press(ADMIN, button(preview, "Julkaise"));

    assertThat(kb.read("tilat/kellari.md")).isEqualTo(changed);
    assertThat(kb.index.section("tilat/kellari.md#missä-on-arkisto")).isEmpty();
    Reply history = kb.say(ADMIN, "tietopankki historia tilat/kellari.md");
    assertThat(text(history))
        .contains("Tiedoston tilat/kellari.md versiot, uusin ensin:")
        .containsPattern(
            "• 2 · 10\\.3\\.2027 klo 14\\.00 · slack:UADMIN · korvaus · sha256 \\w{12} \\(käytössä\\)")
        .containsPattern("• 1 · .* · alkuperäinen · sha256 \\w{12} · the file as it was")
        .contains("tietopankki palauta tilat/kellari.md <n>");

    Reply rolledBack = kb.say(ADMIN, "tietopankki palauta tilat/kellari.md 1");

    assertThat(text(rolledBack))
        .isEqualTo("Palautin tiedoston tilat/kellari.md versioon 1: tietopankin muutos 3.");
    assertThat(kb.read("tilat/kellari.md")).isEqualTo(KELLARI);
    assertThat(kb.index.section("tilat/kellari.md#missä-on-arkisto")).isPresent();
    assertThat(kb.versions()).isEqualTo(3);
    assertThat(text(kb.say(ADMIN, "tietopankki historia tilat/kellari.md")))
        .contains("palautus · sha256")
        .contains("rollback to version 1");
    assertThat(kb.audit()).extracting(AuditLog.Entry::action).contains("knowledge.rollback");
  }

  @Test
  void refusesAFileWithProblemsShowingEachAndStoresNothing() {
    String broken = "---\ntags: [x]\n---\n## Mikä on kassavaranto?\nRahaa.\n";

    Reply reply = kb.upload(ADMIN, "", "rikki.md", broken);

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(text(reply))
        .startsWith("En tallentanut tiedostoa lisatyt/rikki.md, koska siinä on virheitä.")
        .contains("• lisatyt/rikki.md:2: front matter needs a title");
    assertThat(reply.buttons()).isEmpty();
    assertThat(kb.versions()).isZero();
    assertThat(kb.db.count("SELECT COUNT(*) FROM knowledge_pending")).isZero();
    assertThat(kb.audit().get(0).action()).isEqualTo("knowledge.refused");
    assertThat(kb.audit().get(0).detail()).contains("front matter needs a title");
  }

  @Test
  void refusesAHeadingTwiceAndAQuestionAnotherFileAlreadyAnswers() {
    String twice =
        file("Talous", "Mikä on kassa?", "Raha.", "Mikä on kassa", "Raha taas.")
            + "\n## Mikä on pyöräkellari?\n\nToinen vastaus.\n";

    Reply reply = kb.upload(ADMIN, "", "kassa.md", twice);

    assertThat(text(reply))
        .contains(
            "lisatyt/kassa.md:9: otsikko \"Mikä on kassa\" on tiedostossa jo rivillä 5 (osion"
                + " tunniste olisi sama)")
        .contains(
            "lisatyt/kassa.md:13: kysymykseen \"Mikä on pyöräkellari?\" vastaa jo osio"
                + " tilat/kellari.md#mikä-on-pyöräkellari");
    assertThat(kb.versions()).isZero();
  }

  @Test
  void refusesPeopleWhoAreNotAdministratorsWithoutDownloadingTheirFile() {
    AtomicInteger downloads = new AtomicInteger();
    Attachment file =
        new Attachment(
            "kassa.md",
            10,
            Optional.empty(),
            max -> {
              downloads.incrementAndGet();
              return KASSA.getBytes(StandardCharsets.UTF_8);
            });

    Reply reply =
        kb.maybe(AdminFixture.typed(Platform.SLACK, "UNOBODY", "").withAttachments(List.of(file)))
            .orElseThrow();
    Reply list = kb.say("UNOBODY", "tietopankki tiedostot");

    assertThat(text(reply)).isEqualTo("Tämä komento on vain ylläpitäjille.");
    assertThat(text(list)).isEqualTo("Tämä komento on vain ylläpitäjille.");
    assertThat(downloads).hasValue(0);
    assertThat(kb.audit())
        .extracting(AuditLog.Entry::action, AuditLog.Entry::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("admin.denied", "knowledge.files"),
            org.assertj.core.groups.Tuple.tuple("admin.denied", "knowledge.add"));
    assertThat(kb.audit().get(0).actor())
        .isEqualTo("pseudonym:" + kb.db.pseudonyms.of(Platform.SLACK, "UNOBODY"));
  }

  @Test
  void leavesFilesSharedInChannelsAloneButAsksForADirectMessageWhenSentToTheBot() {
    assertThat(kb.maybe(withFile(ADMIN, "katsokaa tätä", "kassa.md", KASSA).inChannel())).isEmpty();

    Reply command =
        kb.maybe(withFile(ADMIN, "tietopankki lisää", "kassa.md", KASSA).inChannel()).orElseThrow();
    Reply mention = kb.maybe(withFile(ADMIN, "", "kassa.md", KASSA).inChannel()).orElseThrow();

    assertThat(text(command)).startsWith("Lähetä tietopankin tiedosto minulle yksityisviestinä");
    assertThat(text(mention)).startsWith("Lähetä tietopankin tiedosto minulle yksityisviestinä");
    assertThat(kb.versions()).isZero();
  }

  @Test
  void refusesFilesThatAreNotMarkdownTooLargeOrNotUtf8() {
    Reply png = kb.upload(ADMIN, "tietopankki lisää", "kuva.png", "x");
    Reply none = kb.say(ADMIN, "tietopankki lisää");
    byte[] big = new byte[300 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    Reply reportedLarge =
        kb.maybe(
                AdminFixture.typed(Platform.SLACK, ADMIN, "")
                    .withAttachments(
                        List.of(
                            new Attachment("iso.md", big.length, Optional.empty(), max -> big))))
            .orElseThrow();
    Reply unreportedLarge =
        kb.maybe(
                AdminFixture.typed(Platform.SLACK, ADMIN, "")
                    .withAttachments(
                        List.of(new Attachment("iso.md", -1, Optional.empty(), max -> big))))
            .orElseThrow();
    byte[] latin1 = "---\ntitle: Sää\n---\n## Hä?\nÄö.\n".getBytes(StandardCharsets.ISO_8859_1);
    Reply notUtf8 =
        kb.maybe(
                AdminFixture.typed(Platform.SLACK, ADMIN, "")
                    .withAttachments(
                        List.of(
                            new Attachment(
                                "saa.md", latin1.length, Optional.empty(), max -> latin1))))
            .orElseThrow();

    assertThat(text(png)).isEqualTo("Vain Markdown-tiedostot (.md) kelpaavat: kuva.png");
    assertThat(text(none)).startsWith("Liitä viestiin Markdown-tiedosto (.md)");
    assertThat(text(reportedLarge))
        .contains("Tiedosto on liian suuri (300 KiB); enintään 256 KiB.");
    assertThat(text(unreportedLarge))
        .contains("Tiedosto on liian suuri (300 KiB); enintään 256 KiB.");
    assertThat(text(notUtf8)).contains("Tiedosto ei ole UTF-8-tekstiä.");
    assertThat(kb.versions()).isZero();
    assertThat(kb.audit()).allMatch(e -> e.action().equals("knowledge.refused"));
  }

  @Test
  void refusesTargetsOutsideTheKnowledgeDirectory() {
    Reply up = kb.upload(ADMIN, "tietopankki lisää ../muu/", "kassa.md", KASSA);
    Reply absolute = kb.upload(ADMIN, "tietopankki lisää /etc/kassa.md", "kassa.md", KASSA);
    Reply show = kb.say(ADMIN, "tietopankki näytä ../../etc/passwd.md");

    assertThat(text(up))
        .contains("Polku ei saa johtaa tietopankin kansion ulkopuolelle (..): ../muu/kassa.md");
    assertThat(text(absolute))
        .contains(
            "Polun pitää olla suhteessa tietopankin kansioon, ei absoluuttinen: /etc/kassa.md");
    assertThat(text(show)).contains("(..): ../../etc/passwd.md");
    assertThat(kb.versions()).isZero();
  }

  @Test
  void tellsWhyAFileCouldNotBeFetched() {
    Reply reply =
        kb.maybe(
                AdminFixture.typed(Platform.SLACK, ADMIN, "")
                    .withAttachments(
                        List.of(
                            new Attachment(
                                "kassa.md",
                                10,
                                Optional.empty(),
                                max -> {
                                  throw new IOException("Slack answered 403");
                                }))))
            .orElseThrow();

    assertThat(text(reply))
        .isEqualTo(
            "En saanut tiedostoa kassa.md ladattua (Slack answered 403). Mitään ei tallennettu.");
  }

  @Test
  void aPreviewExpiresAfterHalfAnHour() {
    Reply preview = kb.upload(ADMIN, "", "kassa.md", KASSA);
    kb.db.clock.advance(Duration.ofMinutes(31));

    Reply late = kb.press(ADMIN, button(preview, "Julkaise"));

    assertThat(text(late)).startsWith("Tämä esikatselu ei ole enää voimassa");
    assertThat(kb.versions()).isZero();
  }

  @Test
  void onlyTheUploaderPublishesTheirPreviewAndCancelForgetsIt() {
    Reply preview = kb.upload(ADMIN, "", "kassa.md", KASSA);

    Reply other = kb.press(OTHER_ADMIN, button(preview, "Julkaise"));
    Reply cancelled = kb.press(ADMIN, button(preview, "Peru"));
    Reply afterCancel = kb.press(ADMIN, button(preview, "Julkaise"));

    assertThat(text(other)).startsWith("Tämä esikatselu ei ole enää voimassa");
    assertThat(text(cancelled)).isEqualTo("Selvä, en muuttanut tietopankkia.");
    assertThat(text(afterCancel)).startsWith("Tämä esikatselu ei ole enää voimassa");
    assertThat(kb.versions()).isZero();
  }

  @Test
  void refusesToPublishAPreviewOfAFileThatChangedSince() {
    Reply first = kb.upload(ADMIN, "", "kassa.md", KASSA);
    Reply second = kb.upload(ADMIN, "", "kassa.md", KASSA.replace("kunnan tilillä", "pankissa"));
    kb.press(ADMIN, button(first, "Julkaise"));

    Reply stale = kb.press(ADMIN, button(second, "Julkaise"));

    assertThat(text(stale))
        .startsWith("Tiedostoa lisatyt/kassa.md on muutettu sillä välin (muutos 1).");
    assertThat(kb.read("lisatyt/kassa.md")).isEqualTo(KASSA);
    assertThat(kb.versions()).isEqualTo(1);
  }

  @Test
  void removesAFileAfterConfirmationAndRestoresItOnRollback() {
    Reply confirm = kb.say(ADMIN, "tietopankki poista tilat/kellari.md");

    assertThat(text(confirm)).startsWith("Poistanko tiedoston tilat/kellari.md (Tilat, 2 osiota)?");
    assertThat(kb.exists("tilat/kellari.md")).isTrue();

    Reply removed = kb.press(ADMIN, button(confirm, "Poista"));

    assertThat(text(removed))
        .isEqualTo(
            "Poistin tiedoston tilat/kellari.md: tietopankin muutos 2. Sen voi palauttaa"
                + " historiasta.");
    assertThat(kb.exists("tilat/kellari.md")).isFalse();
    assertThat(kb.index.sections()).isEmpty();
    assertThat(text(kb.say(ADMIN, "tietopankki tiedostot")))
        .contains("tilat/kellari.md — poistettu muutoksessa 2 · slack:UADMIN");

    kb.say(ADMIN, "tietopankki palauta tilat/kellari.md #1");

    assertThat(kb.read("tilat/kellari.md")).isEqualTo(KELLARI);
    assertThat(kb.index.sections()).hasSize(2);
  }

  @Test
  void listsAndShowsFilesWithTheirLastChange() {
    kb.press(ADMIN, button(kb.upload(ADMIN, "", "kassa.md", KASSA), "Julkaise"));

    Reply files = kb.say(ADMIN, "tietopankki tiedostot");
    Reply show = kb.say(ADMIN, "tietopankki näytä tilat/kellari.md");
    Reply managed = kb.say(ADMIN, "tietopankki näytä lisatyt/kassa.md");
    Reply missing = kb.say(ADMIN, "tietopankki näytä ei/ole.md");

    assertThat(text(files))
        .startsWith(
            "Tietopankin tiedostot: 2, joista chatin tai komentorivin kautta muutettuja 1. Tämä"
                + " palvelin käyttää tietopankin muutosta 1.")
        .contains(
            "• lisatyt/kassa.md — muutos 1 · slack:UADMIN · 10.3.2027 klo 14.00 · lisäys\n"
                + "• tilat/kellari.md — ei muutettu chatista");
    assertThat(show.heading()).contains("tilat/kellari.md");
    assertThat(text(show))
        .contains("Otsikko: Tilat · kieli fi · 2 osiota. Versio: tiedosto sellaisenaan")
        .contains(
            "• Mikä on pyöräkellari? (rivi 5, 0 kysymysmuotoa)\n• Missä on arkisto? (rivi 9,");
    assertThat(text(managed))
        .contains("Versio: muutos 1 (slack:UADMIN, 10.3.2027 klo 14.00, lisäys).");
    assertThat(text(missing)).startsWith("Tietopankissa ei ole tiedostoa ei/ole.md.");
  }

  @Test
  void answersInSwedishAndEnglishToTheirCommands() {
    Reply sv = kb.say(ADMIN, "kunskapsbank filer");
    Reply en = kb.say(ADMIN, "knowledge history tilat/kellari.md");
    Reply svPreview = kb.upload(ADMIN, "kunskapsbank lägg till", "kassa.md", KASSA);

    assertThat(sv.language()).isEqualTo(Language.SV);
    assertThat(text(sv)).startsWith("Kunskapsbankens filer: 1");
    assertThat(en.language()).isEqualTo(Language.EN);
    assertThat(text(en)).startsWith("tilat/kellari.md was never changed through chat");
    assertThat(svPreview.buttons())
        .extracting(b -> b.label())
        .containsExactly("Publicera", "Avbryt");
    assertThat(svPreview.buttons().get(0).value()).startsWith("kunskapsbank publicera ");
  }

  @Test
  void refusesARollbackToAVersionOfAnotherFileOrTheCurrentOne() {
    kb.press(ADMIN, button(kb.upload(ADMIN, "", "kassa.md", KASSA), "Julkaise"));

    Reply other = kb.say(ADMIN, "tietopankki palauta tilat/kellari.md 1");
    Reply current = kb.say(ADMIN, "tietopankki palauta lisatyt/kassa.md 1");
    Reply usage = kb.say(ADMIN, "tietopankki palauta lisatyt/kassa.md");

    assertThat(text(other)).startsWith("Versio 1 ei ole tiedoston tilat/kellari.md versio.");
    assertThat(text(current)).startsWith("Tiedosto lisatyt/kassa.md on jo version 1 mukainen");
    assertThat(text(usage)).startsWith("Käyttö: tietopankki palauta <polku> <versio>");
    assertThat(kb.versions()).isEqualTo(1);
  }

  @Test
  void leavesOtherTietopankkiCommandsAndQuestionsToOthers() {
    assertThat(kb.maybe(AdminFixture.typed(Platform.SLACK, ADMIN, "tietopankki"))).isEmpty();
    assertThat(kb.maybe(AdminFixture.typed(Platform.SLACK, ADMIN, "knowledge status"))).isEmpty();
    assertThat(kb.maybe(AdminFixture.typed(Platform.SLACK, ADMIN, "mikä on tietopankki?")))
        .isEmpty();
  }
}
