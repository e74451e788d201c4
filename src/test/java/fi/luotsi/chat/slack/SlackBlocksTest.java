package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackBlocksTest {

  @Test
  void rendersAnAnswerWithStableBlockIds() {
    SlackMessage message =
        SlackBlocks.message(ScriptedConversation.answer(Language.FI, "q", "ans-1"), false);

    assertThat(message.blocks())
        .extracting(LayoutBlock::getBlockId)
        .containsExactly(
            "luotsi.heading",
            "luotsi.text.0",
            "luotsi.text.1",
            "luotsi.sources",
            "luotsi.note",
            "luotsi.related",
            "luotsi.feedback");
    assertThat(message.text()).isEqualTo("Esteellisyys");
  }

  @Test
  void offersSharingOnlyForPrivateAnswers() {
    Reply answer = ScriptedConversation.answer(Language.SV, "q", "ans-2");

    assertThat(SlackBlocks.buttons(answer, false))
        .extracting(Button::action)
        .containsExactly(Button.Action.ASK, Button.Action.FEEDBACK_UP, Button.Action.FEEDBACK_DOWN);
    assertThat(SlackBlocks.buttons(answer, true))
        .extracting(Button::action)
        .containsExactly(
            Button.Action.ASK,
            Button.Action.FEEDBACK_UP,
            Button.Action.FEEDBACK_DOWN,
            Button.Action.SHARE);
  }

  @Test
  void addsNoButtonsOfItsOwn() {
    Reply shared = ScriptedConversation.answer(Language.FI, "q", "ans-3").withButtons(List.of());

    assertThat(SlackBlocks.message(shared, true).blocks())
        .extracting(LayoutBlock::getBlockId)
        .doesNotContain("luotsi.related", "luotsi.actions", "luotsi.feedback");
  }

  @Test
  void escapesEveryParagraphAndMarksItVerbatim() {
    SlackMessage message = SlackBlocks.message(Reply.info(Language.FI, "<@U1> & <!here>"), false);

    SectionBlock section = (SectionBlock) message.blocks().get(0);
    assertThat(section.getText().getText()).isEqualTo("&lt;@U1&gt; &amp; &lt;!here&gt;");
    assertThat(message.text()).isEqualTo("&lt;@U1&gt; &amp; &lt;!here&gt;");
  }

  @Test
  void splitsLongParagraphsWithinSlacksSectionLimit() {
    String paragraph = String.join(" ", Collections.nCopies(1500, "sana<>"));
    SlackMessage message = SlackBlocks.message(Reply.info(Language.FI, paragraph), false);

    assertThat(message.blocks()).hasSizeGreaterThan(1);
    for (LayoutBlock block : message.blocks()) {
      assertThat(((SectionBlock) block).getText().getText().length()).isLessThanOrEqualTo(3000);
    }
  }

  @Test
  void neverExceedsFiftyBlocks() {
    String[] paragraphs = Collections.nCopies(80, "kappale").toArray(String[]::new);
    Reply reply = Reply.info(Language.FI, paragraphs);

    SlackMessage message = SlackBlocks.message(reply, false);

    assertThat(message.blocks()).hasSize(50);
    SectionBlock last = (SectionBlock) message.blocks().get(49);
    assertThat(last.getText().getText()).endsWith("…");
  }

  @Test
  void rendersLinkButtonsOnlyForHttpUrls() {
    Reply reply =
        Reply.info(Language.FI, "Linkit")
            .withButtons(
                List.of(
                    new Button("Finlex", Button.Action.LINK, "https://finlex.fi"),
                    new Button("Paha", Button.Action.LINK, "javascript:alert(1)")));

    ActionsBlock actions = (ActionsBlock) SlackBlocks.message(reply, false).blocks().get(1);
    assertThat(actions.getBlockId()).isEqualTo("luotsi.actions");
    assertThat(actions.getElements()).hasSize(1);
    assertThat(((ButtonElement) actions.getElements().get(0)).getUrl())
        .isEqualTo("https://finlex.fi");
  }

  @Test
  void rendersTheHomeTabWithTheHelpReply() {
    Reply help =
        new Reply(
            Reply.Kind.INFO,
            Optional.of("Help"),
            List.of("Kysy jotain."),
            List.of(),
            Optional.empty(),
            List.of(new Button("Esteellisyys", Button.Action.ASK, "Mitä on esteellisyys?")),
            Language.EN,
            Optional.empty());

    var view = SlackBlocks.home(help);

    assertThat(view.getType()).isEqualTo("home");
    assertThat(view.getBlocks())
        .extracting(LayoutBlock::getBlockId)
        .contains("luotsi.home.intro", "luotsi.text.0", "luotsi.related");
    assertThat(((SectionBlock) view.getBlocks().get(1)).getText().getText()).startsWith("Ask me");
    // Slack refuses a view whose block ids repeat.
    assertThat(
            view.getBlocks().stream()
                .map(LayoutBlock::getBlockId)
                .filter(java.util.Objects::nonNull)
                .toList())
        .doesNotHaveDuplicates();
  }
}
