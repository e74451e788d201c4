package fi.luotsi.reminder;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import fi.luotsi.session.Session;
import fi.luotsi.session.SessionFormat;
import fi.luotsi.session.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The text of a reminder: what, when, where, what to prepare, with RSVP buttons. */
final class ReminderMessage {
  private ReminderMessage() {}

  static Reply of(Session s, Duration offset, boolean late, Language language) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(
        s.type().label(language)
            + " "
            + inHowLong(offset, language)
            + ":\n"
            + s.title()
            + "\n"
            + SessionFormat.when(s, language));
    List<String> place = new ArrayList<>();
    SessionFormat.where(s, language).ifPresent(place::add);
    SessionFormat.link(s, language).ifPresent(place::add);
    if (!place.isEmpty()) {
      paragraphs.add(String.join("\n", place));
    }
    List<Button> buttons = new ArrayList<>(SessionFormat.rsvpButtons(s, language, false));
    if (!s.topics().isEmpty()) {
      List<String> names = s.topics().stream().map(t -> Topics.display(t, language)).toList();
      String first = names.get(0);
      paragraphs.add(
          switch (language) {
            case FI ->
                "Valmistaudu: aiheina "
                    + String.join(", ", names)
                    + ". Voit kysyä minulta etukäteen, esimerkiksi \"Kerro: "
                    + first
                    + "\".";
            case SV ->
                "Förbered dig: ämnena är "
                    + String.join(", ", names)
                    + ". Fråga mig gärna i förväg, till exempel \"Berätta om: "
                    + first
                    + "\".";
            case EN ->
                "To prepare: the topics are "
                    + String.join(", ", names)
                    + ". Ask me beforehand, for example \"Tell me about: "
                    + first
                    + "\".";
          });
      for (String name : names.subList(0, Math.min(2, names.size()))) {
        buttons.add(
            new Button(
                switch (language) {
                      case FI -> "Kysy: ";
                      case SV -> "Fråga: ";
                      case EN -> "Ask: ";
                    }
                    + name,
                Button.Action.ASK,
                name));
      }
    }
    if (late) {
      paragraphs.add(
          switch (language) {
            case FI -> "Tämä muistutus lähtee myöhässä, koska palvelu oli hetken poissa käytöstä.";
            case SV -> "Påminnelsen kommer sent eftersom tjänsten var ur bruk en stund.";
            case EN -> "This reminder is late because the service was down for a while.";
          });
    }
    String heading =
        switch (language) {
              case FI -> late ? "Muistutus (myöhässä): " : "Muistutus: ";
              case SV -> late ? "Påminnelse (försenad): " : "Påminnelse: ";
              case EN -> late ? "Reminder (late): " : "Reminder: ";
            }
            + s.title();
    String note =
        switch (language) {
          case FI -> "Et halua muistutuksia? Kirjoita minulle \"älä muistuta\".";
          case SV -> "Vill du inte ha påminnelser? Skriv \"påminn inte\" till mig.";
          case EN -> "No more reminders? Write \"stop reminders\" to me.";
        };
    return new Reply(
        Reply.Kind.INFO,
        Optional.of(heading),
        paragraphs,
        List.of(),
        Optional.of(note),
        buttons,
        language,
        Optional.empty());
  }

  /** "alkaa huomenna" style phrase for the common offsets, otherwise a neutral one. */
  private static String inHowLong(Duration offset, Language language) {
    long minutes = offset.toMinutes();
    return switch (language) {
      case FI ->
          minutes == 60
              ? "alkaa tunnin kuluttua"
              : minutes == 24 * 60
                  ? "on huomenna"
                  : minutes == 7 * 24 * 60 ? "on viikon päästä" : "lähestyy";
      case SV ->
          minutes == 60
              ? "börjar om en timme"
              : minutes == 24 * 60
                  ? "är i morgon"
                  : minutes == 7 * 24 * 60 ? "är om en vecka" : "närmar sig";
      case EN ->
          minutes == 60
              ? "starts in an hour"
              : minutes == 24 * 60
                  ? "is tomorrow"
                  : minutes == 7 * 24 * 60 ? "is in a week" : "is coming up";
    };
  }
}
