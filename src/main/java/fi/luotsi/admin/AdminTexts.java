package fi.luotsi.admin;

import static fi.luotsi.chat.TextTable.entry;

import fi.luotsi.chat.TextTable;
import fi.luotsi.knowledge.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The administration and privacy replies in Finnish (default), Swedish and English. */
final class AdminTexts {
  private AdminTexts() {}

  /** Dates and times in replies are Helsinki time. */
  static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

  enum Key {
    ADMIN_ONLY,
    ADMIN_HELP,
    HELP_UNANSWERED,
    HELP_DOWNVOTED,
    HELP_FEEDBACK,
    HELP_KNOWLEDGE,
    UNANSWERED_HEADING,
    DOWNVOTED_HEADING,
    SHOWING_NEWEST,
    NONE,
    FEEDBACK_HEADING,
    KNOWLEDGE_STATUS,
    KNOWLEDGE_REFUSED,
    KNOWLEDGE_KEPT,
    KNOWLEDGE_ALL_VALID,
    PSEUDONYM_NOTE,
    HELP_WHAT_STORED,
    HELP_DELETE,
    STORED_NOTHING,
    STORED_QUESTIONS,
    STORED_LATEST,
    STORED_HOW,
    STORED_DELETE_HINT,
    ERASE_CONFIRM,
    ERASE_YES,
    ERASE_NO,
    ERASE_DONE,
    ERASE_CANCELLED,
    ERASE_EXPIRED,
    FAILED
  }

  private static final TextTable<Key> TEXTS =
      new TextTable<>(
          Key.class,
          entry(
              Key.ADMIN_ONLY,
              "Tämä komento on vain ylläpitäjille.",
              "Det här kommandot är bara för administratörer.",
              "This command is for administrators only."),
          entry(
              Key.ADMIN_HELP,
              "Ylläpidon komennot:",
              "Administrationskommandon:",
              "Admin commands:"),
          entry(
              Key.HELP_UNANSWERED,
              "vastaamattomat [päivät] – kysymykset, joihin en osannut vastata",
              "obesvarade [dagar] – frågor som jag inte kunde svara på",
              "unanswered [days] – questions I could not answer"),
          entry(
              Key.HELP_DOWNVOTED,
              "alapeukut [päivät] – vastaukset, jotka saivat 👎",
              "tummen ner [dagar] – svar som fick 👎",
              "downvoted [days] – answers that got 👎"),
          entry(
              Key.HELP_FEEDBACK,
              "palauteraportti [päivät] – palaute osioittain",
              "responsrapport [dagar] – respons per avsnitt",
              "feedback report [days] – feedback per section"),
          entry(
              Key.HELP_KNOWLEDGE,
              "tietopankki – tietopankin tila ja hylätyt tiedostot",
              "kunskapsbank – kunskapsbankens status och avvisade filer",
              "knowledge status – the knowledge base and refused files"),
          entry(
              Key.UNANSWERED_HEADING,
              "Vastaamattomat kysymykset, viimeiset %d päivää: %d kpl.",
              "Obesvarade frågor, senaste %d dagarna: %d st.",
              "Unanswered questions, last %d days: %d."),
          entry(
              Key.DOWNVOTED_HEADING,
              "👎-palautteen saaneet vastaukset, viimeiset %d päivää: %d kpl.",
              "Svar som fick 👎, senaste %d dagarna: %d st.",
              "Answers that got 👎, last %d days: %d."),
          entry(
              Key.SHOWING_NEWEST,
              "Näytän uusimmat %d.",
              "Visar de %d senaste.",
              "Showing the newest %d."),
          entry(Key.NONE, "Ei yhtään.", "Inga.", "None."),
          entry(
              Key.FEEDBACK_HEADING,
              "Palaute osioittain, viimeiset %d päivää (👍 hyödyllinen, 👎 ei auttanut):",
              "Respons per avsnitt, senaste %d dagarna (👍 till hjälp, 👎 hjälpte inte):",
              "Feedback per section, last %d days (👍 helpful, 👎 not helpful):"),
          entry(
              Key.KNOWLEDGE_STATUS,
              "Tietopankki: versio %d, %d osiota %d tiedostossa, luettu %s.",
              "Kunskapsbanken: version %d, %d avsnitt i %d filer, läst %s.",
              "Knowledge base: revision %d, %d sections in %d files, read %s."),
          entry(
              Key.KNOWLEDGE_REFUSED,
              "Hylätyt tiedostot (korjaa ja tallenna, niin luen ne uudelleen):",
              "Avvisade filer (rätta och spara, så läser jag dem igen):",
              "Refused files (fix and save them and I will read them again):"),
          entry(
              Key.KNOWLEDGE_KEPT,
              "(aiempi versio on käytössä)",
              "(den tidigare versionen används)",
              "(its earlier version is in use)"),
          entry(
              Key.KNOWLEDGE_ALL_VALID,
              "Kaikki tiedostot kelpaavat.",
              "Alla filer godkändes.",
              "All files are valid."),
          entry(
              Key.PSEUDONYM_NOTE,
              "Kysyjät näkyvät salanimellä.",
              "Frågeställarna visas under pseudonym.",
              "Askers are shown by pseudonym."),
          entry(
              Key.HELP_WHAT_STORED,
              "mitä tiedät minusta? – mitä sinusta on tallennettu",
              "vad vet du om mig? – vad som har sparats om dig",
              "what do you store about me? – what is kept about you"),
          entry(
              Key.HELP_DELETE,
              "poista tietoni – poista sinusta tallennetut tiedot",
              "radera mina uppgifter – radera det som sparats om dig",
              "delete my data – delete what is kept about you"),
          entry(
              Key.STORED_NOTHING,
              "Minulla ei ole sinusta tallennettuja tietoja.",
              "Jag har inga uppgifter om dig sparade.",
              "I have no data stored about you."),
          entry(
              Key.STORED_QUESTIONS,
              "Kysymyksiäsi on tallessa %d (%s–%s) ja palautteitasi %d.",
              "Jag har %d av dina frågor sparade (%s–%s) och %d av dina omdömen.",
              "I keep %d of your questions (%s–%s) and %d of your feedback votes."),
          entry(
              Key.STORED_LATEST,
              "Viimeisimmät kysymyksesi:",
              "Dina senaste frågor:",
              "Your latest questions:"),
          entry(
              Key.STORED_HOW,
              "Tallennan kysymykset salanimellä: en tallenna nimeäsi enkä käyttäjätunnustasi."
                  + " Kysymykset ja palautteet poistuvat %d päivän kuluttua.",
              "Jag sparar frågorna under pseudonym, inte ditt namn eller användar-id. Frågor och"
                  + " omdömen raderas efter %d dagar.",
              "Questions are kept under a pseudonym, not your name or user id. Questions and"
                  + " feedback are deleted after %d days."),
          entry(
              Key.STORED_DELETE_HINT,
              "Kirjoita \"poista tietoni\", niin poistan ne.",
              "Skriv \"radera mina uppgifter\" så raderar jag dem.",
              "Type \"delete my data\" and I will delete them."),
          entry(
              Key.ERASE_CONFIRM,
              "Poistanko kaikki sinusta tallennetut tiedot? Poistoa ei voi perua. Vahvista"
                  + " painikkeella tai kirjoita: %s",
              "Ska jag radera alla uppgifter som sparats om dig? Det går inte att ångra. Bekräfta"
                  + " med knappen eller skriv: %s",
              "Shall I delete everything stored about you? This cannot be undone. Confirm with the"
                  + " button or type: %s"),
          entry(Key.ERASE_YES, "Kyllä, poista", "Ja, radera", "Yes, delete"),
          entry(Key.ERASE_NO, "Peruuta", "Avbryt", "Cancel"),
          entry(
              Key.ERASE_DONE,
              "Poistin sinusta tallennetut tiedot (%d tietuetta).",
              "Jag raderade uppgifterna om dig (%d poster).",
              "I deleted the data stored about you (%d records)."),
          entry(
              Key.ERASE_CANCELLED,
              "Selvä, en poistanut mitään.",
              "Okej, jag raderade ingenting.",
              "All right, nothing was deleted."),
          entry(
              Key.ERASE_EXPIRED,
              "Tämä vahvistus ei ole enää voimassa. Kirjoita uudelleen: poista tietoni",
              "Den här bekräftelsen gäller inte längre. Skriv igen: radera mina uppgifter",
              "This confirmation is no longer valid. Type again: delete my data"),
          entry(
              Key.FAILED,
              "En pystynyt tekemään tätä nyt. Yritä hetken päästä uudelleen.",
              "Jag kunde inte göra det just nu. Försök igen om en stund.",
              "I could not do that right now. Please try again in a moment."));

  static String get(Key key, Language language) {
    return TEXTS.get(key, language);
  }

  static String format(Key key, Language language, Object... args) {
    return TEXTS.format(key, language, args);
  }

  private static final Map<Language, DateTimeFormatter> DATE_TIME =
      Map.of(
          Language.FI, DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm"),
          Language.SV, DateTimeFormatter.ofPattern("yyyy-MM-dd 'kl.' HH.mm"),
          Language.EN, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

  private static final Map<Language, DateTimeFormatter> DATE =
      Map.of(
          Language.FI, DateTimeFormatter.ofPattern("d.M.yyyy"),
          Language.SV, DateTimeFormatter.ofPattern("yyyy-MM-dd"),
          Language.EN, DateTimeFormatter.ofPattern("yyyy-MM-dd"));

  static String dateTime(Instant at, Language language) {
    return DATE_TIME.get(language).format(at.atZone(ZONE));
  }

  static String date(Instant at, Language language) {
    return DATE.get(language).format(at.atZone(ZONE));
  }
}
