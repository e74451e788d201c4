package fi.luotsi.session;

import fi.luotsi.knowledge.Language;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How sessions read in Finnish, Swedish and English: weekday, date and local time in the
 * programme's time zone. Weekday names are spelled out here rather than taken from the JDK's locale
 * data, so the texts do not change with the JDK.
 */
public final class SessionFormat {
  private static final String[] FI_DAYS = {
    "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"
  };
  private static final String[] SV_DAYS = {
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"
  };
  private static final String[] EN_DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };
  private static final DateTimeFormatter FI_SV_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
  private static final DateTimeFormatter FI_SV_TIME = DateTimeFormatter.ofPattern("H.mm");
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private SessionFormat() {}

  /** E.g. "torstai 4.3.2027 klo 17.00–19.00" / "torsdag 4.3.2027 kl. 17.00–19.00". */
  public static String when(Session session, Language language) {
    ZonedDateTime start = session.start();
    ZonedDateTime end = session.end().withZoneSameInstant(start.getZone());
    boolean sameDay = start.toLocalDate().equals(end.toLocalDate());
    return switch (language) {
      case FI ->
          weekday(start, language)
              + " "
              + FI_SV_DATE.format(start)
              + " klo "
              + FI_SV_TIME.format(start)
              + "–"
              + (sameDay ? "" : FI_SV_DATE.format(end) + " ")
              + FI_SV_TIME.format(end);
      case SV ->
          weekday(start, language)
              + " "
              + FI_SV_DATE.format(start)
              + " kl. "
              + FI_SV_TIME.format(start)
              + "–"
              + (sameDay ? "" : FI_SV_DATE.format(end) + " ")
              + FI_SV_TIME.format(end);
      case EN ->
          weekday(start, language)
              + " "
              + EN_DATE.format(start)
              + ", "
              + EN_TIME.format(start)
              + "–"
              + (sameDay ? "" : EN_DATE.format(end) + " ")
              + EN_TIME.format(end);
    };
  }

  /** The time of day alone, e.g. "17.00" or "17:00". */
  public static String time(ZonedDateTime time, Language language) {
    return language == Language.EN ? EN_TIME.format(time) : FI_SV_TIME.format(time);
  }

  public static String weekday(ZonedDateTime time, Language language) {
    int i = time.getDayOfWeek().getValue() - 1;
    return switch (language) {
      case FI -> FI_DAYS[i];
      case SV -> SV_DAYS[i];
      case EN -> EN_DAYS[i];
    };
  }

  /** "Paikka: …" / "Plats: …" / "Where: …", or empty when the session has no place. */
  public static java.util.Optional<String> where(Session session, Language language) {
    return session
        .location()
        .map(
            l ->
                switch (language) {
                  case FI -> "Paikka: " + l;
                  case SV -> "Plats: " + l;
                  case EN -> "Where: " + l;
                });
  }

  /** "Liittymislinkki: …" etc., or empty. */
  public static java.util.Optional<String> link(Session session, Language language) {
    return session
        .link()
        .map(
            l ->
                switch (language) {
                  case FI -> "Linkki: " + l;
                  case SV -> "Länk: " + l;
                  case EN -> "Link: " + l;
                });
  }

  /** A title short enough for a button label. */
  public static String shortTitle(Session session) {
    String t = session.title();
    return t.length() <= 32 ? t : t.substring(0, 31).strip() + "…";
  }

  /** The URL of a group's calendar feed under the public base URL. */
  public static String calendarUrl(String publicBaseUrl, String groupId) {
    String base =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
    return base + "/calendar/" + groupId + ".ics";
  }

  /**
   * The RSVP buttons for a session; {@code withTitle} adds the short title to each label, for lists
   * of several sessions.
   */
  public static java.util.List<fi.luotsi.chat.Button> rsvpButtons(
      Session session, Language language, boolean withTitle) {
    String suffix = withTitle ? ": " + shortTitle(session) : "";
    return java.util.List.of(
        new fi.luotsi.chat.Button(
            switch (language) {
                  case FI -> "Osallistun";
                  case SV -> "Jag deltar";
                  case EN -> "Attending";
                }
                + suffix,
            fi.luotsi.chat.Button.Action.RSVP_YES,
            session.id()),
        new fi.luotsi.chat.Button(
            switch (language) {
                  case FI -> "En pääse";
                  case SV -> "Jag kan inte";
                  case EN -> "Can't attend";
                }
                + suffix,
            fi.luotsi.chat.Button.Action.RSVP_NO,
            session.id()));
  }
}
