package fi.luotsi.chat.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link Reply} as Block Kit. Every piece of reply text is escaped and marked {@code
 * verbatim}, so knowledge text cannot mention anyone, link anywhere or notify a channel; the only
 * links are the sources' URLs, which are checked to be plain http(s) URLs.
 *
 * <p>Layout (block ids in {@link ActionIds}): header, one section per paragraph, a context line
 * with the sources, a context line with the note, then actions blocks for related topics, other
 * actions (such as sharing) and the 👍/👎 feedback buttons, all as the chat core offers them.
 * Slack's size limits are respected by cutting, never by failing.
 */
final class SlackBlocks {
  static final int MAX_MESSAGE_BLOCKS = 50;
  static final int MAX_HOME_BLOCKS = 100;
  private static final int MAX_HEADER = 150;
  private static final int MAX_SECTION = 3000;
  private static final int MAX_BUTTON_TEXT = 75;
  private static final int MAX_BUTTON_VALUE = 2000;
  private static final int MAX_ACTIONS = 25;
  private static final int MAX_FALLBACK = 500;

  private SlackBlocks() {}

  /**
   * Renders a reply as a message.
   *
   * @param offerShare whether the reply's "share in channel" button makes sense: only for an answer
   *     that the asker alone sees (a slash command's ephemeral reply)
   */
  static SlackMessage message(Reply reply, boolean offerShare) {
    return new SlackMessage(fallback(reply), blocks(reply, offerShare, MAX_MESSAGE_BLOCKS));
  }

  /** The App Home tab: how to ask, then the chat core's help reply. */
  static View home(Reply help) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        HeaderBlock.builder().blockId(ActionIds.BLOCK_HOME_HEADING).text(plain("Luotsi")).build());
    blocks.add(section(ActionIds.BLOCK_HOME_INTRO, Phrases.howToAsk(help.language())));
    blocks.add(DividerBlock.builder().build());
    blocks.addAll(blocks(help, false, MAX_HOME_BLOCKS - blocks.size()));
    return View.builder().type("home").blocks(blocks).build();
  }

  static List<LayoutBlock> blocks(Reply reply, boolean offerShare, int maxBlocks) {
    List<LayoutBlock> tail = new ArrayList<>();
    sources(reply).ifPresent(tail::add);
    reply
        .note()
        .filter(n -> !n.isBlank())
        .ifPresent(n -> tail.add(context(ActionIds.BLOCK_NOTE, n)));
    tail.addAll(actions(buttons(reply, offerShare)));

    List<LayoutBlock> out = new ArrayList<>();
    reply
        .heading()
        .filter(h -> !h.isBlank())
        .ifPresent(
            h ->
                out.add(
                    HeaderBlock.builder()
                        .blockId(ActionIds.BLOCK_HEADING)
                        .text(plain(SlackText.truncate(h.strip(), MAX_HEADER)))
                        .build()));
    int room = maxBlocks - out.size() - tail.size();
    List<String> chunks = new ArrayList<>();
    for (String paragraph : reply.paragraphs()) {
      if (!paragraph.isBlank()) {
        chunks.addAll(chunks(paragraph.strip(), MAX_SECTION - 1));
      }
    }
    for (int i = 0; i < chunks.size() && i < room; i++) {
      boolean cut = i == room - 1 && chunks.size() > room;
      String text = cut ? chunks.get(i) + "…" : chunks.get(i);
      out.add(section(ActionIds.BLOCK_TEXT + i, text));
    }
    out.addAll(tail);
    return out;
  }

  /**
   * The buttons to show: the reply's own, except "share in channel" where the reply is already
   * visible to others (a thread, a DM, a channel post).
   */
  static List<Button> buttons(Reply reply, boolean offerShare) {
    return reply.buttons().stream()
        .filter(b -> offerShare || b.action() != Button.Action.SHARE)
        .toList();
  }

  private static List<LayoutBlock> actions(List<Button> buttons) {
    List<BlockElement> related = new ArrayList<>();
    List<BlockElement> other = new ArrayList<>();
    List<BlockElement> feedback = new ArrayList<>();
    for (Button button : buttons) {
      List<BlockElement> group =
          switch (button.action()) {
            case ASK -> related;
            case FEEDBACK_UP, FEEDBACK_DOWN -> feedback;
            default -> other;
          };
      if (group.size() < MAX_ACTIONS) {
        button(button, group.size()).ifPresent(group::add);
      }
    }
    List<LayoutBlock> out = new ArrayList<>();
    if (!related.isEmpty()) {
      out.add(ActionsBlock.builder().blockId(ActionIds.BLOCK_RELATED).elements(related).build());
    }
    if (!other.isEmpty()) {
      out.add(ActionsBlock.builder().blockId(ActionIds.BLOCK_ACTIONS).elements(other).build());
    }
    if (!feedback.isEmpty()) {
      out.add(ActionsBlock.builder().blockId(ActionIds.BLOCK_FEEDBACK).elements(feedback).build());
    }
    return out;
  }

  private static Optional<BlockElement> button(Button button, int index) {
    ButtonElement.ButtonElementBuilder b =
        ButtonElement.builder()
            .actionId(ActionIds.actionId(button.action(), index))
            .text(plain(SlackText.truncate(button.label(), MAX_BUTTON_TEXT)))
            .value(SlackText.truncate(button.value(), MAX_BUTTON_VALUE));
    switch (button.action()) {
      case LINK -> {
        if (!button.value().matches("https?://\\S+") || button.value().length() > 3000) {
          return Optional.empty();
        }
        b.url(button.value());
      }
      default -> {}
    }
    return Optional.of(b.build());
  }

  private static Optional<LayoutBlock> sources(Reply reply) {
    if (reply.sources().isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder("*" + Phrases.source(reply.language()) + ":*");
    for (Reply.Source source : reply.sources()) {
      String line =
          source
                  .url()
                  .map(u -> SlackText.link(u, source.title()))
                  .orElse(SlackText.escape(source.title()))
              + source
                  .citation()
                  .filter(c -> !c.isBlank())
                  .map(c -> " (" + SlackText.escape(c) + ")")
                  .orElse("");
      if (text.length() + 1 + line.length() > MAX_SECTION) {
        break;
      }
      text.append(reply.sources().size() == 1 ? " " : "\n").append(line);
    }
    return Optional.of(
        ContextBlock.builder()
            .blockId(ActionIds.BLOCK_SOURCES)
            .elements(
                List.of(MarkdownTextObject.builder().text(text.toString()).verbatim(true).build()))
            .build());
  }

  private static LayoutBlock section(String blockId, String plainText) {
    return SectionBlock.builder()
        .blockId(blockId)
        .text(MarkdownTextObject.builder().text(SlackText.escape(plainText)).verbatim(true).build())
        .build();
  }

  private static LayoutBlock context(String blockId, String plainText) {
    return ContextBlock.builder()
        .blockId(blockId)
        .elements(
            List.of(
                MarkdownTextObject.builder()
                    .text(SlackText.escape(SlackText.truncate(plainText, 2000)))
                    .verbatim(true)
                    .build()))
        .build();
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }

  /**
   * Splits plain text into pieces whose escaped form fits {@code maxEscaped} characters, at
   * whitespace where possible.
   */
  static List<String> chunks(String text, int maxEscaped) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int escaped = 0;
      int end = start;
      int lastSpace = -1;
      while (end < text.length()) {
        char c = text.charAt(end);
        int width = c == '&' ? 5 : (c == '<' || c == '>') ? 4 : 1;
        if (escaped + width > maxEscaped) {
          break;
        }
        if (Character.isWhitespace(c)) {
          lastSpace = end;
        }
        escaped += width;
        end++;
      }
      if (end < text.length()) {
        if (lastSpace > start) {
          end = lastSpace;
        } else if (Character.isLowSurrogate(text.charAt(end))) {
          end--;
        }
      }
      out.add(text.substring(start, end).strip());
      start = end;
      while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
    }
    return out;
  }

  private static String fallback(Reply reply) {
    String first =
        reply
            .heading()
            .filter(h -> !h.isBlank())
            .orElse(reply.paragraphs().stream().findFirst().orElse(""));
    if (first.isBlank()) {
      first = reply.plainText();
    }
    return SlackText.escape(SlackText.truncate(first.strip(), MAX_FALLBACK));
  }
}
