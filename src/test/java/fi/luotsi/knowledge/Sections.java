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

  /**
   * A section with one paragraph of text and no phrasings, id {@code path#heading}, in the file
   * {@code path} under the document title {@code title}.
   */
  public static Section inDocument(String path, String title, String heading, Language language) {
    return new Section(
        path + "#" + heading,
        path,
        title,
        heading,
        List.of("Teksti."),
        language,
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        1);
  }
}
