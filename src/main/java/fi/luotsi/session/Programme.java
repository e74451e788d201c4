package fi.luotsi.session;

import fi.luotsi.chat.Platform;
import fi.luotsi.config.ConfigException;
import fi.luotsi.delivery.Recipient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The training programme as loaded from {@code config/sessions.yaml} (format in ARCHITECTURE.md).
 * Immutable; a reload makes a new one.
 *
 * @param zone the programme's time zone
 * @param defaultReminders offsets used by sessions that do not list their own
 * @param groups groups by id, in file order
 * @param sessions sessions in start order
 */
public record Programme(
    ZoneId zone,
    List<Duration> defaultReminders,
    Map<String, Group> groups,
    List<Session> sessions) {

  public Programme {
    Objects.requireNonNull(zone, "zone");
    defaultReminders = List.copyOf(defaultReminders);
    groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    sessions =
        sessions.stream().sorted(java.util.Comparator.comparing(Session::startInstant)).toList();
  }

  /**
   * Reads and validates a programme file.
   *
   * @throws ConfigException naming every problem at once, each with file, line and session
   */
  public static Programme load(Path file) {
    return ProgrammeParser.parse(file);
  }

  /** Parses programme text; {@code fileName} is used in error messages. */
  public static Programme parse(String yaml, String fileName) {
    return ProgrammeParser.parse(yaml, fileName);
  }

  public Optional<Session> session(String id) {
    return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Group> group(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  /** Ids of the groups someone writing as {@code userId} in {@code conversationId} belongs to. */
  public Set<String> groupsOf(Platform platform, String userId, String conversationId) {
    Set<String> out = new LinkedHashSet<>();
    groups
        .values()
        .forEach(
            g -> {
              if (g.includes(platform, userId, conversationId)) {
                out.add(g.id());
              }
            });
    return out;
  }

  /** Sessions that have not started at {@code now} and are for any of {@code groupIds}. */
  public List<Session> upcoming(Instant now, Set<String> groupIds) {
    return sessions.stream().filter(s -> s.isUpcoming(now) && s.isFor(groupIds)).toList();
  }

  /** Sessions that have not started at {@code now}. */
  public List<Session> upcoming(Instant now) {
    return sessions.stream().filter(s -> s.isUpcoming(now)).toList();
  }

  /** Sessions for a group, in start order. */
  public List<Session> sessionsOf(String groupId) {
    return sessions.stream().filter(s -> s.audience().contains(groupId)).toList();
  }

  /** The addresses of a session's audience, each once. */
  public List<Recipient> recipients(Session session) {
    return recipientsOf(session.audience());
  }

  /** The addresses of the given groups, each once, in file order. */
  public List<Recipient> recipientsOf(java.util.Collection<String> groupIds) {
    Set<Recipient> out = new LinkedHashSet<>();
    for (String id : groupIds) {
      Group group = groups.get(id);
      if (group != null) {
        out.addAll(group.recipients());
      }
    }
    return new ArrayList<>(out);
  }
}
