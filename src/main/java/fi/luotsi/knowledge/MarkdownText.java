package fi.luotsi.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** Turns a section's Markdown into plain-text paragraphs (one per block; list items per line). */
final class MarkdownText {
  private final Parser parser = Parser.builder().build();
  private final TextContentRenderer renderer = TextContentRenderer.builder().build();

  List<String> paragraphs(String markdown) {
    Node document = parser.parse(markdown);
    List<String> out = new ArrayList<>();
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof HtmlBlock) {
        continue; // comments and raw HTML are not shown to people
      }
      String text;
      if (block instanceof BulletList || block instanceof OrderedList) {
        text = list(block);
      } else {
        text = renderer.render(block).strip();
      }
      if (!text.isBlank()) {
        out.add(text.replaceAll("[ \\t]+", " ").strip());
      }
    }
    return out;
  }

  private String list(Node list) {
    List<String> items = new ArrayList<>();
    int number = 1;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (item instanceof ListItem) {
        String prefix = list instanceof OrderedList ? (number++) + ". " : "• ";
        items.add(prefix + renderer.render(item).strip().replaceAll("\\s*\\n\\s*", " "));
      }
    }
    return String.join("\n", items);
  }
}
