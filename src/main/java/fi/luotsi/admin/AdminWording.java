package fi.luotsi.admin;

import fi.luotsi.knowledge.Language;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The wording every administration feature shares (the refusal for non-administrators, the "try
 * again" failure, dates and times in the programme's time zone), so that the knowledge, digest and
 * expert commands say them the same way as the admin commands.
 */
public final class AdminWording {
  /** Administration dates and times are shown in this zone. */
  public static final ZoneId ZONE = AdminTexts.ZONE;

  private AdminWording() {}

  /** "This command is for administrators only." */
  public static String adminOnly(Language language) {
    return AdminTexts.get(AdminTexts.Key.ADMIN_ONLY, language);
  }

  /** "I could not do that right now. Please try again in a moment." */
  public static String failed(Language language) {
    return AdminTexts.get(AdminTexts.Key.FAILED, language);
  }

  /** A date, e.g. {@code 10.3.2027} in Finnish. */
  public static String date(Instant at, Language language) {
    return AdminTexts.date(at, language);
  }

  /** A date and time, e.g. {@code 10.3.2027 klo 14.05} in Finnish. */
  public static String dateTime(Instant at, Language language) {
    return AdminTexts.dateTime(at, language);
  }
}
