package fi.luotsi.reminder;

import java.time.Duration;
import java.util.Objects;

/**
 * One reminder: a session and how long before its start.
 *
 * @param sessionId the session's id
 * @param offset how long before the start, e.g. {@code P1D}
 */
public record ReminderKey(String sessionId, Duration offset) {

  public ReminderKey {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(offset, "offset");
  }

  /** A stable name, e.g. {@code sparraus-esteellisyys@PT24H}, used for jobs and the log. */
  public String name() {
    return sessionId + "@" + offset;
  }

  /** The delivery log key: the same session and offset never reach a recipient twice. */
  String messageKey() {
    return "reminder:" + name();
  }

  /** Parses {@link #name()}. */
  public static ReminderKey parse(String name) {
    int at = name.lastIndexOf('@');
    if (at <= 0) {
      throw new IllegalArgumentException("not a reminder name: " + name);
    }
    return new ReminderKey(name.substring(0, at), Duration.parse(name.substring(at + 1)));
  }
}
