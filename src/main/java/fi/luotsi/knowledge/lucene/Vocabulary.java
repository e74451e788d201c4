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
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Index words within {@code maxEdits} of {@code word} sharing its first letter (the first letter
   * is rarely mistyped), the word itself included when indexed; at most {@code limit}.
   */
  List<String> similar(String word, int maxEdits, int limit) {
    List<String> out = new ArrayList<>();
    if (word.isEmpty()) {
      return out;
    }
    for (String candidate : byFirstLetter.getOrDefault(word.charAt(0), List.of())) {
      if (Math.abs(candidate.length() - word.length()) <= maxEdits
          && Levenshtein.within(word, candidate, maxEdits)) {
        out.add(candidate);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }
}
