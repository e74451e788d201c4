package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.Language;
import java.io.Reader;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * The analysis chains of the knowledge index, one class configured per field family and side:
 *
 * <ul>
 *   <li>{@link Kind#STEM}: colon-ending strip, StandardTokenizer, lower case, the language's
 *       stopwords, (query side: question words), Snowball or Porter stemmer, Finnish stem endings
 *       joined ({@link FinnishStemEndings}) and stem overrides, (query side: synonyms).
 *   <li>{@link Kind#PLAIN}: unstemmed lower-case words, for exact forms and fuzzy matching.
 *   <li>{@link Kind#GRAM}: character 4-grams of each word (words of fewer letters kept whole),
 *       which absorb compounds, inflection the stemmer misses and many typos.
 * </ul>
 */
final class TextChain extends Analyzer {
  /** Finnish puts case endings after a colon: "EU:n", "5 §:ssä". The ending goes, "12:30" stays. */
  private static final Pattern COLON_ENDING = Pattern.compile("(?<=[\\p{L}\\p{N}§]):\\p{L}+");

  static final int GRAM_SIZE = 4;

  enum Kind {
    STEM,
    PLAIN,
    GRAM
  }

  private final Kind kind;
  private final Language language;
  private final CharArraySet stopwords;
  private final CharArraySet questionWords;
  private final StemmerOverrideFilter.StemmerOverrideMap overrides;
  private final SynonymMap synonyms;
  private final Map<String, String> undotted;

  /**
   * @param stopwords removed before stemming; empty set for none
   * @param questionWords query side only; null on the index side
   * @param overrides Finnish stem corrections; null for none
   * @param synonyms query side only; null for none
   */
  TextChain(
      Kind kind,
      Language language,
      CharArraySet stopwords,
      CharArraySet questionWords,
      StemmerOverrideFilter.StemmerOverrideMap overrides,
      SynonymMap synonyms) {
    this(kind, language, stopwords, questionWords, overrides, synonyms, Map.of());
  }

  /**
   * @param undotted query side only: stems typed without dots to the index's dotted stems ({@link
   *     UndottedStems}); empty for none
   */
  TextChain(
      Kind kind,
      Language language,
      CharArraySet stopwords,
      CharArraySet questionWords,
      StemmerOverrideFilter.StemmerOverrideMap overrides,
      SynonymMap synonyms,
      Map<String, String> undotted) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.undotted = undotted;
    this.kind = kind;
    this.language = language;
    this.stopwords = stopwords;
    this.questionWords = questionWords;
    this.overrides = overrides;
    this.synonyms = synonyms;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new PatternReplaceCharFilter(COLON_ENDING, "", reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream ts = source;
    if (language == Language.EN && kind == Kind.STEM) {
      ts = new EnglishPossessiveFilter(ts);
    }
    ts = new LowerCaseFilter(ts);
    if (!stopwords.isEmpty()) {
      ts = new StopFilter(ts, stopwords);
    }
    if (questionWords != null) {
      ts = new StopFilter(ts, questionWords);
    }
    switch (kind) {
      case STEM -> {
        ts =
            switch (language) {
              case FI -> new FinnishStemEndings(new SnowballFilter(ts, new FinnishStemmer()));
              case SV -> new SnowballFilter(ts, new SwedishStemmer());
              case EN -> new PorterStemFilter(ts);
            };
        if (overrides != null) {
          ts = new StemmerOverrideFilter(ts, overrides);
        }
        if (!undotted.isEmpty()) {
          ts = new UndottedStems(ts, undotted);
        }
        if (synonyms != null) {
          ts = new SynonymGraphFilter(ts, synonyms, true);
        } else {
          ts = new RemoveDuplicatesTokenFilter(ts);
        }
      }
      case GRAM -> ts = new NGramTokenFilter(ts, GRAM_SIZE, GRAM_SIZE, true);
      case PLAIN -> {}
    }
    return new TokenStreamComponents(source, ts);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
