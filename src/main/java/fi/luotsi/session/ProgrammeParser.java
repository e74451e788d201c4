package fi.luotsi.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fi.luotsi.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code sessions.yaml} into a {@link Programme}. The YAML is first read into a small tree
 * that remembers the line of every key and value, so that each problem names its line; all problems
 * are collected and reported together.
 */
final class ProgrammeParser {
  private static final Set<String> TOP_KEYS = Set.of("timezone", "reminders", "groups", "sessions");
  private static final Set<String> GROUP_KEYS = Set.of("name", "slack", "teams");
  private static final Set<String> SESSION_KEYS =
      Set.of(
          "id",
          "type",
          "title",
          "start",
          "end",
          "location",
          "link",
          "description",
          "audience",
          "topics",
          "reminders");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,79}");
  private static final Pattern SLACK_ID = Pattern.compile("[CGUWD][A-Z0-9]{2,}");
  private static final Pattern TOPIC = Pattern.compile("[\\p{L}\\p{N}_-]+");
  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private final String file;
  private final List<String> problems = new ArrayList<>();

  private ProgrammeParser(String file) {
    this.file = file;
  }

  static Programme parse(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(path + ": cannot read the programme: " + e.getMessage());
    }
    return parse(text, path.toString());
  }

  static Programme parse(String yaml, String fileName) {
    ProgrammeParser parser = new ProgrammeParser(fileName);
    Programme programme = parser.read(yaml);
    if (!parser.problems.isEmpty()) {
      throw new ConfigException(
          fileName
              + ": "
              + parser.problems.size()
              + " problem(s) in the programme\n  "
              + String.join("\n  ", parser.problems));
    }
    return programme;
  }

  private Programme read(String yaml) {
    YamlNode root;
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        problem(1, "", "the file is empty");
        return null;
      }
      root = YamlNode.read(p);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problem(line, "", "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
      return null;
    } catch (IOException e) {
      problem(0, "", "cannot read: " + e.getMessage());
      return null;
    }
    if (!(root instanceof YamlNode.MapNode top)) {
      problem(root.line(), "", "expected keys timezone, reminders, groups, sessions");
      return null;
    }
    unknownKeys(top, TOP_KEYS, "");

    ZoneId zone = ZoneId.of("Europe/Helsinki");
    Optional<String> zoneText = scalar(top, "timezone", "");
    if (zoneText.isPresent()) {
      try {
        zone = ZoneId.of(zoneText.get());
      } catch (DateTimeException e) {
        problem(top.line("timezone"), "", "unknown time zone '" + zoneText.get() + "'");
      }
    }
    List<Duration> defaults = List.of(Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(1));
    if (top.has("reminders")) {
      defaults = durations(top.get("reminders"), "");
    }
    Map<String, Group> groups = groups(top);
    List<Session> sessions = sessions(top, zone, defaults, groups);
    return problems.isEmpty() ? new Programme(zone, defaults, groups, sessions) : null;
  }

  private Map<String, Group> groups(YamlNode.MapNode top) {
    Map<String, Group> groups = new LinkedHashMap<>();
    if (!top.has("groups")) {
      problem(top.line(), "", "'groups' is missing");
      return groups;
    }
    if (!(top.get("groups") instanceof YamlNode.MapNode map)) {
      problem(top.line("groups"), "", "'groups' must map group ids to groups");
      return groups;
    }
    for (var entry : map.entries().entrySet()) {
      String id = entry.getKey();
      String where = "group '" + id + "'";
      if (!ID.matcher(id).matches()) {
        problem(map.line(id), where, "a group id is lower-case letters, digits, '-' and '_'");
      }
      if (!(entry.getValue().node() instanceof YamlNode.MapNode g)) {
        problem(map.line(id), where, "expected keys name, slack, teams");
        continue;
      }
      unknownKeys(g, GROUP_KEYS, where);
      String name = scalar(g, "name", where).orElse(id);
      List<String> slack = strings(g, "slack", where);
      for (int i = 0; i < slack.size(); i++) {
        if (!SLACK_ID.matcher(slack.get(i)).matches()) {
          problem(
              lineOfItem(g, "slack", i),
              where,
              "'" + slack.get(i) + "' is not a Slack channel or user id (C…, G…, U…, W…)");
        }
      }
      List<String> teams = strings(g, "teams", where);
      groups.put(id, new Group(id, name, slack, teams));
    }
    return groups;
  }

  private List<Session> sessions(
      YamlNode.MapNode top, ZoneId zone, List<Duration> defaults, Map<String, Group> groups) {
    List<Session> sessions = new ArrayList<>();
    if (!top.has("sessions")) {
      problem(top.line(), "", "'sessions' is missing");
      return sessions;
    }
    if (!(top.get("sessions") instanceof YamlNode.ListNode list)) {
      problem(top.line("sessions"), "", "'sessions' must be a list");
      return sessions;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode item = list.items().get(i);
      if (!(item instanceof YamlNode.MapNode s)) {
        problem(item.line(), "session #" + (i + 1), "expected a session with id, title, start…");
        continue;
      }
      String id = scalar(s, "id", "session #" + (i + 1)).orElse("#" + (i + 1));
      String where = "session '" + id + "'";
      int before = problems.size();
      if (s.has("id") && !ID.matcher(id).matches()) {
        problem(s.line("id"), where, "an id is lower-case letters, digits, '-' and '_'");
      } else if (s.has("id") && !seen.add(id)) {
        problem(s.line("id"), where, "the id is used by another session");
      }
      unknownKeys(s, SESSION_KEYS, where);
      required(s, where, "id", "type", "title", "start", "end", "audience");
      Optional<SessionType> type =
          scalar(s, "type", where)
              .flatMap(
                  t -> {
                    Optional<SessionType> parsed = SessionType.parse(t);
                    if (parsed.isEmpty()) {
                      problem(
                          s.line("type"),
                          where,
                          "type '" + t + "' is not one of seminar, sparring, workshop");
                    }
                    return parsed;
                  });
      String title = scalar(s, "title", where).orElse("");
      Optional<ZonedDateTime> start = time(s, "start", zone, where);
      Optional<ZonedDateTime> end = time(s, "end", zone, where);
      if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
        problem(
            s.line("end"),
            where,
            "end "
                + end.get().toLocalDateTime()
                + " is not after start "
                + start.get().toLocalDateTime());
      }
      Optional<String> link = scalar(s, "link", where);
      if (link.isPresent() && !LINK.matcher(link.get()).matches()) {
        problem(s.line("link"), where, "link '" + link.get() + "' is not an http(s) URL");
      }
      List<String> audience = strings(s, "audience", where);
      if (s.has("audience") && audience.isEmpty()) {
        problem(s.line("audience"), where, "audience lists no group");
      }
      for (int g = 0; g < audience.size(); g++) {
        if (!groups.containsKey(audience.get(g))) {
          problem(
              lineOfItem(s, "audience", g),
              where,
              "unknown group '" + audience.get(g) + "' (groups: " + groups.keySet() + ")");
        }
      }
      List<String> topics = strings(s, "topics", where);
      for (int t = 0; t < topics.size(); t++) {
        if (!TOPIC.matcher(topics.get(t)).matches()) {
          problem(lineOfItem(s, "topics", t), where, "topic '" + topics.get(t) + "' is not a tag");
        }
      }
      List<Duration> reminders =
          s.has("reminders") ? durations(s.get("reminders"), where) : defaults;
      if (problems.size() == before && type.isPresent()) {
        sessions.add(
            new Session(
                id,
                type.get(),
                title,
                start.orElseThrow(),
                end.orElseThrow(),
                scalar(s, "location", where),
                link,
                scalar(s, "description", where).orElse(""),
                audience,
                topics,
                reminders));
      }
    }
    return sessions;
  }

  private Optional<ZonedDateTime> time(YamlNode.MapNode s, String key, ZoneId zone, String where) {
    Optional<String> text = scalar(s, key, where);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    LocalDateTime local;
    try {
      local = LocalDateTime.parse(text.get());
    } catch (DateTimeParseException e) {
      problem(
          s.line(key),
          where,
          key + " '" + text.get() + "' is not a local time like 2027-03-04T17:00");
      return Optional.empty();
    }
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      problem(
          s.line(key),
          where,
          key + " " + local + " does not exist in " + zone + " (clocks skip it in spring)");
      return Optional.empty();
    }
    return Optional.of(ZonedDateTime.of(local, zone));
  }

  private List<Duration> durations(YamlNode node, String where) {
    if (!(node instanceof YamlNode.ListNode list)) {
      problem(node.line(), where, "reminders must be a list like [P7D, P1D, PT1H]");
      return List.of();
    }
    List<Duration> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      String text = item instanceof YamlNode.Scalar sc && sc.text() != null ? sc.text() : "";
      try {
        Duration d = Duration.parse(text);
        if (d.isNegative() || d.isZero()) {
          problem(item.line(), where, "reminder offset " + text + " must be positive");
        } else {
          out.add(d);
        }
      } catch (DateTimeParseException e) {
        problem(
            item.line(),
            where,
            "reminder offset '" + text + "' is not an ISO-8601 duration like P1D or PT1H");
      }
    }
    return out;
  }

  private void required(YamlNode.MapNode map, String where, String... keys) {
    for (String key : keys) {
      if (!map.has(key)) {
        problem(map.line(), where, "'" + key + "' is missing");
      }
    }
  }

  private void unknownKeys(YamlNode.MapNode map, Set<String> known, String where) {
    for (String key : map.entries().keySet()) {
      if (!known.contains(key)) {
        problem(
            map.line(key),
            where,
            "unknown key '" + key + "' (expected one of " + new java.util.TreeSet<>(known) + ")");
      }
    }
  }

  private Optional<String> scalar(YamlNode.MapNode map, String key, String where) {
    if (!map.has(key)) {
      return Optional.empty();
    }
    if (!(map.get(key) instanceof YamlNode.Scalar s)) {
      problem(map.line(key), where, "'" + key + "' must be a single value");
      return Optional.empty();
    }
    return s.text() == null || s.text().isBlank()
        ? Optional.empty()
        : Optional.of(s.text().strip());
  }

  private List<String> strings(YamlNode.MapNode map, String key, String where) {
    if (!map.has(key)) {
      return List.of();
    }
    YamlNode node = map.get(key);
    if (node instanceof YamlNode.Scalar s && s.text() == null) {
      return List.of();
    }
    if (!(node instanceof YamlNode.ListNode list)) {
      problem(map.line(key), where, "'" + key + "' must be a list like [a, b]");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (item instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
        out.add(s.text().strip());
      } else {
        problem(item.line(), where, "'" + key + "' may only hold single values");
      }
    }
    return out;
  }

  private static int lineOfItem(YamlNode.MapNode map, String key, int index) {
    return map.get(key) instanceof YamlNode.ListNode list && index < list.items().size()
        ? list.items().get(index).line()
        : map.line(key);
  }

  private void problem(int line, String where, String message) {
    problems.add(file + ":" + line + ": " + (where.isEmpty() ? "" : where + ": ") + message);
  }

  /** A YAML value that knows its line. */
  sealed interface YamlNode {
    int line();

    record Scalar(String text, int line) implements YamlNode {}

    record ListNode(List<YamlNode> items, int line) implements YamlNode {}

    record Entry(int keyLine, YamlNode node) {}

    record MapNode(Map<String, Entry> entries, int line) implements YamlNode {
      boolean has(String key) {
        return entries.containsKey(key);
      }

      YamlNode get(String key) {
        return entries.get(key).node();
      }

      int line(String key) {
        Entry e = entries.get(key);
        return e == null ? line : e.keyLine();
      }
    }

    /** Reads the value at the parser's current token. */
    static YamlNode read(JsonParser p) throws IOException {
      int line = p.currentTokenLocation().getLineNr();
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_OBJECT) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          p.nextToken();
          YamlNode value = read(p);
          if (entries.putIfAbsent(key, new Entry(keyLine, value)) != null) {
            throw new JsonProcessingException(
                "duplicate key '" + key + "'", p.currentTokenLocation()) {
              private static final long serialVersionUID = 1L;
            };
          }
        }
        return new MapNode(entries, line);
      }
      if (token == JsonToken.START_ARRAY) {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p));
        }
        return new ListNode(items, line);
      }
      return new Scalar(token == JsonToken.VALUE_NULL ? null : p.getText(), line);
    }
  }
}
