package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of knowledge sections: one document per section, each indexed into stemmed
 * fields of its language ({@code fi_title}, {@code fi_q}, {@code fi_body}, {@code fi_doc}, and
 * likewise {@code sv_*}, {@code en_*}), a character 4-gram field and an unstemmed field. See {@link
 * QueryPlan} for how a question is searched, {@link Coverage} for the calibrated part and {@link
 * Phrasings} for the similarity to a section's closest single phrasing.
 *
 * <p>Each rebuild writes a complete new index (a fresh folder under the base directory, or memory)
 * and swaps it in with one atomic reference update; searches in flight finish on the old one, which
 * is closed and deleted when the last of them releases it ({@link IndexGeneration}).
 */
public final class LuceneKnowledgeIndex implements KnowledgeIndex {
  private static final Logger log = LoggerFactory.getLogger(LuceneKnowledgeIndex.class);

  static final String ID = "id";

  /** The field family of character 4-grams (one field per language, as every field here). */
  static final String GRAM = "gram";

  /** The field family of unstemmed words (one field per language). */
  static final String PLAIN = "plain";

  /**
   * The field families of stemmed words: heading, alternate questions, text, file title and tags.
   */
  static final List<String> STEMMED_FAMILIES = List.of("title", "q", "body", "doc");

  /**
   * The section's place in the generation's list, as a doc value: reading it is far cheaper than
   * decompressing the stored id of every hit.
   */
  static final String ORDINAL = "ord";

  /** Chosen on the dev split: how much the retrieval score counts beside coverage in ranking. */
  static final double RERANK_BASE = 0.5;

  /**
   * Chosen on the dev split and the phrasing pseudo-questions: how much the section classifier's
   * share among the candidates adds to the rank (the best candidate's own part is at most 1.5).
   */
  static final double RERANK_CLASSIFIER = 1.0;

  /**
   * Chosen on the dev split: how much the similarity of the question to the section's closest
   * heading or alternate phrasing adds to the rank (0 to 1, as the classifier's share).
   */
  static final double RERANK_PHRASING = 1.0;

  private final Path baseDirectory;
  private final LanguageResources resources = new LanguageResources();
  private final Analyzer indexAnalyzer;
  private final Phrasings.Analysis phrasingAnalysis;
  private final AtomicReference<IndexGeneration> current = new AtomicReference<>();
  private final AtomicLong generations = new AtomicLong();
  private final Tuning tuning;
  private final BM25Similarity similarity;

  /**
   * @param baseDirectory where index generations are written; null keeps them in memory
   */
  public LuceneKnowledgeIndex(Path baseDirectory) {
    this(baseDirectory, Tuning.DEFAULT);
  }

  LuceneKnowledgeIndex(Path baseDirectory, Tuning tuning) {
    this.baseDirectory = baseDirectory;
    this.tuning = tuning;
    this.similarity = new BM25Similarity(tuning.k1(), tuning.b());
    this.indexAnalyzer = indexAnalyzer(resources);
    this.phrasingAnalysis = new Phrasings.Analysis(resources);
    rebuild(new KnowledgeBase(List.of(), List.of(), Map.of()));
  }

  static String field(Language language, String family) {
    return language.code() + "_" + family;
  }

  static Analyzer indexAnalyzer(LanguageResources resources) {
    Map<String, Analyzer> fields = new HashMap<>();
    for (Language language : Language.values()) {
      TextChain stem =
          new TextChain(
              TextChain.Kind.STEM,
              language,
              resources.stopwords(language),
              null,
              language == Language.FI ? resources.finnishOverrides() : null,
              null);
      for (String family : STEMMED_FAMILIES) {
        fields.put(field(language, family), stem);
      }
    }
    Analyzer gram =
        new TextChain(TextChain.Kind.GRAM, Language.FI, CharArraySet.EMPTY_SET, null, null, null);
    Analyzer plain =
        new TextChain(TextChain.Kind.PLAIN, Language.FI, CharArraySet.EMPTY_SET, null, null, null);
    for (Language language : Language.values()) {
      fields.put(field(language, GRAM), gram);
      fields.put(field(language, PLAIN), plain);
    }
    return new PerFieldAnalyzerWrapper(plain, fields);
  }

  @Override
  public void rebuild(KnowledgeBase knowledge) {
    long started = System.nanoTime();
    IndexGeneration next = build(knowledge);
    IndexGeneration previous = current.getAndSet(next);
    if (previous != null) {
      previous.release();
    }
    log.info(
        "Knowledge index generation {} ready: {} sections in {} ms",
        next.number,
        next.sections.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private IndexGeneration build(KnowledgeBase knowledge) {
    long number = generations.incrementAndGet();
    try {
      IndexDirectory directory = IndexDirectory.create(baseDirectory, "gen-" + number + "-");
      IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer);
      config.setSimilarity(similarity);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      // One segment for any knowledge base we expect (5,000 sections fill about 20 MB): a search
      // then walks one terms dictionary instead of one per flushed segment.
      config.setRAMBufferSizeMB(256);
      try (IndexWriter writer = new IndexWriter(directory.directory(), config)) {
        int ordinal = 0;
        for (Section section : knowledge.sections()) {
          writer.addDocument(document(section, ordinal++));
        }
        writer.commit();
      }
      DirectoryReader reader = DirectoryReader.open(directory.directory());
      Map<Language, SynonymMap> synonyms = new EnumMap<>(Language.class);
      List<KnowledgeProblem> problems = new ArrayList<>();
      for (Language language : Language.values()) {
        synonyms.put(
            language, resources.synonyms(language, knowledge.synonyms(language), problems));
      }
      Coverage coverage = new Coverage(indexAnalyzer, knowledge.sections());
      KnownTerms knownTerms = knownTerms(reader);
      Map<Language, List<String>> outOfScope = new EnumMap<>(Language.class);
      for (Language language : Language.values()) {
        List<String> examples = new ArrayList<>(resources.outOfScope(language));
        examples.addAll(knowledge.outOfScope(language));
        outOfScope.put(language, examples);
      }
      Phrasings phrasings =
          new Phrasings(phrasingAnalysis, knownTerms, knowledge.sections(), outOfScope);
      QueryPlan plan =
          new QueryPlan(
              resources, synonyms, tuning, vocabularies(reader), coverage::known, knownTerms);
      List<Section> byDoc = new ArrayList<>(knowledge.sections());
      long training = System.nanoTime();
      List<List<List<String>>> texts = classifierTexts(knowledge.sections(), plan);
      SectionClassifier classifier =
          SectionClassifier.train(texts, SectionClassifier.Options.DEFAULT);
      List<List<String>> outside =
          balanced(outsideTexts(outOfScope, plan), texts.stream().mapToInt(List::size).sum());
      Optional<SectionClassifier> withOutside = Optional.empty();
      if (!outside.isEmpty() && !texts.isEmpty()) {
        List<List<List<String>>> all = new ArrayList<>(texts);
        all.add(outside);
        withOutside = Optional.of(SectionClassifier.train(all, SectionClassifier.Options.DEFAULT));
      }
      log.debug(
          "Section classifiers: {} and {} weights trained in {} ms",
          classifier.size(),
          withOutside.map(SectionClassifier::size).orElse(0),
          (System.nanoTime() - training) / 1_000_000);
      return new IndexGeneration(
          number,
          directory,
          reader,
          byDoc,
          plan,
          coverage,
          phrasings,
          knownTerms,
          classifier,
          withOutside,
          problems);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the knowledge index", e);
    }
  }

  /**
   * The section classifier's training texts: each section's heading and alternate questions,
   * analysed as a question is, by the generation's own question analysis (stems with synonyms'
   * stems, question words and stopwords left out).
   */
  private static List<List<List<String>>> classifierTexts(List<Section> sections, QueryPlan plan) {
    List<List<List<String>>> texts = new ArrayList<>(sections.size());
    for (Section section : sections) {
      List<String> phrasings = new ArrayList<>();
      phrasings.add(section.heading());
      phrasings.addAll(section.questions());
      List<List<String>> features = new ArrayList<>();
      for (String text : phrasings) {
        features.add(plan.classifierFeatures(section.language(), text));
      }
      texts.add(features);
    }
    return texts;
  }

  /**
   * At most {@code limit} of {@code examples}, evenly spread over them: the out-of-scope class
   * never learns from more texts than all the sections together, or in a small knowledge base it
   * would outweigh every section (the built-in examples are some 1,300 questions).
   */
  static <T> List<T> balanced(List<T> examples, int limit) {
    if (examples.size() <= limit) {
      return examples;
    }
    List<T> out = new ArrayList<>(limit);
    for (int i = 0; i < limit; i++) {
      out.add(examples.get((int) ((long) i * examples.size() / limit)));
    }
    return out;
  }

  /**
   * The out-of-scope examples of every language analysed as questions of that language: the
   * training texts of one more class, "none of the sections", beside the sections' own.
   */
  private static List<List<String>> outsideTexts(
      Map<Language, List<String>> outOfScope, QueryPlan plan) {
    List<List<String>> out = new ArrayList<>();
    outOfScope.forEach(
        (language, examples) -> {
          for (String text : examples) {
            out.add(plan.classifierFeatures(language, text));
          }
        });
    return out;
  }

  /** Each language's unstemmed index words, for typo tolerance within that language. */
  private static Map<Language, Vocabulary> vocabularies(IndexReader reader) {
    Map<Language, Vocabulary> out = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      out.put(language, new Vocabulary(reader, field(language, PLAIN)));
    }
    return out;
  }

  /**
   * The terms looked up once per generation: every field a question's query uses (the grams too:
   * about 15,000 terms for the shipped knowledge, 20,000 at 5,000 sections).
   */
  private static KnownTerms knownTerms(IndexReader reader) {
    List<String> fields = new ArrayList<>();
    for (Language language : Language.values()) {
      for (String family : List.of("title", "q", "body", "doc", GRAM, PLAIN)) {
        fields.add(field(language, family));
      }
    }
    return new KnownTerms(reader, fields);
  }

  private static Document document(Section section, int ordinal) {
    Language language = section.language();
    Document doc = new Document();
    doc.add(new StringField(ID, section.id(), Field.Store.YES));
    doc.add(new NumericDocValuesField(ORDINAL, ordinal));
    doc.add(new TextField(field(language, "title"), section.heading(), Field.Store.NO));
    doc.add(
        new TextField(
            field(language, "q"), String.join("\n", section.questions()), Field.Store.NO));
    doc.add(new TextField(field(language, "body"), section.body(), Field.Store.NO));
    String context = section.documentTitle() + "\n" + String.join(" ", section.tags());
    doc.add(new TextField(field(language, "doc"), context, Field.Store.NO));
    String all =
        section.heading() + "\n" + String.join("\n", section.questions()) + "\n" + section.body();
    doc.add(new TextField(field(language, GRAM), all, Field.Store.NO));
    doc.add(new TextField(field(language, PLAIN), all, Field.Store.NO));
    doc.add(new StoredField("docTitle", section.documentTitle()));
    return doc;
  }

  @Override
  public SearchResult search(String question, Language language, int limit) {
    IndexGeneration generation = acquire();
    try {
      return generation.search(question, language, limit, similarity);
    } finally {
      generation.release();
    }
  }

  @Override
  public Optional<Language> languageOfWords(String question) {
    IndexGeneration generation = acquire();
    try {
      return generation.languageOfWords(question);
    } finally {
      generation.release();
    }
  }

  @Override
  public List<KnowledgeProblem> problems() {
    return current.get().problems;
  }

  @Override
  public List<Section> sections() {
    return current.get().sections;
  }

  @Override
  public Optional<Section> section(String id) {
    return Optional.ofNullable(current.get().byId.get(id));
  }

  private IndexGeneration acquire() {
    while (true) {
      IndexGeneration generation = current.get();
      if (generation.tryAcquire()) {
        return generation;
      }
    }
  }

  @Override
  public void close() {
    IndexGeneration last = current.getAndSet(null);
    if (last != null) {
      last.release();
    }
    indexAnalyzer.close();
    phrasingAnalysis.close();
  }

  /** A candidate's lexical evidence: its score relative to the best, scaled by its coverage. */
  static double lexical(Hit h, double top) {
    return h.score() / top * (RERANK_BASE + h.coverage());
  }

  /** A candidate's rank: its lexical evidence plus the classifier's share and phrasing match. */
  static double rank(Hit h, double top) {
    return lexical(h, top) + RERANK_CLASSIFIER * h.classifier() + RERANK_PHRASING * h.phrasing();
  }
}
