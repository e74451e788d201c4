package fi.luotsi.chat.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A rendered message: Block Kit blocks and the plain {@code text} fallback Slack shows in
 * notifications and to clients that cannot draw blocks. Both are already escaped.
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {
  SlackMessage {
    Objects.requireNonNull(text, "text");
    blocks = List.copyOf(blocks);
  }
}
