package fi.luotsi.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of the programme.
 *
 * @param id unique in the file; lower-case letters, digits and hyphens
 * @param type seminar, sparring or workshop
 * @param title what people see
 * @param start when it starts, in the programme's time zone
 * @param end when it ends, after {@code start}
 * @param location a place or "Teams"; empty when not given
 * @param link a join or information link; empty when none
 * @param description free text; empty when none
 * @param audience ids of the groups it is for, never empty
 * @param topics knowledge tags to suggest before the session
 * @param reminders offsets before {@code start} at which to remind, longest first (the session's
 *     own list, or the programme's default)
 */
public record Session(
    String id,
    SessionType type,
    String title,
    ZonedDateTime start,
    ZonedDateTime end,
    Optional<String> location,
    Optional<String> link,
    String description,
    List<String> audience,
    List<String> topics,
    List<Duration> reminders) {

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(description, "description");
    audience = List.copyOf(audience);
    topics = List.copyOf(topics);
    reminders = reminders.stream().sorted(java.util.Comparator.reverseOrder()).distinct().toList();
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("session " + id + " ends before it starts");
    }
    if (audience.isEmpty()) {
      throw new IllegalArgumentException("session " + id + " has no audience");
    }
  }

  public Instant startInstant() {
    return start.toInstant();
  }

  /** Whether it has not started at {@code now}. */
  public boolean isUpcoming(Instant now) {
    return start.toInstant().isAfter(now);
  }

  /** Whether it is meant for any of the given groups. */
  public boolean isFor(java.util.Collection<String> groupIds) {
    return audience.stream().anyMatch(groupIds::contains);
  }
}
