package fi.luotsi.knowledge.lucene;

import static fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex.ORDINAL;
import static fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex.STEMMED_FAMILIES;
import static fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex.field;

import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.KnowledgeIndex.SearchResult;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One complete, immutable index generation of {@link LuceneKnowledgeIndex} and what was derived
 * from the same knowledge: the question analysis, coverage, phrasings and the two section
 * classifiers. Searches hold a reference on its reader; its files are deleted when the last one is
 * released after a newer generation has replaced it.
 */
final class IndexGeneration {
  private static final Logger log = LoggerFactory.getLogger(IndexGeneration.class);

  final long number;
  final IndexDirectory directory;
  final DirectoryReader reader;
  final List<Section> sections;
  final Map<String, Section> byId = new HashMap<>();
  final QueryPlan plan;
  final Coverage coverage;
  final Phrasings phrasings;
  final KnownTerms knownTerms;
  final SectionClassifier classifier;

  /**
   * The same kind of classifier trained with one more class, the out-of-scope examples, after the
   * sections (its index is the number of sections); empty when there are no examples. Kept apart
   * from {@link #classifier} so that the extra class does not change how sections are ranked.
   */
  final Optional<SectionClassifier> withOutside;

  /** What was wrong with the knowledge's own synonyms (the rest still serve). */
  final List<KnowledgeProblem> problems;

  IndexGeneration(
      long number,
      IndexDirectory directory,
      DirectoryReader reader,
      List<Section> sections,
      QueryPlan plan,
      Coverage coverage,
      Phrasings phrasings,
      KnownTerms knownTerms,
      SectionClassifier classifier,
      Optional<SectionClassifier> withOutside,
      List<KnowledgeProblem> problems) {
    this.number = number;
    this.directory = directory;
    this.reader = reader;
    this.sections = List.copyOf(sections);
    sections.forEach(s -> byId.put(s.id(), s));
    this.plan = plan;
    this.coverage = coverage;
    this.phrasings = phrasings;
    this.knownTerms = knownTerms;
    this.classifier = classifier;
    this.withOutside = withOutside;
    this.problems = List.copyOf(problems);
    reader.getReaderCacheHelper().addClosedListener(key -> deleteFiles());
  }

  boolean tryAcquire() {
    return reader.tryIncRef();
  }

  /**
   * Counts, for each language, the question's content words one of whose stems (analysed as a
   * question in that language) its sections have in a heading, alternate question, text or file
   * title; the language with the most, when it has more than every other.
   */
  Optional<Language> languageOfWords(String question) {
    Language best = null;
    int bestCount = 0;
    boolean tie = false;
    for (Language language : Language.values()) {
      int count = 0;
      for (List<String> stems : QueryPlan.tokens(plan.questionStems(language), question).values()) {
        if (stems.stream().anyMatch(stem -> hasStem(language, stem))) {
          count++;
        }
      }
      if (count > bestCount) {
        best = language;
        bestCount = count;
        tie = false;
      } else if (count == bestCount && count > 0) {
        tie = true;
      }
    }
    return tie ? Optional.empty() : Optional.ofNullable(best);
  }

  private boolean hasStem(Language language, String stem) {
    for (String family : STEMMED_FAMILIES) {
      if (knownTerms.totalTermFreq(field(language, family), stem) > 0) {
        return true;
      }
    }
    return false;
  }

  void release() {
    try {
      reader.decRef();
    } catch (IOException e) {
      log.warn("Closing knowledge index generation {} failed", number, e);
    }
  }

  SearchResult search(String question, Language language, int limit, BM25Similarity sim) {
    QueryPlan.Planned planned = plan.plan(question, language);
    Coverage.Question covered = coverage.question(planned.terms());
    if (planned.query().isEmpty() || sections.isEmpty()) {
      return new SearchResult(language, List.of(), planned.contentWords(), covered.unknownShare());
    }
    try {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(sim);
      Query query = planned.query().get(); // its term queries carry their statistics
      // No total hit count is needed: counting only the top `limit` lets Lucene skip the
      // documents that cannot reach them from the start (MaxScore) instead of after 1,000 hits.
      int wanted = Math.max(limit, 1);
      TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(wanted, wanted));
      List<Hit> hits = new ArrayList<>();
      List<LeafReaderContext> leaves = reader.leaves();
      PhrasingQuestion phrased =
          phrasings.question(planned.terms(), language, plan.intents(language, question));
      int[] ordinalsOf = new int[top.scoreDocs.length];
      for (int i = 0; i < ordinalsOf.length; i++) {
        ScoreDoc scoreDoc = top.scoreDocs[i];
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
        NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL);
        if (ordinals == null || !ordinals.advanceExact(scoreDoc.doc - leaf.docBase)) {
          throw new IllegalStateException("section without an ordinal in generation " + number);
        }
        int ordinal = (int) ordinals.longValue();
        ordinalsOf[i] = ordinal;
      }
      List<String> features =
          plan.classifierFeatures(
              planned.terms().stream().map(QueryPlan.TermGroup::stems).toList(), phrased.intents());
      double[] shares = classifier.probabilities(classifier.known(features), ordinalsOf);
      for (int i = 0; i < ordinalsOf.length; i++) {
        int ordinal = ordinalsOf[i];
        Section section = sections.get(ordinal);
        hits.add(
            new Hit(
                section,
                top.scoreDocs[i].score,
                covered.of(section),
                phrasings.best(phrased, ordinal),
                shares[i]));
      }
      int evidence = rerank(hits);
      return new SearchResult(
          language,
          hits,
          planned.contentWords(),
          covered.unknownShare(),
          evidence,
          phrasings.outside(phrased, language),
          outsideShare(features, ordinalsOf));
    } catch (IOException e) {
      throw new UncheckedIOException("knowledge search failed", e);
    }
  }

  /**
   * How much more the question looks like the out-of-scope examples than like the phrasings of its
   * most alike candidate, by {@link #withOutside}: the logistic of the difference of their scores
   * (0.5 when alike), learned from words, word pairs and question words rather than from one
   * closest example's wording. Compared with the best candidate alone, not shared among all, so
   * that it does not depend on how many candidates the search found; 0 without examples.
   */
  private double outsideShare(List<String> features, int[] candidates) {
    if (withOutside.isEmpty() || candidates.length == 0) {
      return 0;
    }
    SectionClassifier model = withOutside.get();
    int[] classes = Arrays.copyOf(candidates, candidates.length + 1);
    classes[candidates.length] = sections.size();
    double[] scores = model.scores(model.known(features), classes);
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < candidates.length; i++) {
      best = Math.max(best, scores[i]);
    }
    return 1 / (1 + Math.exp(best - scores[candidates.length]));
  }

  /**
   * Orders the candidates by their retrieval score relative to the best, scaled by coverage, so
   * that a section containing the question's words wins over one that only scores on a few, plus
   * the classifier's share and the closeness of the section's nearest phrasing ({@link
   * LuceneKnowledgeIndex#rank}). Returns the position, in the new order, of the candidate first by
   * the lexical part alone: its signals (not those of a section the learned parts moved ahead)
   * decide whether to answer, as the decline model was calibrated on such lexical evidence.
   */
  private static int rerank(List<Hit> hits) {
    if (hits.isEmpty()) {
      return 0;
    }
    double top = hits.stream().mapToDouble(Hit::score).max().orElse(1);
    hits.replaceAll(h -> h.ranked(LuceneKnowledgeIndex.rank(h, top)));
    Hit evidence =
        hits.stream()
            .max(Comparator.comparingDouble((Hit h) -> LuceneKnowledgeIndex.lexical(h, top)))
            .orElseThrow();
    hits.sort(Comparator.comparingDouble(Hit::rank).reversed());
    return hits.indexOf(evidence);
  }

  private void deleteFiles() {
    try {
      directory.close();
    } catch (IOException e) {
      log.warn("Cannot delete old knowledge index {}", directory.path(), e);
    }
  }
}
