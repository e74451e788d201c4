package fi.luotsi.reminder;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.knowledge.Language;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The organiser-facing texts of broadcasts, in Finnish, Swedish and English. */
final class BroadcastTexts {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy H.mm");

  private BroadcastTexts() {}

  static String t(Language l, String fi, String sv, String en) {
    return switch (l) {
      case FI -> fi;
      case SV -> sv;
      case EN -> en;
    };
  }

  static Reply preview(Broadcast b, Reply message, List<String> groupNames, int recipients) {
    Language l = b.language();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(
        t(l, "Vastaanottajat: ", "Mottagare: ", "Recipients: ")
            + String.join(", ", groupNames)
            + " ("
            + recipients
            + t(l, " osoitetta)", " adresser)", " addresses)"));
    paragraphs.add("――――");
    paragraphs.add(message.plainText());
    paragraphs.add("――――");
    paragraphs.add(
        t(
                l,
                "Lähetä nyt napista, tai ajasta: \"tiedote lähetä %d 1.12.2026 klo 9.00\". Muuta:"
                    + " \"tiedote muokkaa %d: uusi teksti\".",
                "Skicka nu med knappen, eller schemalägg: \"tiedote lähetä %d 1.12.2026 9.00\"."
                    + " Ändra: \"tiedote muokkaa %d: ny text\".",
                "Send now with the button, or schedule: \"announce send %d 2026-12-01 09:00\". Edit:"
                    + " \"announce edit %d: new text\".")
            .formatted(b.id(), b.id()));
    return new Reply(
        Reply.Kind.INFO,
        Optional.of(
            t(
                    l,
                    "Esikatselu: tiedote #",
                    "Förhandsvisning: meddelande #",
                    "Preview: announcement #")
                + b.id()),
        paragraphs,
        List.of(),
        Optional.empty(),
        List.of(
            new Button(
                t(l, "Lähetä nyt", "Skicka nu", "Send now"),
                Button.Action.COMMAND,
                "tiedote lähetä " + b.id()),
            new Button(
                t(l, "Peru", "Avbryt", "Cancel"), Button.Action.COMMAND, "tiedote peru " + b.id())),
        l,
        Optional.empty());
  }

  static Reply scheduled(Broadcast b, int recipients, boolean now, ZoneId zone) {
    Language l = b.language();
    String text =
        now
            ? t(
                    l,
                    "Tiedote #%d lähtee nyt %d vastaanottajalle. Tilanne: \"tiedote raportti %d\".",
                    "Meddelande #%d skickas nu till %d mottagare. Läge: \"tiedote raportti %d\".",
                    "Announcement #%d is going out now to %d recipients. Status: \"announce report"
                        + " %d\".")
                .formatted(b.id(), recipients, b.id())
            : t(
                    l,
                    "Tiedote #%d lähtee %s %d vastaanottajalle. Peru: \"tiedote peru %d\".",
                    "Meddelande #%d skickas %s till %d mottagare. Avbryt: \"tiedote peru %d\".",
                    "Announcement #%d goes out %s to %d recipients. Cancel: \"announce cancel"
                        + " %d\".")
                .formatted(
                    b.id(),
                    WHEN.format(ZonedDateTime.ofInstant(b.sendAt().orElseThrow(), zone)),
                    recipients,
                    b.id());
    return Reply.info(l, text);
  }

  static Reply report(Broadcast b, DeliveryReport r, Language l) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(
        t(
                l,
                "Tiedote #%d (%s): perillä %d, epäonnistui %d, odottaa %d%s.",
                "Meddelande #%d (%s): framme %d, misslyckades %d, väntar %d%s.",
                "Announcement #%d (%s): reached %d, failed %d, pending %d%s.")
            .formatted(
                b.id(),
                status(b.status(), l),
                r.reached(),
                r.failed(),
                r.pending(),
                r.retracted() > 0
                    ? t(l, ", poistettu %d", ", borttaget %d", ", retracted %d")
                        .formatted(r.retracted())
                    : ""));
    if (!r.failures().isEmpty()) {
      StringBuilder failures =
          new StringBuilder(t(l, "Epäonnistuneet:", "Misslyckade:", "Failed:"));
      r.failures().stream()
          .limit(10)
          .forEach(
              f ->
                  failures
                      .append("\n• ")
                      .append(f.recipient())
                      .append(" – ")
                      .append(f.status())
                      .append(f.reason().isEmpty() ? "" : ": " + f.reason()));
      if (r.failures().size() > 10) {
        failures.append("\n…");
      }
      paragraphs.add(failures.toString());
    }
    return new Reply(
        Reply.Kind.INFO,
        Optional.of(t(l, "Toimitusraportti", "Leveransrapport", "Delivery report")),
        paragraphs,
        List.of(),
        Optional.empty(),
        List.of(),
        l,
        Optional.empty());
  }

  static String status(String status, Language l) {
    return switch (status) {
      case "DRAFT" -> t(l, "luonnos", "utkast", "draft");
      case "SCHEDULED" -> t(l, "ajastettu", "schemalagt", "scheduled");
      case "SENDING" -> t(l, "lähtee", "skickas", "sending");
      case "SENT" -> t(l, "lähetetty", "skickat", "sent");
      case "CANCELLED" -> t(l, "peruttu", "avbrutet", "cancelled");
      case "RETRACTED" -> t(l, "poistettu", "borttaget", "retracted");
      default -> status;
    };
  }

  static Reply refused(BroadcastRefused e, Language l) {
    String detail = e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip();
    String text =
        switch (e.problem()) {
          case NO_SUCH_BROADCAST ->
              t(l, "En löydä tiedotetta ", "Jag hittar inte meddelande ", "No announcement ")
                  + detail
                  + ".";
          case UNKNOWN_GROUPS -> {
            String[] parts = detail.split("\\|", 2);
            yield t(l, "Tuntematon ryhmä: ", "Okänd grupp: ", "Unknown group: ")
                + (parts[0].isBlank() ? "–" : parts[0])
                + ". "
                + t(l, "Ryhmät: ", "Grupper: ", "Groups: ")
                + (parts.length > 1 ? parts[1] : "")
                + t(l, " tai \"kaikki\".", " eller \"alla\".", " or \"all\".");
          }
          case NO_RECIPIENTS ->
              t(
                  l,
                  "Ryhmillä ei ole yhtään Slack- tai Teams-osoitetta.",
                  "Grupperna har inga Slack- eller Teams-adresser.",
                  "The groups have no Slack or Teams addresses.");
          case EMPTY_TEXT ->
              t(
                  l,
                  "Tiedotteesta puuttuu teksti.",
                  "Meddelandet saknar text.",
                  "The text is empty.");
          case TOO_LONG ->
              t(
                  l,
                  "Tiedote on liian pitkä (enintään 3000 merkkiä).",
                  "Meddelandet är för långt (högst 3000 tecken).",
                  "The announcement is too long (3000 characters at most).");
          case TIME_IN_PAST ->
              t(
                  l,
                  "Aika on jo mennyt. Anna tuleva aika, esim. 1.12.2026 klo 9.00.",
                  "Tiden har redan passerat. Ange en kommande tid, t.ex. 1.12.2026 9.00.",
                  "That time has passed. Give a future time, e.g. 2026-12-01 09:00.");
          case ALREADY_SENT ->
              t(
                  l,
                  "Tiedote on jo "
                      + status(detail, l)
                      + ", joten sitä ei voi enää lähettää tai perua.",
                  "Meddelandet är redan " + status(detail, l) + ".",
                  "The announcement is already " + status(detail, l) + ".");
          case NOT_SENT ->
              t(
                  l,
                  "Tätä tiedotetta ei voi muuttaa: se on " + status(detail, l) + ".",
                  "Meddelandet kan inte ändras: det är " + status(detail, l) + ".",
                  "This announcement cannot be changed: it is " + status(detail, l) + ".");
        };
    return Reply.error(l, text);
  }
}
