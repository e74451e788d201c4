package fi.luotsi.chat.slack;

import fi.luotsi.knowledge.Language;

/** The few texts the Slack adapter writes itself, in the reply's language. */
final class Phrases {
  private Phrases() {}

  static String source(Language language) {
    return switch (language) {
      case FI -> "Lähde";
      case SV -> "Källa";
      case EN -> "Source";
    };
  }

  static String howToAsk(Language language) {
    return switch (language) {
      case FI ->
          "Kysy minulta kirjoittamalla tähän yksityisviestiin, mainitsemalla @Luotsi kanavalla"
              + " (vastaan ketjuun) tai komennolla /luotsi (vastaus näkyy vain sinulle).";
      case SV ->
          "Fråga mig genom att skriva ett direktmeddelande här, nämna @Luotsi i en kanal"
              + " (jag svarar i tråden) eller med kommandot /luotsi (svaret syns bara för dig).";
      case EN ->
          "Ask me in a direct message here, by mentioning @Luotsi in a channel (I answer in the"
              + " thread) or with the /luotsi command (only you see the answer).";
    };
  }

  static String unavailable(Language language) {
    return switch (language) {
      case FI -> "Luotsi ei juuri nyt pysty vastaamaan. Yritä hetken päästä uudelleen.";
      case SV -> "Luotsi kan inte svara just nu. Försök igen om en stund.";
      case EN -> "Luotsi cannot answer right now. Please try again in a moment.";
    };
  }
}
