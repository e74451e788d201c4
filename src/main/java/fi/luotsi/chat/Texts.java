package fi.luotsi.chat;

import static fi.luotsi.chat.TextTable.entry;

import fi.luotsi.knowledge.Language;

/** The bot's own words in Finnish (default), Swedish and English. */
final class Texts {
  private Texts() {}

  enum Key {
    HELP_INTRO,
    HELP_ASK,
    HELP_EXAMPLES,
    HELP_TOPICS,
    HELP_COMMANDS,
    TOPICS_HEADING,
    NO_ANSWER,
    NO_ANSWER_NEXT,
    NO_ANSWER_REPHRASE,
    NO_ANSWER_MAYBE,
    CONTACT,
    DISCLAIMER,
    DISCLAIMER_DISQUALIFICATION,
    ONLY_FINNISH,
    RELATED,
    HELPFUL,
    NOT_HELPFUL,
    SHARE,
    THANKS_UP,
    THANKS_DOWN,
    FEEDBACK_UNKNOWN,
    SHARE_UNKNOWN,
    RATE_LIMITED,
    UNKNOWN_BUTTON,
    SOURCE,
    EMPTY,
    WELCOME
  }

  private static final TextTable<Key> TEXTS =
      new TextTable<>(
          Key.class,
          entry(
              Key.HELP_INTRO,
              "Hei! Olen Luotsi, luottamushenkilöiden apuri. Vastaan kysymyksiin luottamustehtävästä,"
                  + " päätöksenteosta, esteellisyydestä, julkisuudesta, kuntataloudesta,"
                  + " strategiasta ja hallintosäännöstä.",
              "Hej! Jag är Luotsi, en assistent för förtroendevalda. Jag svarar på frågor om"
                  + " förtroendeuppdraget, beslutsfattande, jäv, offentlighet, kommunens ekonomi,"
                  + " strategi och förvaltningsstadga.",
              "Hi! I am Luotsi, an assistant for municipal trustees. I answer questions about the"
                  + " trustee's role, decision-making, disqualification, publicity, municipal"
                  + " finance, strategy and the administrative rules."),
          entry(
              Key.HELP_ASK,
              "Kysy omin sanoin, esimerkiksi: \"olenko jäävi, jos veljeni yritys on tarjoajana?\"",
              "Fråga med egna ord, till exempel: \"är jag jävig om min brors företag lämnar anbud?\"",
              "Ask in your own words, for example: \"am I disqualified if my brother's company is a"
                  + " bidder?\""),
          entry(
              Key.HELP_EXAMPLES,
              "Vastaus on yleistä tietoa lähteineen. Jos en tiedä, kerron kenelle voit kysyä.",
              "Svaret är allmän information med källa. Om jag inte vet säger jag vem du kan fråga.",
              "Answers are general information with their legal source. If I don't know, I tell you"
                  + " whom to ask."),
          entry(
              Key.HELP_TOPICS,
              "Kirjoita \"aiheet\" nähdäksesi aiheet.",
              "Skriv \"ämnen\" för att se ämnena.",
              "Type \"topics\" to see the topics."),
          entry(Key.HELP_COMMANDS, "Komennot:", "Kommandon:", "Commands:"),
          entry(
              Key.TOPICS_HEADING,
              "Voin kertoa näistä aiheista:",
              "Jag kan berätta om:",
              "I can tell you about:"),
          entry(
              Key.NO_ANSWER,
              "En löytänyt tähän varmaa vastausta tietopankistani.",
              "Jag hittade inget säkert svar på det i min kunskapsbank.",
              "I could not find a reliable answer to that in my knowledge base."),
          entry(
              Key.NO_ANSWER_NEXT,
              "Kokeile kysyä toisin sanoin. Osaan vastata esimerkiksi näistä aiheista: %s.",
              "Försök fråga med andra ord. Jag kan svara på frågor om till exempel: %s.",
              "Try asking in other words. I can answer questions about, for example: %s."),
          entry(
              Key.NO_ANSWER_REPHRASE,
              "Kokeile kysyä toisin sanoin.",
              "Försök fråga med andra ord.",
              "Try asking in other words."),
          entry(
              Key.NO_ANSWER_MAYBE,
              "Tarkoititko jotain näistä?",
              "Menade du något av dessa?",
              "Did you mean one of these?"),
          entry(Key.CONTACT, "%s", "%s", "%s"),
          entry(
              Key.DISCLAIMER,
              "Yleistä tietoa, ei oikeudellinen neuvo. Tarkista kuntasi hallintosääntö.",
              "Allmän information, inte juridisk rådgivning. Kontrollera kommunens förvaltningsstadga.",
              "General information, not legal advice. Check your municipality's administrative"
                  + " rules."),
          entry(
              Key.DISCLAIMER_DISQUALIFICATION,
              "Yleistä tietoa, ei oikeudellinen neuvo. Esteellisyydestä päättää toimielin, mutta"
                  + " vastuu esteellisyyden ilmoittamisesta on sinulla.",
              "Allmän information, inte juridisk rådgivning. Organet avgör jävet, men du ansvarar"
                  + " för att anmäla det.",
              "General information, not legal advice. The body decides on disqualification, but you"
                  + " are responsible for declaring it."),
          entry(
              Key.ONLY_FINNISH,
              "",
              "Den här texten finns bara på finska.",
              "This text is available in Finnish only."),
          entry(Key.RELATED, "Lue myös", "Läs också", "See also"),
          entry(Key.HELPFUL, "👍 Hyödyllinen", "👍 Till hjälp", "👍 Helpful"),
          entry(Key.NOT_HELPFUL, "👎 Ei auttanut", "👎 Hjälpte inte", "👎 Not helpful"),
          entry(Key.SHARE, "Jaa kanavalle", "Dela i kanalen", "Share in channel"),
          entry(
              Key.THANKS_UP,
              "Kiitos palautteesta!",
              "Tack för responsen!",
              "Thanks for the feedback!"),
          entry(
              Key.THANKS_DOWN,
              "Kiitos palautteesta. Välitän sen tietopankin ylläpitäjille.",
              "Tack för responsen. Jag skickar den vidare till dem som sköter kunskapsbanken.",
              "Thanks for the feedback. I will pass it on to the people who keep the knowledge base."),
          entry(
              Key.FEEDBACK_UNKNOWN,
              "En löydä enää tätä vastausta, joten palautetta ei tallennettu.",
              "Jag hittar inte längre det svaret, så responsen sparades inte.",
              "I can no longer find that answer, so the feedback was not saved."),
          entry(
              Key.SHARE_UNKNOWN,
              "En löydä enää tätä vastausta jaettavaksi. Kysy uudelleen.",
              "Jag hittar inte längre svaret för att dela det. Fråga igen.",
              "I can no longer find that answer to share. Please ask again."),
          entry(
              Key.RATE_LIMITED,
              "Olet kysynyt paljon lyhyessä ajassa. Odota hetki ja kysy sitten uudelleen.",
              "Du har frågat mycket på kort tid. Vänta en stund och fråga sedan igen.",
              "You have asked a lot in a short time. Please wait a moment and ask again."),
          entry(
              Key.UNKNOWN_BUTTON,
              "Tämä painike ei ole enää käytössä.",
              "Den här knappen används inte längre.",
              "This button is no longer in use."),
          entry(Key.SOURCE, "Lähde", "Källa", "Source"),
          entry(
              Key.EMPTY,
              "Kirjoita kysymyksesi, niin etsin vastauksen.",
              "Skriv din fråga så letar jag efter svaret.",
              "Type your question and I will look for the answer."),
          entry(
              Key.WELCOME,
              "Ole hyvä! Kysy lisää milloin vain.",
              "Varsågod! Fråga gärna mer när som helst.",
              "You're welcome! Ask me more any time."));

  static String get(Key key, Language language) {
    return TEXTS.get(key, language);
  }

  static String format(Key key, Language language, Object... args) {
    return TEXTS.format(key, language, args);
  }
}
