package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;

/**
 * Turns a question into the Lucene query and the content terms used for coverage. The query is a
 * weighted sum (BooleanQuery of SHOULD clauses) over the question language's stemmed fields with
 * query-time synonyms, the 4-gram field, fuzzy matches on unstemmed words and a sloppy phrase,
 * filtered to sections of that language.
 */
final class QueryPlan {
  private final Predicate<TermGroup> known;
  private final TermLookup lookup;
  private final Map<Language, Analyzer> stemAnalyzers = new EnumMap<>(Language.class);
  private final Map<Language, FieldQueries> stemBuilders = new EnumMap<>(Language.class);
  private final Analyzer gramAnalyzer;
  private final Analyzer plainAnalyzer;
  private final LanguageResources resources;
  private final Tuning tuning;
  private final Map<Language, Vocabulary> vocabularies;

  /**
   * One content word of a question.
   *
   * @param stems its stems, with its synonyms' stems
   * @param surface the word as typed (lower case)
   * @param near the index's unstemmed words within typing distance of it (see {@link #fuzzyQuery}),
   *     itself included when indexed; for a known word only itself and its forms with or without
   *     dots (see {@link #near}); empty for words under five letters
   * @param known whether some section has one of its stems: then it is taken as spelled right
   */
  record TermGroup(Set<String> stems, String surface, List<String> near, boolean known) {
    TermGroup(Set<String> stems, String surface) {
      this(stems, surface, List.of(), false);
    }
  }

  record Planned(Optional<Query> query, List<TermGroup> terms) {
    int contentWords() {
      return terms.size();
    }
  }

  QueryPlan(
      LanguageResources resources,
      Map<Language, SynonymMap> synonyms,
      Tuning tuning,
      Map<Language, Vocabulary> vocabularies,
      Predicate<TermGroup> known,
      TermLookup lookup) {
    this.resources = resources;
    this.tuning = tuning;
    this.vocabularies = vocabularies;
    this.known = known;
    this.lookup = lookup;
    for (Language language : Language.values()) {
      Analyzer stem =
          resources.questionStems(
              language,
              synonyms.get(language).fst == null ? null : synonyms.get(language),
              lookup.undotted(language));
      stemAnalyzers.put(language, stem);
      stemBuilders.put(language, new FieldQueries(stem, lookup));
    }
    CharArraySet stops = resources.allQueryStopwords();
    this.gramAnalyzer = new TextChain(TextChain.Kind.GRAM, Language.FI, stops, null, null, null);
    this.plainAnalyzer = resources.questionSurfaces();
  }

  /**
   * The features the section classifier sees of a text analysed into {@code stems}: the stems'
   * features ({@link SectionClassifier#features}) and what its question words ask for ({@code
   * intents}, from {@link #intents}).
   */
  List<String> classifierFeatures(List<? extends Iterable<String>> stems, List<String> intents) {
    List<String> out = new ArrayList<>(SectionClassifier.features(stems));
    out.addAll(intents);
    return out;
  }

  /**
   * The classifier's features of a whole text of {@code language} (a phrasing or an out-of-scope
   * example), analysed as a question is.
   */
  List<String> classifierFeatures(Language language, String text) {
    return classifierFeatures(
        new ArrayList<>(tokens(questionStems(language), text).values()), intents(language, text));
  }

  /** What the question words of a text ask for ({@code "?who"}, {@code "?when"}, …). */
  List<String> intents(Language language, String text) {
    return resources.intents(language, text);
  }

  /** The question analysis of {@code language}: stems with the synonyms' stems. */
  Analyzer questionStems(Language language) {
    return stemAnalyzers.get(language);
  }

  Planned plan(String question, Language language) {
    String text = question == null ? "" : question.strip();
    if (text.length() > 1000) {
      text = text.substring(0, 1000);
    }
    List<TermGroup> terms = terms(text, language);
    if (terms.isEmpty()) {
      return new Planned(Optional.empty(), terms);
    }
    // One analysis of the question for the four stemmed fields (it was one per field).
    List<Query> stemmed =
        stemBuilders
            .get(language)
            .create(
                text,
                List.of(
                    LuceneKnowledgeIndex.field(language, "title"),
                    LuceneKnowledgeIndex.field(language, "q"),
                    LuceneKnowledgeIndex.field(language, "body"),
                    LuceneKnowledgeIndex.field(language, "doc")));
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    add(should, stemmed.get(0), tuning.title());
    add(should, stemmed.get(1), tuning.questions());
    add(should, stemmed.get(2), tuning.body());
    add(should, stemmed.get(3), tuning.doc());
    if (tuning.phrase() > 0) {
      add(
          should,
          stemBuilders
              .get(language)
              .createPhraseQuery(LuceneKnowledgeIndex.field(language, "body"), text, 2),
          tuning.phrase());
    }
    Set<String> unknown = new HashSet<>();
    for (TermGroup group : terms) {
      if (!group.known()) {
        unknown.add(group.surface());
      }
    }
    add(should, gramQuery(text, unknown, language), tuning.gram());
    add(should, fuzzyQuery(terms, language), tuning.fuzzy());
    BooleanQuery scoring = should.build();
    if (scoring.clauses().isEmpty()) {
      return new Planned(Optional.empty(), terms);
    }
    // Every field is per language, so no language filter is needed: a filter clause made Lucene
    // check each candidate's language and doubled the cost of a search at 5,000 sections.
    return new Planned(Optional.of(scoring), terms);
  }

  /**
   * Adds {@code query} scaled by {@code weight} as SHOULD clauses of {@code builder}, a pure
   * disjunction as its own (boosted) clauses: the sum is the same, but Lucene's top-k scoring
   * (MaxScore) can skip documents only when it sees every term clause with its own maximum score,
   * and it does not look into a boosted nested disjunction.
   */
  private static void add(BooleanQuery.Builder builder, Query query, float weight) {
    if (query == null || weight <= 0) {
      return;
    }
    if (query instanceof BoostQuery boost) {
      add(builder, boost.getQuery(), weight * boost.getBoost());
    } else if (query instanceof BooleanQuery bool && pureDisjunction(bool)) {
      for (BooleanClause clause : bool.clauses()) {
        add(builder, clause.query(), weight);
      }
    } else {
      builder.add(weight == 1f ? query : new BoostQuery(query, weight), BooleanClause.Occur.SHOULD);
    }
  }

  private static boolean pureDisjunction(BooleanQuery query) {
    return query.getMinimumNumberShouldMatch() == 0
        && query.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD);
  }

  /**
   * The grams of each word whose stems no section has (compounds, misspellings, forms the stemmer
   * misses), as SHOULD terms scaled so that every word weighs about the same. Words the stemmed
   * fields already match need no grams: leaving them out halves the cost of a search at 5,000
   * sections and, measured on the dev split, changes no answer's quality.
   */
  private Query gramQuery(String text, Set<String> words, Language language) {
    if (words.isEmpty()) {
      return null;
    }
    Map<Integer, List<String>> byWord = tokens(gramAnalyzer, text);
    Map<Integer, List<String>> plain = tokens(plainAnalyzer, text);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<Integer, List<String>> entry : byWord.entrySet()) {
      List<String> surface = plain.get(entry.getKey());
      if (surface == null || surface.isEmpty() || !words.contains(surface.get(0))) {
        continue;
      }
      List<String> grams = entry.getValue();
      BooleanQuery.Builder word = new BooleanQuery.Builder();
      for (String gram : new LinkedHashSet<>(grams)) {
        word.add(
            lookup.termQuery(
                new Term(LuceneKnowledgeIndex.field(language, LuceneKnowledgeIndex.GRAM), gram)),
            BooleanClause.Occur.SHOULD);
      }
      query.add(new BoostQuery(word.build(), 1f / grams.size()), BooleanClause.Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : query.build();
  }

  /**
   * Typo tolerance: each word of five or more letters matches the unstemmed index words within one
   * edit (two from eight letters), the best of them counting once per word. A word whose stems some
   * section has is taken as spelled right and matches only its own form: its neighbours within
   * typing distance are other real words ({@code kunnan / kunnat}) that pulled in sections on other
   * topics (on the dev split top-1 went 0.837 → 0.842, and two thirds of the unstemmed clauses
   * went).
   */
  private Query fuzzyQuery(List<TermGroup> terms, Language language) {
    BooleanQuery.Builder fuzzy = new BooleanQuery.Builder();
    int clauses = 0;
    for (TermGroup group : terms) {
      String word = group.surface();
      boolean spelledRight = group.known();
      List<Query> alternatives = new ArrayList<>();
      for (String similar : group.near()) {
        if (spelledRight && !similar.equals(word)) {
          continue;
        }
        Query term =
            lookup.termQuery(
                new Term(
                    LuceneKnowledgeIndex.field(language, LuceneKnowledgeIndex.PLAIN), similar));
        // Closer words count more, as FuzzyQuery's scoring does.
        float boost =
            similar.equals(word)
                ? 1f
                : Vocabulary.fold(similar).equals(Vocabulary.fold(word))
                        || Levenshtein.within(word, similar, 1)
                    ? 0.8f
                    : 0.6f;
        alternatives.add(new BoostQuery(term, boost));
      }
      if (!alternatives.isEmpty()) {
        fuzzy.add(new DisjunctionMaxQuery(alternatives, 0f), BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? null : fuzzy.build();
  }

  /**
   * The index words within typing distance of {@code word}, at most 20. A word whose stems some
   * section has ({@code spelledRight}) is taken as typed as meant: its near words are only its own
   * form and its forms with or without dots and rings. Its other neighbours are other real words
   * ({@code kunnan / kunnat}), which gave sections partial credit, in coverage and the phrasing
   * similarity, for words the question does not have (dev split: top-1 0.913 → 0.918, recall@3
   * 0.995 → 1.000), and looking for them was a tenth of the time of a long question's search.
   */
  private List<String> near(String word, boolean spelledRight, Language language) {
    int length = word.codePointCount(0, word.length());
    if (length < 5) {
      return List.of();
    }
    Vocabulary vocabulary = vocabularies.get(language);
    if (!spelledRight) {
      return vocabulary.similar(word, length >= 8 ? 2 : 1, 20);
    }
    List<String> out = vocabulary.undotted(word);
    if (lookup.mayContain(
        new Term(LuceneKnowledgeIndex.field(language, LuceneKnowledgeIndex.PLAIN), word))) {
      out.add(word);
    }
    return out;
  }

  /** Content words: the stemmed tokens grouped by the word they come from. */
  private List<TermGroup> terms(String text, Language language) {
    Map<Integer, List<String>> stems = tokens(stemAnalyzers.get(language), text);
    Map<Integer, List<String>> plain = tokens(plainAnalyzer, text);
    List<TermGroup> groups = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> entry : stems.entrySet()) {
      List<String> surface = plain.get(entry.getKey());
      String word = surface == null || surface.isEmpty() ? entry.getValue().get(0) : surface.get(0);
      Set<String> wordStems = new LinkedHashSet<>(entry.getValue());
      boolean spelledRight = known.test(new TermGroup(wordStems, word));
      groups.add(new TermGroup(wordStems, word, near(word, spelledRight, language), spelledRight));
    }
    return groups;
  }

  /** Tokens keyed by their start offset in the text (synonyms share their word's offset). */
  static Map<Integer, List<String>> tokens(Analyzer analyzer, String text) {
    return tokens(analyzer, "q", text);
  }

  static Map<Integer, List<String>> tokens(Analyzer analyzer, String field, String text) {
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.computeIfAbsent(offset.startOffset(), k -> new ArrayList<>()).add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
