package fi.luotsi.bench;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large synthetic knowledge base for speed measurements: sections recombined from the real ones
 * (their headings, questions and sentences shuffled across sections, with a fixed seed), so that
 * vocabulary and lengths are realistic.
 */
final class GeneratedKnowledge {
  private GeneratedKnowledge() {}

  static KnowledgeBase of(KnowledgeBase real, int size) {
    List<Section> base = real.sections();
    if (base.isEmpty()) {
      return real;
    }
    List<String> sentences = new ArrayList<>();
    for (Section s : base) {
      for (String paragraph : s.text()) {
        for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
          sentences.add(sentence);
        }
      }
    }
    Random random = new Random(42);
    List<Section> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Section model = base.get(i % base.size());
      List<String> text = new ArrayList<>();
      StringBuilder paragraph = new StringBuilder();
      int count = 3 + random.nextInt(6);
      for (int j = 0; j < count; j++) {
        paragraph.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
      }
      text.add(paragraph.toString().strip());
      String path = "generated/part-" + (i / 50) + ".md";
      String heading = model.heading() + " " + (i + 1);
      out.add(
          new Section(
              path + "#" + Section.slug(heading),
              path,
              model.documentTitle(),
              heading,
              text,
              model.language(),
              model.tags(),
              model.questions(),
              model.citation(),
              model.url(),
              1 + i));
    }
    return new KnowledgeBase(out, List.of(), Map.of());
  }
}
