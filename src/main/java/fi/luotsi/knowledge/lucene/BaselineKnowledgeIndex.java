package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.QueryBuilder;

/**
 * A plain BM25 baseline for the benchmark: every section's heading, alternate questions and text in
 * one field, analysed with Lucene's {@link StandardAnalyzer} or {@link FinnishAnalyzer} (what
 * Elasticsearch's {@code finnish} analyzer does), queried as an OR of the question's words. It has
 * no way to decline, so every hit reports coverage 1: it always answers when anything matches.
 *
 * <p>Like {@link LuceneKnowledgeIndex} it keeps its index in memory or, given a directory, on disk
 * (memory-mapped, as Luotsi serves), so that the two are timed on the same kind of directory.
 */
public final class BaselineKnowledgeIndex implements KnowledgeIndex {

  /** The analyzer of the baseline. */
  public enum Kind {
    STANDARD,
    FINNISH
  }

  private final Analyzer analyzer;
  private final Path baseDirectory;
  private volatile State state;

  private record State(
      DirectoryReader reader,
      IndexDirectory directory,
      List<Section> sections,
      Map<String, Section> byId) {
    void close() throws IOException {
      reader.close();
      directory.close();
    }
  }

  /** A baseline whose index is kept in memory. */
  public BaselineKnowledgeIndex(Kind kind) {
    this(kind, null);
  }

  /**
   * @param baseDirectory where each build's index is written (a new directory per build, removed
   *     when replaced or closed); null keeps it in memory
   */
  public BaselineKnowledgeIndex(Kind kind, Path baseDirectory) {
    this.analyzer = kind == Kind.STANDARD ? new StandardAnalyzer() : new FinnishAnalyzer();
    this.baseDirectory = baseDirectory;
  }

  @Override
  public void rebuild(KnowledgeBase knowledge) {
    try {
      IndexDirectory directory = IndexDirectory.create(baseDirectory, "baseline-");
      try (IndexWriter writer =
          new IndexWriter(directory.directory(), new IndexWriterConfig(analyzer))) {
        for (Section section : knowledge.sections()) {
          Document doc = new Document();
          doc.add(new StringField("id", section.id(), Field.Store.YES));
          doc.add(
              new TextField(
                  "text",
                  section.heading()
                      + "\n"
                      + String.join("\n", section.questions())
                      + "\n"
                      + section.body(),
                  Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      Map<String, Section> byId = new HashMap<>();
      knowledge.sections().forEach(s -> byId.put(s.id(), s));
      State old = state;
      state =
          new State(
              DirectoryReader.open(directory.directory()), directory, knowledge.sections(), byId);
      if (old != null) {
        old.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public SearchResult search(String question, Language language, int limit) {
    State current = state;
    Query query = new QueryBuilder(analyzer).createBooleanQuery("text", question);
    if (query == null || current == null) {
      return new SearchResult(language, List.of(), 0);
    }
    try {
      IndexSearcher searcher = new IndexSearcher(current.reader());
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(query, limit).scoreDocs) {
        Section section = current.byId().get(searcher.storedFields().document(sd.doc).get("id"));
        hits.add(new Hit(section, sd.score, 1.0));
      }
      return new SearchResult(language, hits, 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Section> sections() {
    return state == null ? List.of() : state.sections();
  }

  @Override
  public Optional<Section> section(String id) {
    return state == null ? Optional.empty() : Optional.ofNullable(state.byId().get(id));
  }

  @Override
  public void close() {
    try {
      if (state != null) {
        state.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      analyzer.close();
    }
  }
}
