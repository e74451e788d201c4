package fi.luotsi.knowledge.lucene;

import fi.luotsi.knowledge.Language;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The index terms as queries are built from them: {@link KnownTerms} for a generation, whose term
 * queries carry their looked-up statistics, so that Lucene does not seek the terms dictionary for
 * them on every search.
 */
interface TermLookup {
  /** Whether {@code term} may occur in the index: false only when it surely does not. */
  boolean mayContain(Term term);

  /** The query for one term, scoring as {@code new TermQuery(term)} does. */
  Query termQuery(Term term);

  /**
   * The index's stems of {@code language} written without dots and rings, to the stems themselves
   * ({@link UndottedStems#of}); empty when the lookup has no table of them.
   */
  default Map<String, String> undotted(Language language) {
    return Map.of();
  }

  /** No table: every term may occur and is looked up by Lucene when searched. */
  TermLookup NONE =
      new TermLookup() {
        @Override
        public boolean mayContain(Term term) {
          return true;
        }

        @Override
        public Query termQuery(Term term) {
          return new TermQuery(term);
        }
      };
}
