package fi.luotsi.chat.teams;

import fi.luotsi.knowledge.Language;

/** The adapter's own user-facing texts: card labels and the welcome messages. */
final class TeamsTexts {
  private TeamsTexts() {}

  static String sources(Language language) {
    return switch (language) {
      case FI -> "Lähteet";
      case SV -> "Källor";
      case EN -> "Sources";
    };
  }

  static String feedbackQuestion(Language language) {
    return switch (language) {
      case FI -> "Oliko vastauksesta apua?";
      case SV -> "Var svaret till hjälp?";
      case EN -> "Was this answer helpful?";
    };
  }

  static String helpful(Language language) {
    return switch (language) {
      case FI -> "👍 Kyllä";
      case SV -> "👍 Ja";
      case EN -> "👍 Yes";
    };
  }

  static String notHelpful(Language language) {
    return switch (language) {
      case FI -> "👎 Ei";
      case SV -> "👎 Nej";
      case EN -> "👎 No";
    };
  }

  /** Welcome when a person installs the bot for themselves. */
  static String welcomePersonal(Language language) {
    return switch (language) {
      case FI ->
          "Hei! Olen Luotsi, luottamushenkilökoulutuksen avustaja. Kysy minulta koulutuksen"
              + " aiheista, esimerkiksi esteellisyydestä tai talousarviosta, niin vastaan"
              + " lähteineen. Kirjoita \"ohje\", niin kerron, mitä muuta osaan.";
      case SV ->
          "Hej! Jag är Luotsi, assistent för utbildningen av förtroendevalda. Fråga mig om"
              + " utbildningens ämnen, till exempel jäv eller budgeten, så svarar jag med källor."
              + " Skriv \"hjälp\" så berättar jag vad mer jag kan.";
      case EN ->
          "Hi! I am Luotsi, the assistant of the trustee training programme. Ask me about the"
              + " programme's topics, for example disqualification or the budget, and I answer"
              + " with sources. Type \"help\" to see what else I can do.";
    };
  }

  /** Welcome when the bot is added to a team or a group chat. */
  static String welcomeShared(Language language) {
    return switch (language) {
      case FI ->
          "Hei kaikki! Olen Luotsi, luottamushenkilökoulutuksen avustaja. Mainitse minut"
              + " (@Luotsi) ja kysy, niin vastaan ketjuun. Tänne voin myös lähettää muistutuksia"
              + " koulutuksen tilaisuuksista.";
      case SV ->
          "Hej allihop! Jag är Luotsi, assistent för utbildningen av förtroendevalda. Nämn mig"
              + " (@Luotsi) och fråga, så svarar jag i tråden. Hit kan jag också skicka"
              + " påminnelser om utbildningens tillfällen.";
      case EN ->
          "Hello everyone! I am Luotsi, the assistant of the trustee training programme. Mention"
              + " me (@Luotsi) and ask, and I answer in the thread. I can also post reminders of"
              + " the programme's sessions here.";
    };
  }

  /** Said when a turn failed unexpectedly. */
  static String apology(Language language) {
    return switch (language) {
      case FI ->
          "Pahoittelen, jokin meni vikaan enkä pystynyt vastaamaan. Yritä hetken päästä uudelleen.";
      case SV -> "Förlåt, något gick fel och jag kunde inte svara. Försök igen om en stund.";
      case EN ->
          "Sorry, something went wrong and I could not answer. Please try again in a moment.";
    };
  }
}
