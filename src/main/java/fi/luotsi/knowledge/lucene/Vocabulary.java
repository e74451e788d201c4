package fi.luotsi.knowledge.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Map<Character, Bucket> byFirstLetter = new HashMap<>();
  private final Map<String, List<String>> byFolded = new HashMap<>();

  /**
   * The words sharing a first letter, in index order, with what the edit-distance test needs
   * precomputed: lengths and letter sets let most candidates be rejected without touching them.
   */
  private record Bucket(String[] words, int[] lengths, long[] letters) {}

  Vocabulary(IndexReader reader, String field) {
    Map<Character, List<String>> words = new HashMap<>();
    try {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) {
        return;
      }
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        String word = term.utf8ToString();
        if (!word.isEmpty()) {
          words.computeIfAbsent(word.charAt(0), k -> new ArrayList<>()).add(word);
          String folded = fold(word);
          if (!folded.equals(word)) {
            byFolded.computeIfAbsent(folded, k -> new ArrayList<>()).add(word);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    words.forEach(
        (letter, list) -> {
          String[] all = list.toArray(String[]::new);
          int[] lengths = new int[all.length];
          long[] letters = new long[all.length];
          for (int i = 0; i < all.length; i++) {
            lengths[i] = all[i].length();
            letters[i] = Levenshtein.letters(all[i]);
          }
          byFirstLetter.put(letter, new Bucket(all, lengths, letters));
        });
  }

  /**
   * A word with the Nordic letters written without their dots and ring (ä → a, ö → o, å → a), as
   * people type on a keyboard without them: {@code hallintosaanto} for {@code hallintosääntö}.
   */
  static String fold(String word) {
    return word.replace('ä', 'a').replace('ö', 'o').replace('å', 'a');
  }

  /**
   * The index words other than {@code word} written the same apart from dots and rings (see {@link
   * #fold}); a new list the caller may add to.
   */
  List<String> undotted(String word) {
    List<String> out = new ArrayList<>();
    for (String candidate : byFolded.getOrDefault(fold(word), List.of())) {
      if (!candidate.equals(word)) {
        out.add(candidate);
      }
    }
    return out;
  }

  /**
   * Index words written the same apart from dots and rings (see {@link #fold}), then words within
   * {@code maxEdits} of {@code word} sharing its first letter (the first letter is rarely
   * mistyped), the word itself included when indexed; at most {@code limit}.
   */
  List<String> similar(String word, int maxEdits, int limit) {
    if (word.isEmpty()) {
      return new ArrayList<>();
    }
    List<String> out = undotted(word);
    if (out.size() > limit) {
      out.subList(limit, out.size()).clear();
    }
    Bucket bucket = byFirstLetter.get(word.charAt(0));
    if (bucket == null) {
      return out;
    }
    int length = word.length();
    long letters = Levenshtein.letters(word);
    String[] words = bucket.words();
    // The bucket's words are distinct; only the dotless forms found above can come again.
    Set<String> found = out.isEmpty() ? Set.of() : new HashSet<>(out);
    for (int i = 0; i < words.length && out.size() < limit; i++) {
      if (Math.abs(bucket.lengths()[i] - length) <= maxEdits
          && Long.bitCount(bucket.letters()[i] ^ letters) <= 2 * maxEdits
          && Levenshtein.editsWithin(word, words[i], maxEdits)
          && !found.contains(words[i])) {
        out.add(words[i]);
      }
    }
    return out;
  }
}
