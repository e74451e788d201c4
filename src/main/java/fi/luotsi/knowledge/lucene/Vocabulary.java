package fi.luotsi.knowledge.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The unstemmed words of one index generation, bucketed by first letter, for typo tolerance: a
 * question word is expanded to the index words within one or two edits. Scanning a bucket with a
 * bounded edit distance is far cheaper than building a Levenshtein automaton per word, as {@code
 * FuzzyQuery} does on every search.
 */
final class Vocabulary {
  private final Map<Character, List<String>> byFirstLetter = new HashMap<>();
  private final Map<String, List<String>> byFolded = new HashMap<>();

  Vocabulary(IndexReader reader, String field) {
    try {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) {
        return;
      }
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        String word = term.utf8ToString();
        if (!word.isEmpty()) {
          byFirstLetter.computeIfAbsent(word.charAt(0), k -> new ArrayList<>()).add(word);
          String folded = fold(word);
          if (!folded.equals(word)) {
            byFolded.computeIfAbsent(folded, k -> new ArrayList<>()).add(word);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A word with the Nordic letters written without their dots and ring (ä → a, ö → o, å → a), as
   * people type on a keyboard without them: {@code hallintosaanto} for {@code hallintosääntö}.
   */
  static String fold(String word) {
    return word.replace('ä', 'a').replace('ö', 'o').replace('å', 'a');
  }

  /**
   * Index words written the same apart from dots and rings (see {@link #fold}), then words within
   * {@code maxEdits} of {@code word} sharing its first letter (the first letter is rarely
   * mistyped), the word itself included when indexed; at most {@code limit}.
   */
  List<String> similar(String word, int maxEdits, int limit) {
    List<String> out = new ArrayList<>();
    if (word.isEmpty()) {
      return out;
    }
    for (String candidate : byFolded.getOrDefault(fold(word), List.of())) {
      if (!candidate.equals(word) && out.size() < limit) {
        out.add(candidate);
      }
    }
    for (String candidate : byFirstLetter.getOrDefault(word.charAt(0), List.of())) {
      if (out.size() == limit) {
        break;
      }
      if (out.contains(candidate)) {
        continue;
      }
      if (Math.abs(candidate.length() - word.length()) <= maxEdits
          && Levenshtein.within(word, candidate, maxEdits)) {
        out.add(candidate);
      }
    }
    return out;
  }
}
