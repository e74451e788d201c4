package fi.luotsi.admin.expert;

import static fi.luotsi.admin.expert.ExpertFixture.ADMIN;
import static fi.luotsi.admin.expert.ExpertFixture.ASKER;
import static fi.luotsi.admin.expert.ExpertFixture.ASKER_DM;
import static fi.luotsi.admin.expert.ExpertFixture.CHANNEL;
import static fi.luotsi.admin.expert.ExpertFixture.KNOWN_SECTION;
import static fi.luotsi.admin.expert.ExpertFixture.ORGANISER;
import static fi.luotsi.admin.expert.ExpertFixture.dm;
import static fi.luotsi.admin.expert.ExpertFixture.inChannel;
import static fi.luotsi.admin.expert.ExpertFixture.press;
import static fi.luotsi.admin.expert.ExpertFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Settings;
import fi.luotsi.delivery.FakePlatformMessenger.Arrival;
import fi.luotsi.knowledge.Language;
import fi.luotsi.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExpertCommandTest {
  private ExpertFixture f = new ExpertFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private List<Arrival> arrivalsTo(String address) {
    return f.slack.arrivals().stream()
        .filter(a -> a.recipient().address().equals(address))
        .toList();
  }

  /** Forwards the asker's question with the chosen button; returns the reply. */
  private Reply forward(String ref, boolean anonymous) {
    Button button = f.command.buttons(ref, Language.FI).get(anonymous ? 1 : 0);
    return f.handle(press(ASKER, button));
  }

  @Test
  void offersBothButtonsWithTheReferenceOnlyWhenADestinationIsConfigured() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "Saako valtuutettu palkkion?", "fi");
    List<Button> buttons = f.command.buttons(ref, Language.FI);
    assertThat(buttons)
        .extracting(Button::label, Button::action, Button::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Kysy asiantuntijalta", Button.Action.COMMAND, "kysy-asiantuntijalta " + ref),
            org.assertj.core.groups.Tuple.tuple(
                "Kysy nimettömänä", Button.Action.COMMAND, "kysy-nimettömänä " + ref));
    assertThat(f.command.buttons(ref, Language.SV))
        .extracting(Button::label)
        .containsExactly("Fråga en expert", "Fråga anonymt");
    assertThat(f.command.buttons(ref, Language.EN))
        .extracting(Button::label)
        .containsExactly("Ask an expert", "Ask anonymously");

    String web = f.unanswered(Platform.WEB, "browser-1", "Saako valtuutettu palkkion?", "fi");
    assertThat(f.command.buttons(web, Language.FI)).isEmpty(); // no way to relay an answer

    ExpertFixture off = new ExpertFixture(TestDatabases.h2(), Settings.Experts.none(), true);
    try {
      String offRef = off.unanswered(Platform.SLACK, ASKER, "Saako valtuutettu palkkion?", "fi");
      assertThat(off.command.buttons(offRef, Language.FI)).isEmpty();
    } finally {
      off.close();
    }
  }

  @Test
  void forwardsTheQuestionWithTheAskerAndHowToAnswer() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "Saako valtuutettu palkkion?", "fi");
    Reply reply = forward(ref, false);
    assertThat(text(reply))
        .isEqualTo(
            "Välitin kysymyksesi ohjelman järjestäjille (K1). Saat vastauksen tähän"
                + " keskusteluun.");
    await().atMost(Duration.ofSeconds(5)).until(() -> arrivalsTo(CHANNEL).size() == 1);
    Reply posted = arrivalsTo(CHANNEL).get(0).message();
    assertThat(posted.heading()).contains("Kysymys asiantuntijoille K1");
    assertThat(posted.paragraphs())
        .containsExactly(
            "“Saako valtuutettu palkkion?”",
            "Kysyjä: Slack U0ASKER",
            "Vastaa mainitsemalla minut: vastaa K1 <vastauksesi>. Välitän vastauksen kysyjälle.");
    assertThat(f.audit.recent(5))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("expert.forward");
              assertThat(e.actor()).startsWith("pseudonym:").doesNotContain(ASKER);
              assertThat(e.detail()).isEqualTo("K1 anonymous=false language=fi");
            });
  }

  @Test
  void anonymousForwardNeverShowsTheAskerToTheOrganisers() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "Voinko jäävätä itseni?", "fi");
    Reply reply = forward(ref, true);
    assertThat(reply.paragraphs()).contains("Järjestäjät eivät näe, kuka kysyi.");
    await().atMost(Duration.ofSeconds(5)).until(() -> arrivalsTo(CHANNEL).size() == 1);
    Reply posted = arrivalsTo(CHANNEL).get(0).message();
    assertThat(posted.plainText()).contains("Kysyjä: nimetön").doesNotContain(ASKER);
  }

  @Test
  void aSecondPressOrSomeoneElsesPressDoesNotForwardAgain() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "Saako valtuutettu palkkion?", "fi");
    forward(ref, false);
    assertThat(text(forward(ref, true)))
        .isEqualTo("Tämä kysymys on jo välitetty järjestäjille (K1).");
    Button someoneElses = f.command.buttons(ref, Language.FI).get(0);
    Reply other = f.handle(press("U0OTHER", someoneElses));
    assertThat(other.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(text(other)).isEqualTo("Voit välittää vain omia kysymyksiäsi.");
    Reply gone = f.handle(dm(ASKER, "kysy-asiantuntijalta 0b3c5d7e-0000-0000-0000-000000000000"));
    assertThat(text(gone)).isEqualTo("En löydä enää tätä kysymystä. Kirjoita se uudelleen.");
    assertThat(f.count("SELECT COUNT(*) FROM expert_question")).isEqualTo(1);
    await().during(Duration.ofMillis(300)).until(() -> arrivalsTo(CHANNEL).size() == 1);
  }

  @Test
  void anOrganisersAnswerReachesTheAskerExactlyOnceAndForgetsTheirIds() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "Saako valtuutettu palkkion?", "fi");
    forward(ref, false);
    Reply relaying =
        f.handle(inChannel(ORGANISER, "vastaa K1 Kyllä, palkkioista päättää valtuusto."));
    assertThat(text(relaying)).isEqualTo("Kiitos! Välitän vastauksen kysymykseen K1 kysyjälle.");
    assertThat(relaying.buttons()).isEmpty(); // an organiser, not an administrator
    await().atMost(Duration.ofSeconds(5)).until(() -> arrivalsTo(ASKER_DM).size() == 1);
    Reply answer = arrivalsTo(ASKER_DM).get(0).message();
    assertThat(answer.heading()).contains("Vastaus kysymykseesi (K1)");
    assertThat(answer.paragraphs())
        .containsExactly(
            "Kysyit: “Saako valtuutettu palkkion?”", "Kyllä, palkkioista päättää valtuusto.");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> f.store.find(1).orElseThrow().relay().isPresent());
    ExpertQuestions.Question stored = f.store.find(1).orElseThrow();
    assertThat(stored.relay()).contains("SENT");
    assertThat(stored.asker()).isEmpty();
    assertThat(stored.answeredBy()).contains("slack:" + ORGANISER);

    Reply again = f.handle(inChannel(ADMIN, "vastaa K1 Lisäksi kokouspalkkio."));
    assertThat(text(again)).startsWith("Kysymykseen K1 on jo vastattu (10.3.2027 klo 14.00).");
    await().during(Duration.ofMillis(300)).until(() -> arrivalsTo(ASKER_DM).size() == 1);
    assertThat(f.audit.recent(10))
        .extracting(e -> e.action() + " " + e.detail())
        .contains("expert.answer K1", "expert.relay K1 sent");
  }

  @Test
  void refusesNonOrganisersUnknownIdsAndEmptyAnswers() {
    Reply refused = f.handle(dm(ASKER, "vastaa K1 minä tiedän"));
    assertThat(refused.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(text(refused))
        .isEqualTo("Vain ohjelman järjestäjät voivat vastata välitettyihin kysymyksiin.");
    assertThat(text(f.handle(dm(ORGANISER, "vastaa K99 vastaus"))))
        .isEqualTo("En tunne kysymystä K99. Tunnus on muotoa K12; vanhat kysymykset poistuvat.");
    assertThat(text(f.handle(dm(ORGANISER, "vastaa K1"))))
        .isEqualTo("Kirjoita vastaus tunnuksen perään: vastaa K1 <vastauksesi>");
    assertThat(text(f.handle(dm(ORGANISER, "answer K1 " + "x".repeat(4001)))))
        .startsWith("The answer is too long (at most 4000 characters).");
    assertThat(f.command.handle(dm(ORGANISER, "vastaa kysymykseen"), Language.FI)).isEmpty();
    assertThat(f.audit.recent(5)).extracting(e -> e.action()).contains("expert.answer.denied");
  }

  @Test
  void answersInTheAskersLanguageAndTheOrganisersCommandLanguage() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "Får en ledamot arvode?", "sv");
    Reply forwarded = f.handle(press(ASKER, f.command.buttons(ref, Language.SV).get(0)));
    assertThat(text(forwarded))
        .isEqualTo(
            "Jag skickade din fråga till programmets arrangörer (K1). Du får svaret i den här"
                + " konversationen.");
    await().atMost(Duration.ofSeconds(5)).until(() -> arrivalsTo(CHANNEL).size() == 1);
    assertThat(arrivalsTo(CHANNEL).get(0).message().paragraphs()).contains("Kysymyksen kieli: sv");
    Reply svara = f.handle(inChannel(ORGANISER, "svara K1 Ja, fullmäktige beslutar om arvoden."));
    assertThat(text(svara)).isEqualTo("Tack! Jag skickar svaret på fråga K1 till frågeställaren.");
    await().atMost(Duration.ofSeconds(5)).until(() -> arrivalsTo(ASKER_DM).size() == 1);
    Reply answer = arrivalsTo(ASKER_DM).get(0).message();
    assertThat(answer.heading()).contains("Svar på din fråga (K1)");
    assertThat(answer.language()).isEqualTo(Language.SV);
    assertThat(text(f.handle(inChannel(ORGANISER, "answer K1 again"))))
        .startsWith("K1 has already been answered");
  }

  @Test
  void aQuestionFromASlackChannelIsAnsweredInADirectMessage() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "Saako valtuutettu palkkion?", "fi");
    Button button = f.command.buttons(ref, Language.FI).get(0);
    Reply reply =
        f.handle(
            new fi.luotsi.chat.IncomingMessage(
                Platform.SLACK,
                ASKER,
                "C0PUBLIC",
                button.value(),
                button.action(),
                Optional.empty(),
                false));
    assertThat(text(reply)).endsWith("Saat vastauksen yksityisviestinä.");
    f.handle(inChannel(ORGANISER, "vastaa K1 Kyllä."));
    await().atMost(Duration.ofSeconds(5)).until(() -> arrivalsTo(ASKER).size() == 1);
    assertThat(arrivalsTo("C0PUBLIC")).isEmpty();
  }

  @Test
  void tellsTheOrganiserWhenTheAnswerCannotBeDelivered() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "Saako valtuutettu palkkion?", "fi");
    forward(ref, false);
    f.slack.gone(Set.of(ASKER_DM));
    f.handle(dm(ORGANISER, "vastaa K1 Kyllä."));
    await().atMost(Duration.ofSeconds(5)).until(() -> arrivalsTo("D" + ORGANISER).size() == 1);
    assertThat(arrivalsTo("D" + ORGANISER).get(0).message().plainText())
        .isEqualTo("Vastausta kysymykseen K1 ei saatu perille kysyjälle: channel_not_found");
    assertThat(f.store.find(1).orElseThrow().relay()).contains("FAILED");
    assertThat(f.store.find(1).orElseThrow().asker()).isEmpty();
  }

  @Test
  void anAdministratorTurnsTheAnswerIntoANewSectionOnce() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "saako valtuutettu palkkion", "fi");
    forward(ref, false);
    Reply relaying = f.handle(dm(ADMIN, "vastaa K1 Kyllä, palkkioista päättää valtuusto."));
    assertThat(relaying.paragraphs()).hasSize(2);
    assertThat(relaying.buttons())
        .extracting(Button::label, Button::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Tee uusi osio", "tee-osio K1"),
            org.assertj.core.groups.Tuple.tuple(
                "Lisää vaihtoehtoiseksi kysymykseksi", "vaihtoehto K1"));

    Reply organiserTries = f.handle(press(ORGANISER, relaying.buttons().get(0)));
    assertThat(text(organiserTries)).isEqualTo("Vain ylläpitäjät voivat muuttaa tietopankkia.");

    Reply made = f.handle(press(ADMIN, relaying.buttons().get(0)));
    assertThat(text(made))
        .isEqualTo(
            "Tein kysymyksestä K1 uuden osion"
                + " kysytyt/asiantuntijat.md#saako-valtuutettu-palkkion. Vastaan sillä heti.");
    assertThat(f.editor.sections())
        .containsExactly(
            new FakeKnowledgeEditor.Added(
                "slack:" + ADMIN,
                Language.FI,
                "Saako valtuutettu palkkion?",
                "Kyllä, palkkioista päättää valtuusto.",
                Optional.empty()));
    assertThat(text(f.handle(press(ADMIN, relaying.buttons().get(1)))))
        .startsWith("Kysymyksestä K1 on jo tehty tietopankkiin muutos");
    assertThat(f.editor.sections()).hasSize(1);
    assertThat(f.audit.recent(10))
        .extracting(e -> e.action() + " " + e.detail())
        .contains("expert.section K1 -> kysytyt/asiantuntijat.md#saako-valtuutettu-palkkion");
  }

  @Test
  void anAdministratorAddsTheQuestionAsAPhrasingOfASuggestedSection() {
    String ref = f.unanswered(Platform.SLACK, ASKER, "paljonko budjetissa on rahaa", "fi");
    forward(ref, true);
    f.handle(dm(ADMIN, "vastaa K1 Katso talousarvio."));
    Reply choose = f.handle(dm(ADMIN, "vaihtoehto K1"));
    assertThat(text(choose))
        .isEqualTo(
            "Mihin osioon kysymys “paljonko budjetissa on rahaa” liitetään? Valitse alta tai"
                + " kirjoita: liitä K1 <osio-id>");
    assertThat(choose.buttons())
        .extracting(Button::value)
        .containsExactly("liitä K1 " + KNOWN_SECTION, "liitä K1 other.md#x");

    Reply refused = f.handle(press(ADMIN, choose.buttons().get(1)));
    assertThat(text(refused))
        .isEqualTo("Tietopankki ei hyväksynyt muutosta: no section other.md#x");
    Reply added = f.handle(press(ADMIN, choose.buttons().get(0)));
    assertThat(text(added))
        .isEqualTo(
            "Lisäsin kysymyksen K1 osion "
                + KNOWN_SECTION
                + " vaihtoehtoiseksi kysymykseksi. Se on käytössä heti.");
    assertThat(f.editor.phrasings(KNOWN_SECTION)).containsExactly("paljonko budjetissa on rahaa");
    assertThat(f.store.find(1).orElseThrow().sectionId()).contains(KNOWN_SECTION);
    assertThat(text(f.handle(dm(ADMIN, "attach K1 " + KNOWN_SECTION))))
        .startsWith("K1 is already in the knowledge base");
  }

  @Test
  void withoutAnEditorNoKnowledgeButtonsAreOffered() {
    ExpertFixture noEditor =
        new ExpertFixture(
            TestDatabases.h2(),
            new Settings.Experts(Optional.of(CHANNEL), Optional.empty()),
            false);
    try {
      String ref = noEditor.unanswered(Platform.SLACK, ASKER, "Saako valtuutettu palkkion?", "fi");
      noEditor.handle(press(ASKER, noEditor.command.buttons(ref, Language.FI).get(0)));
      Reply relaying = noEditor.handle(dm(ADMIN, "vastaa K1 Kyllä."));
      assertThat(relaying.buttons()).isEmpty();
      assertThat(relaying.paragraphs()).hasSize(1);
      assertThat(text(noEditor.handle(dm(ADMIN, "tee-osio K1"))))
          .isEqualTo("Tietopankin muokkaaminen chatista ei ole käytössä.");
    } finally {
      noEditor.close();
    }
  }

  @Test
  void sectionHeadingsAreOneCapitalisedQuestion() {
    assertThat(ExpertKnowledge.heading("  saako\nvaltuutettu   palkkion "))
        .isEqualTo("Saako valtuutettu palkkion?");
    assertThat(ExpertKnowledge.heading("Mikä on talousarvio?")).isEqualTo("Mikä on talousarvio?");
  }

  @Test
  void teamsQuestionsGoToTheTeamsDestinationAndBackToTheirConversation() {
    ExpertFixture both =
        new ExpertFixture(
            TestDatabases.h2(),
            new Settings.Experts(Optional.of(CHANNEL), Optional.of(ExpertFixture.TEAMS_CHANNEL)),
            true);
    try {
      String ref =
          both.unanswered(Platform.TEAMS, "aad-asker", "Saako valtuutettu palkkion?", "fi");
      Button button = both.command.buttons(ref, Language.FI).get(0);
      Reply reply =
          both.command
              .handle(
                  new fi.luotsi.chat.IncomingMessage(
                      Platform.TEAMS,
                      "aad-asker",
                      "a:personal-chat",
                      button.value(),
                      button.action(),
                      Optional.empty(),
                      true),
                  Language.FI)
              .orElseThrow();
      assertThat(text(reply)).contains("Saat vastauksen tähän keskusteluun.");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> both.teams.arrivals().size() == 1 && both.slack.arrivals().size() == 1);
      assertThat(both.teams.arrivals().get(0).recipient().address())
          .isEqualTo(ExpertFixture.TEAMS_CHANNEL);
      assertThat(both.teams.arrivals().get(0).message().plainText()).contains("Teams aad-asker");
      both.handle(inChannel(ORGANISER, "vastaa K1 Kyllä."));
      await().atMost(Duration.ofSeconds(5)).until(() -> both.teams.arrivals().size() == 2);
      assertThat(both.teams.arrivals().get(1).recipient().address()).isEqualTo("a:personal-chat");
    } finally {
      both.close();
    }
  }
}
