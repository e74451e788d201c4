package fi.luotsi.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The searchable knowledge base. {@link #rebuild} builds a complete new index aside and swaps it in
 * atomically: a search sees either the old knowledge or the new, never a half-built index.
 *
 * <p>Implementations are thread-safe; searches run concurrently with a rebuild.
 */
public interface KnowledgeIndex extends AutoCloseable {

  /** Replaces the indexed knowledge with {@code knowledge}'s sections. */
  void rebuild(KnowledgeBase knowledge);

  /**
   * Finds the sections of {@code language} that best answer {@code question}, best first.
   *
   * @param limit the most hits to return
   * @return hits with their scores and query coverage; empty hits when nothing matches
   */
  SearchResult search(String question, Language language, int limit);

  /**
   * The language whose sections contain more of the question's words than any other language's, for
   * a question whose function words do not tell its language (a keyword question such as {@code
   * tystnadsplikt} or {@code confidentiality elected official}); empty when no language's sections
   * contain more of them than the others'.
   */
  default Optional<Language> languageOfWords(String question) {
    return Optional.empty();
  }

  /** The sections currently served. */
  List<Section> sections();

  /** A section by id, from the current index. */
  Optional<Section> section(String id);

  /**
   * What the last {@link #rebuild} refused beyond the knowledge base's own problems, such as a
   * directory synonym rule that does not parse (the other rules still apply); empty when none.
   */
  default List<KnowledgeProblem> problems() {
    return List.of();
  }

  /** Releases the index files. */
  @Override
  void close();

  /**
   * One candidate section.
   *
   * @param section the section
   * @param score the retrieval score (only comparable within one search)
   * @param coverage the IDF-weighted share of the question's content words that the section
   *     contains (0 to 1), comparable across questions
   * @param phrasing how closely the question matches the section's closest single phrasing (its
   *     heading or one of its alternate questions), 0 to 1, comparable across questions; 0 from an
   *     index that does not compute it
   * @param classifier the section's share (0 to 1, the candidates' shares summing to 1) under a
   *     classifier of sections learned from the knowledge's phrasings; 0 from an index without one
   * @param rank the score by which the index ordered its candidates, best first (only comparable
   *     within one search): the retrieval score itself where an index orders by it
   */
  record Hit(
      Section section,
      double score,
      double coverage,
      double phrasing,
      double classifier,
      double rank) {
    public Hit {
      Objects.requireNonNull(section, "section");
    }

    /** A hit ordered by its retrieval score. */
    public Hit(Section section, double score, double coverage, double phrasing, double classifier) {
      this(section, score, coverage, phrasing, classifier, score);
    }

    /** The same hit with the rank its index gave it. */
    public Hit ranked(double rank) {
      return new Hit(section, score, coverage, phrasing, classifier, rank);
    }

    /** A hit without a classifier share. */
    public Hit(Section section, double score, double coverage, double phrasing) {
      this(section, score, coverage, phrasing, 0);
    }

    /** A hit without a phrasing similarity. */
    public Hit(Section section, double score, double coverage) {
      this(section, score, coverage, 0);
    }
  }

  /**
   * The outcome of a search.
   *
   * @param language the language searched
   * @param hits best first
   * @param contentWords how many content words the question had after removing question words and
   *     stopwords (0 means there was nothing to search for)
   * @param unknownShare the IDF-weighted share of those content words that no section of the
   *     knowledge base contains at all (0 to 1); a question built around words the knowledge base
   *     never uses is probably about something else
   * @param evidence the position in {@code hits} of the candidate with the strongest lexical
   *     evidence (first by retrieval score and coverage alone), whose signals decide whether to
   *     answer at all; the first hit, unless a learned ranking moved another one ahead of it
   * @param outside how closely (0 to 1) the question matches the closest example of what people ask
   *     that the knowledge is not meant to answer (the out-of-scope examples); 0 when there are
   *     none
   * @param outsideShare how much more (0 to 1, 0.5 when alike) the question looks like the
   *     out-of-scope examples than like its most alike candidate's phrasings, to a classifier
   *     trained on the sections' phrasings with the examples as one more class: "none of these",
   *     learned from the examples' words, word pairs and question words rather than from the
   *     closest example's wording
   */
  record SearchResult(
      Language language,
      List<Hit> hits,
      int contentWords,
      double unknownShare,
      int evidence,
      double outside,
      double outsideShare) {
    public SearchResult {
      Objects.requireNonNull(language, "language");
      hits = List.copyOf(hits);
      if (!(unknownShare >= 0 && unknownShare <= 1)) {
        throw new IllegalArgumentException("unknownShare must be within 0..1: " + unknownShare);
      }
      if (!(outside >= 0 && outside <= 1)) {
        throw new IllegalArgumentException("outside must be within 0..1: " + outside);
      }
      if (!(outsideShare >= 0 && outsideShare <= 1)) {
        throw new IllegalArgumentException("outsideShare must be within 0..1: " + outsideShare);
      }
      if (evidence < 0 || (evidence > 0 && evidence >= hits.size())) {
        throw new IllegalArgumentException(
            "evidence must be a position in the " + hits.size() + " hits: " + evidence);
      }
    }

    /**
     * A result without an out-of-scope class: its share is taken to be the closest example's
     * similarity.
     */
    public SearchResult(
        Language language,
        List<Hit> hits,
        int contentWords,
        double unknownShare,
        int evidence,
        double outside) {
      this(language, hits, contentWords, unknownShare, evidence, outside, outside);
    }

    /** A result that was not compared with out-of-scope examples. */
    public SearchResult(
        Language language, List<Hit> hits, int contentWords, double unknownShare, int evidence) {
      this(language, hits, contentWords, unknownShare, evidence, 0);
    }

    /** A result whose first hit is also the one with the strongest lexical evidence. */
    public SearchResult(Language language, List<Hit> hits, int contentWords, double unknownShare) {
      this(language, hits, contentWords, unknownShare, 0);
    }

    /** A result of an index that does not know which words are unknown. */
    public SearchResult(Language language, List<Hit> hits, int contentWords) {
      this(language, hits, contentWords, 0);
    }

    /**
     * This result of searching another language's content for a question first searched in its own
     * language ({@code own}): the question keeps its own count of content words (the other
     * language's analysis counts the question's function words as content words) and is at least as
     * close to the out-of-scope examples as it was to its own language's.
     */
    public SearchResult asFallbackOf(SearchResult own) {
      return new SearchResult(
          language,
          hits,
          own.contentWords(),
          unknownShare,
          evidence,
          Math.max(outside, own.outside()),
          Math.max(outsideShare, own.outsideShare()));
    }

    /** The hit at {@link #evidence}; empty when there are no hits. */
    public java.util.Optional<Hit> evidenceHit() {
      return hits.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(hits.get(evidence));
    }
  }
}
