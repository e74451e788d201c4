package fi.luotsi.knowledge.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.Sections;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The phrasing similarity of a section, computed from the places of the question's words in the
 * section's phrasings, equals its plain definition phrasing by phrasing.
 */
class PhrasingsBestTest {
  private static final LanguageResources RESOURCES = new LanguageResources();

  private static final List<Section> SECTIONS =
      List.of(
          Sections.finnish(
              "a.md#kokous",
              "Miten kokous kutsutaan koolle?",
              "Puheenjohtaja kutsuu kokouksen koolle.",
              // a word twice in one phrasing, and words shared between phrasings
              "kokous kokous milloin kokouskutsu lähetetään",
              "kuka kutsuu kokouksen koolle",
              "kokouskutsu sähköpostilla jäsenille"),
          Sections.finnish(
              "a.md#palkkio",
              "Mitä palkkioita maksetaan?",
              "Kunta maksaa kokouspalkkion.",
              "paljonko kokouspalkkio on",
              "saako matkakulut korvattua",
              "kokouspalkkio ja matkakulut kokouksesta"));

  @Test
  void theSimilarityFromWordPlacesEqualsThePhrasingByPhrasingDefinition() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(
              directory, new IndexWriterConfig(LuceneKnowledgeIndex.indexAnalyzer(RESOURCES)))) {
        for (Section section : SECTIONS) {
          Document doc = new Document();
          doc.add(
              new TextField(
                  LuceneKnowledgeIndex.field(Language.FI, "title"),
                  section.heading(),
                  Field.Store.NO));
          doc.add(
              new TextField(
                  LuceneKnowledgeIndex.field(Language.FI, "q"),
                  String.join("\n", section.questions()),
                  Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory);
          Phrasings.Analysis analysis = new Phrasings.Analysis(RESOURCES)) {
        KnownTerms terms =
            new KnownTerms(
                reader,
                List.of(
                    LuceneKnowledgeIndex.field(Language.FI, "title"),
                    LuceneKnowledgeIndex.field(Language.FI, "q")));
        Phrasings phrasings = new Phrasings(analysis, terms, SECTIONS, Map.of());
        int compared = 0;
        for (List<String> question :
            List.of(
                List.of("kokous", "kokouskutsu"),
                List.of("kokouspalkkio", "matkakulut"),
                // a typo: matched through its near words only
                List.of("kokouspalkio"),
                // a word matched by stem and, at the same places, by a near word
                List.of("kokouksen", "koolle", "matkakulut"),
                List.of("sähköpostilla", "jäsenille", "kokous", "palkkio"))) {
          for (List<String> intents : List.of(List.<String>of(), List.of("?when"))) {
            PhrasingQuestion prepared = phrasings.question(groups(question), Language.FI, intents);
            for (int ordinal = 0; ordinal < SECTIONS.size(); ordinal++) {
              double reference = phrasings.bestOneByOne(prepared, ordinal);
              assertThat(phrasings.best(prepared, ordinal))
                  .as("%s in section %d", question, ordinal)
                  .isCloseTo(reference, within(1e-12));
              if (reference > 0) {
                compared++;
              }
            }
          }
        }
        assertThat(compared).isGreaterThan(10);
      }
    }
  }

  /**
   * The question's words as the query plan groups them: each word's stems, and as near words the
   * phrasings' unstemmed words within one edit of it.
   */
  private static List<QueryPlan.TermGroup> groups(List<String> words) {
    List<String> vocabulary = new ArrayList<>();
    for (Section section : SECTIONS) {
      for (String text : section.questions()) {
        vocabulary.addAll(List.of(text.split(" ")));
      }
    }
    List<QueryPlan.TermGroup> out = new ArrayList<>();
    for (String word : words) {
      List<String> stems =
          QueryPlan.tokens(RESOURCES.questionStems(Language.FI, null), word).values().stream()
              .flatMap(List::stream)
              .toList();
      List<String> near =
          vocabulary.stream().distinct().filter(v -> Levenshtein.within(word, v, 1)).toList();
      out.add(new QueryPlan.TermGroup(new LinkedHashSet<>(stems), word, near, false));
    }
    return out;
  }
}
