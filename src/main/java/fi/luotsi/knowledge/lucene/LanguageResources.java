package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in language resources that ship in the jar and apply to any knowledge directory:
 * question words (query-side stopwords), domain synonyms, Finnish stem corrections and example
 * questions outside the assistant's scope, and the intents of question words. A knowledge directory
 * adds its own synonym rules and out-of-scope examples on top.
 *
 * <p>Files under {@code fi/luotsi/knowledge/lucene/} on the classpath, UTF-8, {@code #} comments:
 * {@code question-words-LANG.txt} (one surface form per line), {@code synonyms-LANG.txt} (Solr
 * synonym format), {@code stem-overrides-fi.txt} ({@code word<TAB>canonical word}; both sides are
 * stemmed, so every form sharing the left stem maps to the right one's stem), {@code
 * out-of-scope-LANG.txt} (one question per line: what people ask that the knowledge does not
 * answer, the "none" intent of the decline decision; see {@code Phrasings#outside}), {@code
 * question-intents-LANG.txt} ({@code intent: word word …}: what a question word asks for, a feature
 * of the section classifier).
 */
final class LanguageResources {
  private static final Logger log = LoggerFactory.getLogger(LanguageResources.class);
  private static final String BASE = "/fi/luotsi/knowledge/lucene/";
  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}]+");

  private final Map<Language, CharArraySet> stopwords = new EnumMap<>(Language.class);
  private final Map<Language, CharArraySet> questionWords = new EnumMap<>(Language.class);
  private final Map<Language, List<String>> synonymRules = new EnumMap<>(Language.class);
  private final Map<Language, List<String>> outOfScope = new EnumMap<>(Language.class);
  private final Map<Language, Map<String, String>> intents = new EnumMap<>(Language.class);
  private final StemmerOverrideFilter.StemmerOverrideMap finnishOverrides;

  LanguageResources() {
    stopwords.put(Language.FI, FinnishAnalyzer.getDefaultStopSet());
    stopwords.put(Language.SV, SwedishAnalyzer.getDefaultStopSet());
    stopwords.put(Language.EN, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    for (Language language : Language.values()) {
      questionWords.put(
          language, new CharArraySet(lines("question-words-" + language.code() + ".txt"), true));
      synonymRules.put(language, lines("synonyms-" + language.code() + ".txt"));
      outOfScope.put(language, lines("out-of-scope-" + language.code() + ".txt"));
      intents.put(language, intents("question-intents-" + language.code() + ".txt"));
    }
    finnishOverrides = buildOverrides();
  }

  CharArraySet stopwords(Language language) {
    return stopwords.get(language);
  }

  CharArraySet questionWords(Language language) {
    return questionWords.get(language);
  }

  /** Every language's stopwords and question words: for the language-neutral query fields. */
  CharArraySet allQueryStopwords() {
    CharArraySet all = new CharArraySet(512, true);
    for (Language language : Language.values()) {
      all.addAll(stopwords.get(language));
      all.addAll(questionWords.get(language));
    }
    return CharArraySet.unmodifiableSet(all);
  }

  /**
   * The built-in example questions in {@code language} that the knowledge is not meant to answer.
   */
  List<String> outOfScope(Language language) {
    return outOfScope.get(language);
  }

  /**
   * What the question asks for by its question words, as classifier features ({@code "?who"}), in
   * the order of the words, each once.
   */
  List<String> intents(Language language, String text) {
    Map<String, String> byWord = intents.get(language);
    Set<String> out = new LinkedHashSet<>();
    for (String word : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
      String intent = byWord.get(word);
      if (intent != null) {
        out.add("?" + intent);
      }
    }
    return List.copyOf(out);
  }

  StemmerOverrideFilter.StemmerOverrideMap finnishOverrides() {
    return finnishOverrides;
  }

  /**
   * The question side's stemming chain of a language: its stopwords and question words removed, the
   * Finnish stem corrections applied, and {@code synonyms} expanded (null for none). The caller
   * closes it.
   */
  TextChain questionStems(Language language, SynonymMap synonyms) {
    return questionStems(language, synonyms, Map.of());
  }

  /** As {@link #questionStems(Language, SynonymMap)}, with stems typed without dots restored. */
  TextChain questionStems(Language language, SynonymMap synonyms, Map<String, String> undotted) {
    return new TextChain(
        TextChain.Kind.STEM,
        language,
        stopwords(language),
        questionWords(language),
        language == Language.FI ? finnishOverrides : null,
        synonyms,
        undotted);
  }

  /**
   * The question side's unstemmed words, whatever the language: every language's stopwords and
   * question words removed. The caller closes it.
   */
  TextChain questionSurfaces() {
    return new TextChain(TextChain.Kind.PLAIN, Language.FI, allQueryStopwords(), null, null, null);
  }

  /**
   * The synonym map of a language: the built-in rules plus the knowledge directory's {@code
   * extraRules} (the lines of its synonym file), parsed with the language's stemming chain so that
   * rules match inflected words. A directory rule that does not parse is logged with its file and
   * line and left out; the other rules still apply.
   */
  SynonymMap synonyms(Language language, List<String> extraRules, List<KnowledgeProblem> problems) {
    Analyzer parsing =
        new GapsClosed(
            new TextChain(
                TextChain.Kind.STEM,
                language,
                stopwords.get(language),
                null,
                language == Language.FI ? finnishOverrides : null,
                null));
    try {
      List<String> rules = new ArrayList<>(synonymRules.get(language));
      String file = KnowledgeBase.synonymsFile(language);
      for (int i = 0; i < extraRules.size(); i++) {
        String rule = extraRules.get(i);
        try {
          parse(parsing, List.of(rule));
          rules.add(rule);
        } catch (ParseException | IllegalArgumentException e) {
          log.warn("Knowledge synonym rule refused: {}:{}: {}", file, i + 1, rootMessage(e));
          problems.add(
              new KnowledgeProblem(file, i + 1, "synonym rule does not parse: " + rootMessage(e)));
        }
      }
      return parse(parsing, rules);
    } catch (ParseException e) {
      throw new IllegalStateException(
          "built-in synonym rules for " + language.code() + " do not parse: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      parsing.close();
    }
  }

  private static SynonymMap parse(Analyzer parsing, List<String> rules)
      throws IOException, ParseException {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, parsing);
    parser.parse(new StringReader(String.join("\n", rules)));
    return parser.build();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /**
   * A chain whose stopwords leave no position gaps: the synonym parser refuses gaps, and a rule
   * word that the query chain removes (the "ja" of "sosiaali- ja terveyspalvelut") must not be part
   * of the rule, or the rule never matches.
   */
  private static final class GapsClosed extends AnalyzerWrapper {
    private final Analyzer chain;

    GapsClosed(Analyzer chain) {
      super(Analyzer.PER_FIELD_REUSE_STRATEGY);
      this.chain = chain;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return chain;
    }

    @Override
    protected TokenStreamComponents wrapComponents(
        String fieldName, TokenStreamComponents components) {
      TokenStream closed =
          new TokenFilter(components.getTokenStream()) {
            private final PositionIncrementAttribute increment =
                addAttribute(PositionIncrementAttribute.class);

            @Override
            public boolean incrementToken() throws IOException {
              if (!input.incrementToken()) {
                return false;
              }
              increment.setPositionIncrement(Math.min(1, increment.getPositionIncrement()));
              return true;
            }
          };
      return new TokenStreamComponents(components.getSource(), closed);
    }

    @Override
    public void close() {
      chain.close();
      super.close();
    }
  }

  private StemmerOverrideFilter.StemmerOverrideMap buildOverrides() {
    TextChain stemmer =
        new TextChain(TextChain.Kind.STEM, Language.FI, CharArraySet.EMPTY_SET, null, null, null);
    try {
      StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
      List<String[]> pairs = new ArrayList<>();
      for (String line : lines("stem-overrides-fi.txt")) {
        String[] parts = line.split("\t");
        if (parts.length != 2) {
          throw new IllegalStateException("stem-overrides-fi.txt: expected word<TAB>word: " + line);
        }
        pairs.add(parts);
        builder.add(stem(stemmer, parts[0]), stem(stemmer, parts[1]));
      }
      // The same forms typed without dots (jasenen for jäsenen) get the same correction, to the
      // dotted stem, unless such a form has a correction of its own (the first one added stays).
      for (String[] parts : pairs) {
        String folded = Vocabulary.fold(parts[0]);
        if (!folded.equals(parts[0])) {
          builder.add(stem(stemmer, folded), stem(stemmer, parts[1]));
        }
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      stemmer.close();
    }
  }

  private static String stem(TextChain chain, String word) throws IOException {
    try (TokenStream ts = chain.tokenStream("x", word.strip())) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : word.strip().toLowerCase(Locale.ROOT);
      ts.end();
      return out;
    }
  }

  /** A {@code question-intents-LANG.txt}: each word of a line {@code intent: word word …}. */
  private static Map<String, String> intents(String name) {
    Map<String, String> byWord = new HashMap<>();
    for (String line : lines(name)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException(
            "built-in language resource " + BASE + name + " has a line without 'intent:': " + line);
      }
      String intent = line.substring(0, colon).strip();
      for (String word : WORD_BREAK.split(line.substring(colon + 1).strip())) {
        if (!word.isEmpty()) {
          byWord.put(word.toLowerCase(Locale.ROOT), intent);
        }
      }
    }
    return Map.copyOf(byWord);
  }

  private static List<String> lines(String name) {
    try (InputStream in = LanguageResources.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in language resource " + BASE + name);
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          out.add(trimmed);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BASE + name, e);
    }
  }
}
