package fi.luotsi.admin.expert;

import static fi.luotsi.chat.TextTable.entry;

import fi.luotsi.admin.AdminWording;
import fi.luotsi.chat.TextTable;
import fi.luotsi.knowledge.Language;
import java.time.Instant;

/** The "ask an expert" texts in Finnish (default), Swedish and English. */
final class ExpertTexts {
  private ExpertTexts() {}

  enum Key {
    BUTTON_ASK,
    BUTTON_ANONYMOUS,
    FORWARDED_HERE,
    FORWARDED_DM,
    FORWARDED_ANONYMOUS,
    ALREADY_FORWARDED,
    QUESTION_GONE,
    NOT_YOURS,
    OFF,
    FORWARD_FAILED,
    ORGANISERS_HEADING,
    ORGANISERS_ASKER,
    ORGANISERS_ANONYMOUS,
    ORGANISERS_LANGUAGE,
    ORGANISERS_HOW,
    ANSWER_HEADING,
    ANSWER_YOU_ASKED,
    ANSWER_FROM,
    RELAYING,
    RELAY_FAILED,
    ALREADY_ANSWERED,
    UNKNOWN_ID,
    EMPTY_ANSWER,
    TOO_LONG,
    ORGANISERS_ONLY,
    ADMINS_ONLY,
    KNOWLEDGE_OFFER,
    BUTTON_NEW_SECTION,
    BUTTON_PHRASING,
    SECTION_MADE,
    PHRASING_ADDED,
    CHOOSE_SECTION,
    NO_SUGGESTIONS,
    EDIT_REFUSED,
    NOT_ANSWERED_YET,
    ALREADY_KNOWLEDGE,
    EDITING_OFF,
    STORED
  }

  private static final TextTable<Key> TEXTS =
      new TextTable<>(
          Key.class,
          entry(Key.BUTTON_ASK, "Kysy asiantuntijalta", "Fråga en expert", "Ask an expert"),
          entry(Key.BUTTON_ANONYMOUS, "Kysy nimettömänä", "Fråga anonymt", "Ask anonymously"),
          entry(
              Key.FORWARDED_HERE,
              "Välitin kysymyksesi ohjelman järjestäjille (%s). Saat vastauksen tähän keskusteluun.",
              "Jag skickade din fråga till programmets arrangörer (%s). Du får svaret i den här"
                  + " konversationen.",
              "I forwarded your question to the programme's organisers (%s). You will get the"
                  + " answer in this conversation."),
          entry(
              Key.FORWARDED_DM,
              "Välitin kysymyksesi ohjelman järjestäjille (%s). Saat vastauksen yksityisviestinä.",
              "Jag skickade din fråga till programmets arrangörer (%s). Du får svaret som ett"
                  + " direktmeddelande.",
              "I forwarded your question to the programme's organisers (%s). You will get the"
                  + " answer as a direct message."),
          entry(
              Key.FORWARDED_ANONYMOUS,
              "Järjestäjät eivät näe, kuka kysyi.",
              "Arrangörerna ser inte vem som frågade.",
              "The organisers do not see who asked."),
          entry(
              Key.ALREADY_FORWARDED,
              "Tämä kysymys on jo välitetty järjestäjille (%s).",
              "Den här frågan har redan skickats till arrangörerna (%s).",
              "This question has already been forwarded to the organisers (%s)."),
          entry(
              Key.QUESTION_GONE,
              "En löydä enää tätä kysymystä. Kirjoita se uudelleen.",
              "Jag hittar inte längre den frågan. Skriv den igen.",
              "I can no longer find that question. Please write it again."),
          entry(
              Key.NOT_YOURS,
              "Voit välittää vain omia kysymyksiäsi.",
              "Du kan bara skicka vidare dina egna frågor.",
              "You can only forward your own questions."),
          entry(
              Key.OFF,
              "Kysymysten välittäminen järjestäjille ei ole käytössä.",
              "Att skicka frågor till arrangörerna är inte i bruk.",
              "Forwarding questions to the organisers is not switched on."),
          entry(
              Key.FORWARD_FAILED,
              "Kysymystäsi %s ei juuri nyt saatu perille järjestäjille. Se odottaa heitä silti"
                  + " jonossa.",
              "Din fråga %s kom inte fram till arrangörerna just nu. Den väntar ändå på dem i kön.",
              "Your question %s could not reach the organisers just now. It still waits for them"
                  + " in the queue."),
          entry(
              Key.ORGANISERS_HEADING,
              "Kysymys asiantuntijoille %s",
              "Fråga till experterna %s",
              "Question for the experts %s"),
          entry(Key.ORGANISERS_ASKER, "Kysyjä: %s", "Frågeställare: %s", "Asked by: %s"),
          entry(
              Key.ORGANISERS_ANONYMOUS,
              "Kysyjä: nimetön",
              "Frågeställare: anonym",
              "Asked by: anonymous"),
          entry(
              Key.ORGANISERS_LANGUAGE,
              "Kysymyksen kieli: %s",
              "Frågans språk: %s",
              "Language of the question: %s"),
          entry(
              Key.ORGANISERS_HOW,
              "Vastaa mainitsemalla minut: vastaa %s <vastauksesi>. Välitän vastauksen kysyjälle.",
              "Svara genom att nämna mig: svara %s <ditt svar>. Jag skickar svaret till"
                  + " frågeställaren.",
              "Answer by mentioning me: answer %s <your answer>. I will pass it on to the asker."),
          entry(
              Key.ANSWER_HEADING,
              "Vastaus kysymykseesi (%s)",
              "Svar på din fråga (%s)",
              "Answer to your question (%s)"),
          entry(Key.ANSWER_YOU_ASKED, "Kysyit: “%s”", "Du frågade: “%s”", "You asked: “%s”"),
          entry(
              Key.ANSWER_FROM,
              "Vastauksen antoi ohjelman järjestäjä. Yleistä tietoa, ei oikeudellinen neuvo.",
              "Svaret gavs av en av programmets arrangörer. Allmän information, inte juridisk"
                  + " rådgivning.",
              "The answer is from one of the programme's organisers. General information, not"
                  + " legal advice."),
          entry(
              Key.RELAYING,
              "Kiitos! Välitän vastauksen kysymykseen %s kysyjälle.",
              "Tack! Jag skickar svaret på fråga %s till frågeställaren.",
              "Thank you! I am passing the answer to %s on to the asker."),
          entry(
              Key.RELAY_FAILED,
              "Vastausta kysymykseen %s ei saatu perille kysyjälle: %s",
              "Svaret på fråga %s kom inte fram till frågeställaren: %s",
              "The answer to %s could not be delivered to the asker: %s"),
          entry(
              Key.ALREADY_ANSWERED,
              "Kysymykseen %s on jo vastattu (%s). En välittänyt tätä vastausta.",
              "Fråga %s har redan besvarats (%s). Jag skickade inte det här svaret.",
              "%s has already been answered (%s). I did not pass this answer on."),
          entry(
              Key.UNKNOWN_ID,
              "En tunne kysymystä %s. Tunnus on muotoa K12; vanhat kysymykset poistuvat.",
              "Jag känner inte till fråga %s. Id:t ser ut som K12; gamla frågor raderas.",
              "I do not know question %s. Ids look like K12; old questions are deleted."),
          entry(
              Key.EMPTY_ANSWER,
              "Kirjoita vastaus tunnuksen perään: vastaa %s <vastauksesi>",
              "Skriv svaret efter id:t: svara %s <ditt svar>",
              "Write the answer after the id: answer %s <your answer>"),
          entry(
              Key.TOO_LONG,
              "Vastaus on liian pitkä (enintään %d merkkiä). Lyhennä sitä ja lähetä uudelleen.",
              "Svaret är för långt (högst %d tecken). Korta det och skicka igen.",
              "The answer is too long (at most %d characters). Shorten it and send it again."),
          entry(
              Key.ORGANISERS_ONLY,
              "Vain ohjelman järjestäjät voivat vastata välitettyihin kysymyksiin.",
              "Bara programmets arrangörer kan svara på vidarebefordrade frågor.",
              "Only the programme's organisers can answer forwarded questions."),
          entry(
              Key.ADMINS_ONLY,
              "Vain ylläpitäjät voivat muuttaa tietopankkia.",
              "Bara administratörer kan ändra kunskapsbanken.",
              "Only administrators can change the knowledge base."),
          entry(
              Key.KNOWLEDGE_OFFER,
              "Voit tehdä vastauksesta tietopankkiin uuden osion tai lisätä kysymyksen olemassa"
                  + " olevan osion vaihtoehtoiseksi kysymykseksi (myös: liitä %s <osio-id>).",
              "Du kan göra ett nytt avsnitt i kunskapsbanken av svaret eller lägga till frågan som"
                  + " alternativ fråga i ett befintligt avsnitt (även: koppla %s <avsnitts-id>).",
              "You can turn the answer into a new knowledge section, or add the question as an"
                  + " alternate phrasing of an existing section (also: attach %s <section-id>)."),
          entry(
              Key.BUTTON_NEW_SECTION, "Tee uusi osio", "Skapa nytt avsnitt", "Make a new section"),
          entry(
              Key.BUTTON_PHRASING,
              "Lisää vaihtoehtoiseksi kysymykseksi",
              "Lägg till som alternativ fråga",
              "Add as an alternate question"),
          entry(
              Key.SECTION_MADE,
              "Tein kysymyksestä %s uuden osion %s. Vastaan sillä heti.",
              "Jag gjorde ett nytt avsnitt %2$s av fråga %1$s. Jag svarar med det direkt.",
              "I made %s into the new section %s. It answers from now on."),
          entry(
              Key.PHRASING_ADDED,
              "Lisäsin kysymyksen %s osion %s vaihtoehtoiseksi kysymykseksi. Se on käytössä heti.",
              "Jag lade till fråga %s som alternativ fråga i avsnittet %s. Den gäller direkt.",
              "I added %s as an alternate question of section %s. It applies from now on."),
          entry(
              Key.CHOOSE_SECTION,
              "Mihin osioon kysymys “%s” liitetään? Valitse alta tai kirjoita: liitä %s <osio-id>",
              "Till vilket avsnitt ska frågan “%s” kopplas? Välj nedan eller skriv: koppla %s"
                  + " <avsnitts-id>",
              "Which section should “%s” be attached to? Choose below or write: attach %s"
                  + " <section-id>"),
          entry(
              Key.NO_SUGGESTIONS,
              "En löytänyt ehdotettavia osioita. Kirjoita: liitä %s <osio-id>",
              "Jag hittade inga avsnitt att föreslå. Skriv: koppla %s <avsnitts-id>",
              "I found no sections to suggest. Write: attach %s <section-id>"),
          entry(
              Key.EDIT_REFUSED,
              "Tietopankki ei hyväksynyt muutosta: %s",
              "Kunskapsbanken godtog inte ändringen: %s",
              "The knowledge base refused the change: %s"),
          entry(
              Key.NOT_ANSWERED_YET,
              "Kysymykseen %s ei ole vielä vastattu. Vastaa ensin: vastaa %s <vastaus>",
              "Fråga %s har inte besvarats ännu. Svara först: svara %s <svar>",
              "%s has not been answered yet. Answer first: answer %s <answer>"),
          entry(
              Key.ALREADY_KNOWLEDGE,
              "Kysymyksestä %s on jo tehty tietopankkiin muutos (%s).",
              "Fråga %s har redan lagts in i kunskapsbanken (%s).",
              "%s is already in the knowledge base (%s)."),
          entry(
              Key.EDITING_OFF,
              "Tietopankin muokkaaminen chatista ei ole käytössä.",
              "Att ändra kunskapsbanken från chatten är inte i bruk.",
              "Editing the knowledge base from chat is not switched on."),
          entry(
              Key.STORED,
              "Olet välittänyt järjestäjille %d kysymystä, joista %d odottaa vastausta.",
              "Du har skickat %d frågor till arrangörerna, varav %d väntar på svar.",
              "You forwarded %d questions to the organisers; %d are waiting for an answer."));

  static String get(Key key, Language language) {
    return TEXTS.get(key, language);
  }

  static String format(Key key, Language language, Object... args) {
    return TEXTS.format(key, language, args);
  }

  static String dateTime(Instant at, Language language) {
    return AdminWording.dateTime(at, language);
  }
}
