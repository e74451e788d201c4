package fi.luotsi.session;

import fi.luotsi.knowledge.Language;
import java.util.Map;

/**
 * Readable names of the knowledge tags that sessions list as topics. Tags are ASCII slugs in the
 * files ({@code paatoksenteko}); people read words ({@code päätöksenteko}). Unknown tags are shown
 * as they are.
 */
public final class Topics {
  private static final Map<String, String[]> NAMES =
      Map.ofEntries(
          Map.entry(
              "luottamushenkilo",
              new String[] {
                "luottamushenkilön asema", "förtroendevaldas ställning", "the trustee's position"
              }),
          Map.entry(
              "paatoksenteko",
              new String[] {"päätöksenteko", "beslutsfattande", "decision-making"}),
          Map.entry(
              "valtuustokausi",
              new String[] {"valtuustokausi", "fullmäktigeperioden", "the council term"}),
          Map.entry("esteellisyys", new String[] {"esteellisyys", "jäv", "disqualification"}),
          Map.entry(
              "julkisuus", new String[] {"julkisuus", "offentlighet", "publicity of documents"}),
          Map.entry("etiikka", new String[] {"etiikka", "etik", "ethics"}),
          Map.entry("some", new String[] {"sosiaalinen media", "sociala medier", "social media"}),
          Map.entry(
              "talous", new String[] {"kuntatalous", "kommunens ekonomi", "municipal finance"}),
          Map.entry("talousarvio", new String[] {"talousarvio", "budget", "the budget"}),
          Map.entry(
              "strategia", new String[] {"kuntastrategia", "kommunstrategi", "municipal strategy"}),
          Map.entry(
              "hallintosaanto",
              new String[] {"hallintosääntö", "förvaltningsstadga", "administrative rules"}));

  private Topics() {}

  /** The tag as people read it, in the given language. */
  public static String display(String tag, Language language) {
    String[] names = NAMES.get(tag);
    return names == null ? tag : names[language.ordinal()];
  }
}
