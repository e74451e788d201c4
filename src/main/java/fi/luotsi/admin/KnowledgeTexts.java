package fi.luotsi.admin;

import static fi.luotsi.chat.TextTable.entry;

import fi.luotsi.chat.TextTable;
import fi.luotsi.knowledge.Language;

/**
 * The replies of knowledge management from chat in Finnish (default), Swedish and English. Problems
 * found by the knowledge loader itself stay in English ({@code file:line: reason}), as everywhere
 * else administrators see them.
 */
final class KnowledgeTexts {
  private KnowledgeTexts() {}

  enum Key {
    HELP_UPLOAD,
    HELP_FILES,
    HELP_SHOW,
    HELP_REMOVE,
    HELP_HISTORY,
    HELP_ROLLBACK,
    USAGE,
    DM_ONLY,
    ONE_FILE,
    NO_ATTACHMENT,
    FETCH_FAILED,
    PATH_ABSOLUTE,
    PATH_ESCAPES,
    NOT_MARKDOWN,
    PATH_README,
    PATH_INVALID,
    NOT_UTF8,
    TOO_LARGE,
    DUPLICATE_HEADING,
    SAME_QUESTION,
    AMBIGUOUS,
    REFUSED_PATH,
    REFUSED_FILE,
    IDENTICAL,
    PREVIEW_HEADING,
    PREVIEW_TITLE,
    PREVIEW_NEW,
    PREVIEW_REPLACES_VERSION,
    PREVIEW_REPLACES_FILE,
    SECTIONS,
    ADDED,
    REMOVED,
    CHANGED,
    UNCHANGED,
    CONFIRM_HINT,
    PUBLISH,
    CANCEL,
    PENDING_GONE,
    CANCELLED,
    CHANGED_MEANWHILE,
    PUBLISHED,
    REMOVED_DONE,
    ROLLED_BACK,
    NOT_APPLIED,
    REMOVE_CONFIRM,
    REMOVE_BUTTON,
    NO_SUCH_FILE,
    NOT_A_VERSION,
    ALREADY_CURRENT,
    FILES_HEADING,
    FILE_SHIPPED,
    FILE_MANAGED,
    FILE_REMOVED,
    SHOW_TITLE,
    SHOW_MANAGED,
    SHOW_SHIPPED,
    SHOW_PROBLEMS,
    SECTION_ROW,
    HISTORY_HEADING,
    HISTORY_NONE,
    HISTORY_HINT,
    CURRENT_MARK,
    ACTION_IMPORT,
    ACTION_ADD,
    ACTION_REPLACE,
    ACTION_REMOVE,
    ACTION_ROLLBACK,
    EDIT_BAD_QUESTION,
    EDIT_BAD_ANSWER,
    EDIT_EXISTS,
    EDIT_NO_SECTION,
    EDIT_BAD_PHRASING,
    EDIT_FAILED
  }

  private static final TextTable<Key> TEXTS =
      new TextTable<>(
          Key.class,
          entry(
              Key.HELP_UPLOAD,
              "tietopankki lisää [kansio/] + liitetty .md-tiedosto yksityisviestissä – lisää tai korvaa"
                  + " tiedosto (esikatselu ensin)",
              "kunskapsbank lägg till [mapp/] + bifogad .md-fil i privat meddelande – lägg till eller"
                  + " ersätt en fil (förhandsvisning först)",
              "knowledge add [folder/] + an attached .md file in a direct message – add or replace a"
                  + " file (preview first)"),
          entry(
              Key.HELP_FILES,
              "tietopankki tiedostot – tiedostot ja niiden viimeisin muutos",
              "kunskapsbank filer – filerna och deras senaste ändring",
              "knowledge files – the files and their last change"),
          entry(
              Key.HELP_SHOW,
              "tietopankki näytä <polku> – tiedoston osiot",
              "kunskapsbank visa <sökväg> – filens avsnitt",
              "knowledge show <path> – a file's sections"),
          entry(
              Key.HELP_REMOVE,
              "tietopankki poista <polku> – poista tiedosto (vahvistus ensin)",
              "kunskapsbank ta bort <sökväg> – ta bort en fil (bekräftelse först)",
              "knowledge remove <path> – remove a file (confirmation first)"),
          entry(
              Key.HELP_HISTORY,
              "tietopankki historia <polku> – tiedoston versiot",
              "kunskapsbank historik <sökväg> – filens versioner",
              "knowledge history <path> – a file's versions"),
          entry(
              Key.HELP_ROLLBACK,
              "tietopankki palauta <polku> <versio> – ota aiempi versio käyttöön",
              "kunskapsbank återställ <sökväg> <version> – ta en tidigare version i bruk",
              "knowledge rollback <path> <version> – bring back an earlier version"),
          entry(Key.USAGE, "Käyttö: %s", "Användning: %s", "Usage: %s"),
          entry(
              Key.DM_ONLY,
              "Lähetä tietopankin tiedosto minulle yksityisviestinä, niin esikatselu ei näy muille.",
              "Skicka kunskapsbankens fil till mig i ett privat meddelande, så att förhandsvisningen"
                  + " inte syns för andra.",
              "Send knowledge files to me in a direct message, so that the preview is not shown to"
                  + " others."),
          entry(
              Key.ONE_FILE,
              "Lähetä yksi .md-tiedosto kerrallaan.",
              "Skicka en .md-fil åt gången.",
              "Send one .md file at a time."),
          entry(
              Key.NO_ATTACHMENT,
              "Liitä viestiin Markdown-tiedosto (.md), jonka haluat lisätä tietopankkiin.",
              "Bifoga den Markdown-fil (.md) som du vill lägga till i kunskapsbanken.",
              "Attach the Markdown file (.md) you want to add to the knowledge base."),
          entry(
              Key.FETCH_FAILED,
              "En saanut tiedostoa %s ladattua (%s). Mitään ei tallennettu.",
              "Jag kunde inte hämta filen %s (%s). Ingenting sparades.",
              "I could not fetch the file %s (%s). Nothing was stored."),
          entry(
              Key.PATH_ABSOLUTE,
              "Polun pitää olla suhteessa tietopankin kansioon, ei absoluuttinen: %s",
              "Sökvägen ska vara relativ till kunskapsbankens mapp, inte absolut: %s",
              "The path must be relative to the knowledge folder, not absolute: %s"),
          entry(
              Key.PATH_ESCAPES,
              "Polku ei saa johtaa tietopankin kansion ulkopuolelle (..): %s",
              "Sökvägen får inte leda utanför kunskapsbankens mapp (..): %s",
              "The path must not lead outside the knowledge folder (..): %s"),
          entry(
              Key.NOT_MARKDOWN,
              "Vain Markdown-tiedostot (.md) kelpaavat: %s",
              "Endast Markdown-filer (.md) godtas: %s",
              "Only Markdown files (.md) are accepted: %s"),
          entry(
              Key.PATH_README,
              "README.md on kansion ohje eikä tietopankin tiedosto; anna tiedostolle toinen nimi: %s",
              "README.md är mappens anvisning, inte en fil i kunskapsbanken; ge filen ett annat namn: %s",
              "README.md is a folder's read-me, not a knowledge file; give the file another name: %s"),
          entry(
              Key.PATH_INVALID,
              "Polussa saa olla vain pieniä kirjaimia a–z, numeroita, - ja _, enintään neljä kansiota"
                  + " (erotin /), ja sen pitää päättyä .md: %s",
              "Sökvägen får bara innehålla små bokstäver a–z, siffror, - och _, högst fyra mappar"
                  + " (avgränsare /), och sluta på .md: %s",
              "The path may contain only lower-case letters a–z, digits, - and _, at most four folders"
                  + " (separated by /), and must end in .md: %s"),
          entry(
              Key.NOT_UTF8,
              "Tiedosto ei ole UTF-8-tekstiä. Tallenna se UTF-8-muodossa ja lähetä uudelleen.",
              "Filen är inte UTF-8-text. Spara den som UTF-8 och skicka den igen.",
              "The file is not UTF-8 text. Save it as UTF-8 and send it again."),
          entry(
              Key.TOO_LARGE,
              "Tiedosto on liian suuri (%d KiB); enintään %d KiB.",
              "Filen är för stor (%d KiB); högst %d KiB.",
              "The file is too large (%d KiB); at most %d KiB."),
          entry(
              Key.DUPLICATE_HEADING,
              "%s:%d: otsikko \"%s\" on tiedostossa jo rivillä %d (osion tunniste olisi sama)",
              "%s:%d: rubriken \"%s\" finns redan på rad %d (avsnittets id skulle vara detsamma)",
              "%s:%d: the heading \"%s\" is already on line %d (the section id would be the same)"),
          entry(
              Key.SAME_QUESTION,
              "%s:%d: kysymykseen \"%s\" vastaa jo osio %s",
              "%s:%d: frågan \"%s\" besvaras redan av avsnittet %s",
              "%s:%d: the question \"%s\" is already answered by section %s"),
          entry(
              Key.AMBIGUOUS,
              "Tietopankissa on useita tiedostoja nimeltä %s: %s. Kerro kohde viestissä, esim."
                  + " \"tietopankki lisää kansio/\".",
              "Kunskapsbanken har flera filer som heter %s: %s. Ange målet i meddelandet, t.ex."
                  + " \"kunskapsbank lägg till mapp/\".",
              "The knowledge base has several files called %s: %s. Name the target in the message, e.g."
                  + " \"knowledge add folder/\"."),
          entry(
              Key.REFUSED_PATH,
              "En tallentanut mitään, koska polku ei kelpaa:",
              "Ingenting sparades eftersom sökvägen inte godtas:",
              "Nothing was stored because the path is not valid:"),
          entry(
              Key.REFUSED_FILE,
              "En tallentanut tiedostoa %s, koska siinä on virheitä. Korjaa ne ja lähetä tiedosto"
                  + " uudelleen:",
              "Jag sparade inte filen %s eftersom den har fel. Rätta dem och skicka filen igen:",
              "I did not store %s because it has problems. Fix them and send the file again:"),
          entry(
              Key.IDENTICAL,
              "Tiedosto %s on jo täsmälleen tällainen; julkaistavaa ei ole.",
              "Filen %s ser redan ut exakt så här; det finns inget att publicera.",
              "%s is already exactly like this; there is nothing to publish."),
          entry(Key.PREVIEW_HEADING, "Esikatselu: %s", "Förhandsvisning: %s", "Preview: %s"),
          entry(
              Key.PREVIEW_TITLE,
              "Otsikko: %s · kieli %s · %d osiota.",
              "Titel: %s · språk %s · %d avsnitt.",
              "Title: %s · language %s · %d sections."),
          entry(Key.PREVIEW_NEW, "Uusi tiedosto.", "En ny fil.", "A new file."),
          entry(
              Key.PREVIEW_REPLACES_VERSION,
              "Korvaa nykyisen version (muutos %d, %s, %s).",
              "Ersätter den nuvarande versionen (ändring %d, %s, %s).",
              "Replaces the current version (change %d, %s, %s)."),
          entry(
              Key.PREVIEW_REPLACES_FILE,
              "Korvaa nykyisen tiedoston; sen nykyinen sisältö tallentuu historiaan, joten sen voi"
                  + " palauttaa.",
              "Ersätter den nuvarande filen; dess nuvarande innehåll sparas i historiken och kan"
                  + " återställas.",
              "Replaces the current file; its present content is kept in the history and can be"
                  + " restored."),
          entry(Key.SECTIONS, "Osiot:", "Avsnitt:", "Sections:"),
          entry(Key.ADDED, "Uudet osiot:", "Nya avsnitt:", "New sections:"),
          entry(Key.REMOVED, "Poistuvat osiot:", "Avsnitt som tas bort:", "Sections removed:"),
          entry(Key.CHANGED, "Muuttuvat osiot:", "Avsnitt som ändras:", "Sections changed:"),
          entry(
              Key.UNCHANGED,
              "Ennallaan pysyy %d osiota.",
              "%d avsnitt förblir oförändrade.",
              "%d sections stay as they are."),
          entry(
              Key.CONFIRM_HINT,
              "Julkaise painikkeella tai kirjoita: %s. Esikatselu on voimassa %d minuuttia.",
              "Publicera med knappen eller skriv: %s. Förhandsvisningen gäller i %d minuter.",
              "Publish with the button or type: %s. The preview is valid for %d minutes."),
          entry(Key.PUBLISH, "Julkaise", "Publicera", "Publish"),
          entry(Key.CANCEL, "Peru", "Avbryt", "Cancel"),
          entry(
              Key.PENDING_GONE,
              "Tämä esikatselu ei ole enää voimassa (vanhentunut, jo julkaistu tai peruttu). Lähetä"
                  + " tiedosto tai komento uudelleen.",
              "Den här förhandsvisningen gäller inte längre (har gått ut, redan publicerad eller"
                  + " avbruten). Skicka filen eller kommandot igen.",
              "This preview is no longer valid (expired, already published or cancelled). Send the"
                  + " file or command again."),
          entry(
              Key.CANCELLED,
              "Selvä, en muuttanut tietopankkia.",
              "Okej, jag ändrade ingenting i kunskapsbanken.",
              "All right, the knowledge base was not changed."),
          entry(
              Key.CHANGED_MEANWHILE,
              "Tiedostoa %s on muutettu sillä välin (muutos %d). En tallentanut mitään; lähetä"
                  + " tiedosto tai komento uudelleen, niin näet tilanteen.",
              "Filen %s har ändrats under tiden (ändring %d). Ingenting sparades; skicka filen eller"
                  + " kommandot igen så ser du läget.",
              "%s was changed meanwhile (change %d). Nothing was stored; send the file or command"
                  + " again to see where things stand."),
          entry(
              Key.PUBLISHED,
              "Julkaisin tiedoston %s: tietopankin muutos %d. Vastaan siitä nyt; muut palvelimet"
                  + " ottavat sen käyttöön muutamassa sekunnissa.",
              "Jag publicerade %s: kunskapsbankens ändring %d. Jag svarar utifrån den nu; de andra"
                  + " servrarna tar den i bruk inom några sekunder.",
              "I published %s: knowledge change %d. I answer from it now; the other servers take it up"
                  + " within seconds."),
          entry(
              Key.REMOVED_DONE,
              "Poistin tiedoston %s: tietopankin muutos %d. Sen voi palauttaa historiasta.",
              "Jag tog bort %s: kunskapsbankens ändring %d. Den kan återställas från historiken.",
              "I removed %s: knowledge change %d. It can be restored from the history."),
          entry(
              Key.ROLLED_BACK,
              "Palautin tiedoston %s versioon %d: tietopankin muutos %d.",
              "Jag återställde %s till version %d: kunskapsbankens ändring %d.",
              "I rolled %s back to version %d: knowledge change %d."),
          entry(
              Key.NOT_APPLIED,
              "Muutos on tallessa, mutta en saanut sitä vielä käyttöön tällä palvelimella (%s). Yritän"
                  + " uudelleen muutaman sekunnin välein.",
              "Ändringen är sparad men inte ännu i bruk på den här servern (%s). Jag försöker igen"
                  + " med några sekunders mellanrum.",
              "The change is stored but not yet in use on this server (%s). I retry every few"
                  + " seconds."),
          entry(
              Key.REMOVE_CONFIRM,
              "Poistanko tiedoston %s (%s, %d osiota)? Sen voi myöhemmin palauttaa historiasta."
                  + " Vahvista painikkeella tai kirjoita: %s",
              "Ska jag ta bort %s (%s, %d avsnitt)? Den kan återställas från historiken. Bekräfta med"
                  + " knappen eller skriv: %s",
              "Shall I remove %s (%s, %d sections)? It can be restored from the history later. Confirm"
                  + " with the button or type: %s"),
          entry(Key.REMOVE_BUTTON, "Poista", "Ta bort", "Remove"),
          entry(
              Key.NO_SUCH_FILE,
              "Tietopankissa ei ole tiedostoa %s. Tiedostot näet komennolla: tietopankki tiedostot",
              "Kunskapsbanken har ingen fil %s. Filerna ser du med: kunskapsbank filer",
              "The knowledge base has no file %s. See the files with: knowledge files"),
          entry(
              Key.NOT_A_VERSION,
              "Versio %d ei ole tiedoston %s versio. Versiot näet historiasta.",
              "Version %d är inte en version av %s. Versionerna finns i historiken.",
              "Version %d is not a version of %s. See its history for the versions."),
          entry(
              Key.ALREADY_CURRENT,
              "Tiedosto %s on jo version %d mukainen; muutettavaa ei ole.",
              "Filen %s motsvarar redan version %d; inget att ändra.",
              "%s already matches version %d; nothing to change."),
          entry(
              Key.FILES_HEADING,
              "Tietopankin tiedostot: %d, joista chatin tai komentorivin kautta muutettuja %d. Tämä"
                  + " palvelin käyttää tietopankin muutosta %d.",
              "Kunskapsbankens filer: %d, varav %d ändrade via chatten eller kommandoraden. Den här"
                  + " servern använder kunskapsbankens ändring %d.",
              "Knowledge files: %d, of which %d changed through chat or the command line. This server"
                  + " serves knowledge change %d."),
          entry(
              Key.FILE_SHIPPED,
              "ei muutettu chatista",
              "inte ändrad via chatten",
              "not changed through chat"),
          entry(
              Key.FILE_MANAGED,
              "muutos %d · %s · %s · %s",
              "ändring %d · %s · %s · %s",
              "change %d · %s · %s · %s"),
          entry(
              Key.FILE_REMOVED,
              "poistettu muutoksessa %d · %s · %s",
              "borttagen i ändring %d · %s · %s",
              "removed in change %d · %s · %s"),
          entry(
              Key.SHOW_TITLE,
              "Otsikko: %s · kieli %s · %d osiota.",
              "Titel: %s · språk %s · %d avsnitt.",
              "Title: %s · language %s · %d sections."),
          entry(
              Key.SHOW_MANAGED,
              "Versio: muutos %d (%s, %s, %s).",
              "Version: ändring %d (%s, %s, %s).",
              "Version: change %d (%s, %s, %s)."),
          entry(
              Key.SHOW_SHIPPED,
              "Versio: tiedosto sellaisenaan, ei muutettu chatista.",
              "Version: filen som den är, inte ändrad via chatten.",
              "Version: the file as it is, not changed through chat."),
          entry(
              Key.SHOW_PROBLEMS,
              "Tiedostossa on virheitä:",
              "Filen har fel:",
              "The file has problems:"),
          entry(
              Key.SECTION_ROW,
              "%s (rivi %d, %d kysymysmuotoa)",
              "%s (rad %d, %d frågeformer)",
              "%s (line %d, %d phrasings)"),
          entry(
              Key.HISTORY_HEADING,
              "Tiedoston %s versiot, uusin ensin:",
              "Versionerna av %s, nyaste först:",
              "Versions of %s, newest first:"),
          entry(
              Key.HISTORY_NONE,
              "Tiedostoa %s ei ole muutettu chatin tai komentorivin kautta, joten sillä ei ole"
                  + " versiohistoriaa.",
              "Filen %s har inte ändrats via chatten eller kommandoraden, så den har ingen"
                  + " versionshistorik.",
              "%s was never changed through chat or the command line, so it has no version history."),
          entry(
              Key.HISTORY_HINT,
              "Aiemman version saa käyttöön komennolla: %s",
              "En tidigare version tas i bruk med: %s",
              "Bring back an earlier version with: %s"),
          entry(Key.CURRENT_MARK, "(käytössä)", "(i bruk)", "(current)"),
          entry(Key.ACTION_IMPORT, "alkuperäinen", "ursprunglig", "original"),
          entry(Key.ACTION_ADD, "lisäys", "tillägg", "added"),
          entry(Key.ACTION_REPLACE, "korvaus", "ersättning", "replaced"),
          entry(Key.ACTION_REMOVE, "poisto", "borttagning", "removed"),
          entry(Key.ACTION_ROLLBACK, "palautus", "återställning", "rollback"),
          entry(
              Key.EDIT_BAD_QUESTION,
              "Kysymys ei kelpaa osion otsikoksi: sen pitää olla yksi rivi, enintään 200 merkkiä, ja"
                  + " siinä pitää olla kirjaimia.",
              "Frågan duger inte som rubrik: den ska vara en rad, högst 200 tecken, och innehålla"
                  + " bokstäver.",
              "The question cannot be a heading: it must be one line of at most 200 characters with"
                  + " letters in it."),
          entry(
              Key.EDIT_BAD_ANSWER,
              "Vastaus ei kelpaa osion tekstiksi: siinä ei saa olla otsikoita (#), HTML-kommentteja"
                  + " eikä ---rivejä, ja sen pituus on enintään 8000 merkkiä.",
              "Svaret duger inte som avsnittets text: det får inte innehålla rubriker (#),"
                  + " HTML-kommentarer eller ---rader och får vara högst 8000 tecken.",
              "The answer cannot be a section's text: it must have no headings (#), HTML comments or"
                  + " --- lines, and at most 8000 characters."),
          entry(
              Key.EDIT_EXISTS,
              "Osio %s on jo olemassa.",
              "Avsnittet %s finns redan.",
              "Section %s already exists."),
          entry(
              Key.EDIT_NO_SECTION,
              "Tietopankissa ei ole osiota %s.",
              "Kunskapsbanken har inget avsnitt %s.",
              "The knowledge base has no section %s."),
          entry(
              Key.EDIT_BAD_PHRASING,
              "Kysymysmuodon pitää olla yksi rivi, enintään 200 merkkiä, ilman HTML-kommentin merkkejä.",
              "Frågeformen ska vara en rad, högst 200 tecken, utan HTML-kommentartecken.",
              "A phrasing must be one line of at most 200 characters without HTML comment marks."),
          entry(
              Key.EDIT_FAILED,
              "En pystynyt tallentamaan muutosta nyt. Yritä hetken päästä uudelleen.",
              "Jag kunde inte spara ändringen just nu. Försök igen om en stund.",
              "I could not store the change right now. Please try again in a moment."));

  static String get(Key key, Language language) {
    return TEXTS.get(key, language);
  }

  static String format(Key key, Language language, Object... args) {
    return TEXTS.format(key, language, args);
  }

  static Key action(KnowledgeVersions.Action action) {
    return switch (action) {
      case IMPORT -> Key.ACTION_IMPORT;
      case ADD -> Key.ACTION_ADD;
      case REPLACE -> Key.ACTION_REPLACE;
      case REMOVE -> Key.ACTION_REMOVE;
      case ROLLBACK -> Key.ACTION_ROLLBACK;
    };
  }
}
