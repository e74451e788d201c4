package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest {

  @Test
  void escapesInlineMarkdownEverywhere() {
    assertThat(AdaptiveCardRenderer.escapeMarkdown("a *b* _c_ `d` ~e~ [f](g) \\h"))
        .isEqualTo("a \\*b\\* \\_c\\_ \\`d\\` \\~e\\~ \\[f\\](g) \\\\h");
  }

  @Test
  void escapesBlockMarkersOnlyAtLineStart() {
    assertThat(AdaptiveCardRenderer.escapeMarkdown("- kohta\n  + toinen\n# otsikko\n> lainaus"))
        .isEqualTo("\\- kohta\n  \\+ toinen\n\\# otsikko\n\\> lainaus");
    assertThat(AdaptiveCardRenderer.escapeMarkdown("1. ensin\n12) sitten\n2027 oli vuosi"))
        .isEqualTo("1\\. ensin\n12\\) sitten\n2027 oli vuosi");
    assertThat(AdaptiveCardRenderer.escapeMarkdown("3 - 2 = 1, kello 17.00 # ei otsikko"))
        .isEqualTo("3 - 2 = 1, kello 17.00 # ei otsikko");
  }

  @Test
  void givesEachLineOfAListItsOwnTextBlock() {
    JsonNode body =
        AdaptiveCardRenderer.render(
                Reply.info(Language.FI, "Vaiheet:\n1. Ilmoita\n2. Poistu\n• Huom"))
            .path("body");

    assertThat(body).hasSize(4);
    assertThat(body.get(0).path("text").asText()).isEqualTo("Vaiheet:");
    assertThat(body.get(0).has("spacing")).isFalse();
    assertThat(body.get(1).path("text").asText()).isEqualTo("1\\. Ilmoita");
    assertThat(body.get(2).path("spacing").asText()).isEqualTo("None");
    assertThat(body.get(3).path("text").asText()).isEqualTo("• Huom");
  }

  @Test
  void keepsPlainFinnishTextAsItIs() {
    String text = "Kunnanvaltuusto päättää talousarviosta (kuntalaki 410/2015 110 §).";
    assertThat(AdaptiveCardRenderer.escapeMarkdown(text)).isEqualTo(text);
  }

  @Test
  void rendersAnswerWithSourcesRelatedTopicsAndFeedback() {
    ObjectNode card = AdaptiveCardRenderer.render(RecordingHandler.answer(Language.FI, "Kysymys?"));

    assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.path("version").asText()).isEqualTo("1.4");
    assertThat(card.path("lang").asText()).isEqualTo("fi");
    List<String> types = new ArrayList<>();
    card.path("body").forEach(element -> types.add(element.path("type").asText()));
    assertThat(types)
        .containsExactly(
            "TextBlock", // heading
            "TextBlock", // paragraph
            "TextBlock", // paragraph
            "TextBlock", // "Lähteet"
            "TextBlock", // the source
            "ActionSet", // open the source
            "TextBlock", // the note
            "ActionSet", // related topics
            "TextBlock", // "Oliko vastauksesta apua?"
            "ActionSet"); // 👍 👎
    JsonNode body = card.path("body");
    assertThat(body.get(0).path("weight").asText()).isEqualTo("Bolder");
    assertThat(body.get(3).path("text").asText()).isEqualTo("Lähteet");
    JsonNode open = body.get(5).path("actions").get(0);
    assertThat(open.path("type").asText()).isEqualTo("Action.OpenUrl");
    assertThat(open.path("url").asText())
        .isEqualTo("https://www.finlex.fi/fi/laki/ajantasa/2003/20030434");
    JsonNode related = body.get(7).path("actions").get(0);
    assertThat(related.path("type").asText()).isEqualTo("Action.Submit");
    assertThat(related.path("title").asText()).isEqualTo("Mitä on jääviys?");
    assertThat(related.path("data").toString())
        .isEqualTo("{\"luotsiAction\":\"ASK\",\"luotsiValue\":\"Mitä on jääviys?\"}");
    JsonNode feedback = body.get(9).path("actions");
    assertThat(feedback).hasSize(2);
    assertThat(feedback.get(0).path("title").asText()).isEqualTo("👍 Kyllä");
    assertThat(feedback.get(0).path("data").path("luotsiAction").asText()).isEqualTo("FEEDBACK_UP");
    assertThat(feedback.get(1).path("data").path("luotsiValue").asText()).isEqualTo("q-1");
  }

  @Test
  void usesTheCoresFeedbackButtonsInsteadOfAddingItsOwn() {
    Reply reply =
        RecordingHandler.answer(Language.EN, "q")
            .withButtons(
                List.of(
                    new Button("Helpful", Button.Action.FEEDBACK_UP, "ref-9"),
                    new Button("Not helpful", Button.Action.FEEDBACK_DOWN, "ref-9")));

    JsonNode body = AdaptiveCardRenderer.render(reply).path("body");

    JsonNode last = body.get(body.size() - 1);
    assertThat(last.path("actions")).hasSize(2);
    assertThat(last.path("actions").get(0).path("title").asText()).isEqualTo("Helpful");
    assertThat(body.get(body.size() - 2).path("text").asText())
        .isEqualTo("Was this answer helpful?");
  }

  @Test
  void leavesOutShareButtonsBecauseTeamsRepliesAreNeverPrivate() {
    Reply reply =
        RecordingHandler.answer(Language.FI, "q")
            .withButtons(
                List.of(
                    new Button("Lue myös", Button.Action.ASK, "Lue myös"),
                    new Button("Jaa kanavalle", Button.Action.SHARE, "q-1")));

    String card = AdaptiveCardRenderer.render(reply).toString();

    assertThat(card).contains("Lue myös").doesNotContain("Jaa kanavalle").doesNotContain("SHARE");
  }

  @Test
  void offersNoFeedbackOnInformationReplies() {
    JsonNode body =
        AdaptiveCardRenderer.render(Reply.info(Language.SV, "Hej!", "_inte kursiv_")).path("body");

    assertThat(body).hasSize(2);
    assertThat(body.get(1).path("text").asText()).isEqualTo("\\_inte kursiv\\_");
  }

  @Test
  void rendersLinkButtonsAsOpenUrlAndShortensLongTitles() {
    String longLabel = "Hyvin pitkä otsikko ".repeat(10);
    Reply reply =
        new Reply(
            Reply.Kind.NO_ANSWER,
            Optional.empty(),
            List.of("En tiedä."),
            List.of(),
            Optional.empty(),
            List.of(
                new Button("Ota yhteyttä", Button.Action.LINK, "https://example.org/yhteys"),
                new Button(longLabel, Button.Action.ASK, longLabel)),
            Language.FI,
            Optional.empty());

    JsonNode actions = AdaptiveCardRenderer.render(reply).path("body").get(1).path("actions");

    assertThat(actions.get(0).path("type").asText()).isEqualTo("Action.OpenUrl");
    assertThat(actions.get(0).path("url").asText()).isEqualTo("https://example.org/yhteys");
    assertThat(actions.get(1).path("title").asText()).hasSize(80).endsWith("…");
    assertThat(actions.get(1).path("data").path("luotsiValue").asText()).isEqualTo(longLabel);
  }

  @Test
  void summarisesWithHeadingOrFirstParagraph() {
    assertThat(AdaptiveCardRenderer.summary(RecordingHandler.answer(Language.FI, "q")))
        .isEqualTo("Esteellisyyden perusteet");
    assertThat(AdaptiveCardRenderer.summary(Reply.info(Language.FI, "x".repeat(300))))
        .hasSize(200)
        .endsWith("…");
  }
}
