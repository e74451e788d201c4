package fi.luotsi.knowledge;

import java.util.List;
import java.util.Optional;

/** Knowledge sections for tests that need a few of their own rather than the shipped files. */
public final class Sections {
  private Sections() {}

  /**
   * A Finnish section with one paragraph of text, in the file its id names (the part before {@code
   * #}) under the document title "Otsikko".
   *
   * @param questions its alternate phrasings
   */
  public static Section finnish(String id, String heading, String text, String... questions) {
    int hash = id.indexOf('#');
    return new Section(
        id,
        hash < 0 ? id : id.substring(0, hash),
        "Otsikko",
        heading,
        List.of(text),
        Language.FI,
        List.of(),
        List.of(questions),
        Optional.empty(),
        Optional.empty(),
        1);
  }
}
