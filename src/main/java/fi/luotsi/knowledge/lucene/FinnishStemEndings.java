package fi.luotsi.knowledge.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Joins two stems that Snowball's Finnish stemmer gives to one word, after it has run:
 *
 * <ul>
 *   <li>nouns in -{@code s} whose other forms have -{@code ks}-: {@code kokous / kokouksessa}
 *       (stems {@code kokous}, {@code kokouks}), {@code päätös / päätöksen}, {@code
 *       toimintakertomus / toimintakertomukseen}; a stem ending in a vowel and {@code ks} loses its
 *       {@code k};
 *   <li>nouns in -{@code uus}/-{@code yys}/-{@code aus}: {@code esteellisyys / esteellisyyden}
 *       ({@code esteellisyys}, {@code esteellisyyd}), {@code vastuuvapaus / vastuuvapauden}; a stem
 *       ending in {@code u} or {@code y} and {@code d} ends in {@code s} instead.
 * </ul>
 *
 * Both rules only touch stems of five letters or more and leave keyword-marked tokens alone.
 */
final class FinnishStemEndings extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  FinnishStemEndings(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword()) {
      int length = term.length();
      char[] buffer = term.buffer();
      if (length >= 5
          && buffer[length - 1] == 's'
          && buffer[length - 2] == 'k'
          && isVowel(buffer[length - 3])) {
        buffer[length - 2] = 's';
        term.setLength(length - 1);
      } else if (length >= 5
          && buffer[length - 1] == 'd'
          && (buffer[length - 2] == 'u' || buffer[length - 2] == 'y')
          && isVowel(buffer[length - 3])) {
        buffer[length - 1] = 's';
      }
    }
    return true;
  }

  private static boolean isVowel(char c) {
    return "aeiouyäö".indexOf(c) >= 0;
  }
}
