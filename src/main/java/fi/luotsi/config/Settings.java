package fi.luotsi.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Operator settings from {@code config/luotsi.yaml} (no secrets):
 *
 * <pre>
 * contact:                      # who to ask when the bot does not know, per language
 *   fi: "Kysy ohjelman järjestäjiltä: koulutus@example.org"
 *   sv: "…"
 *   en: "…"
 * roles:
 *   organisers: [slack:U0123ABCD, teams:29:1abc]
 *   admins: [slack:U0456EFGH]
 * questions_per_minute: 20      # per person, all platforms
 * question_log_retention: P90D  # ISO-8601 duration
 * max_body_bytes: 1000000       # largest HTTP request body accepted
 * experts:                      # where "ask an expert" questions go (empty: the feature is off)
 *   slack: C0123ABCD            # a Slack channel id
 *   teams: "19:abc…@thread.tacv2"  # a Teams conversation id the bot is installed in
 * digest:                       # the administrators' weekly digest (Europe/Helsinki)
 *   day: MONDAY
 *   time: "09:00"
 *   enabled: true
 * </pre>
 *
 * @param contact the human contact per language (Finnish is required)
 * @param roles organisers and administrators
 * @param questionsPerMinute per-person question rate limit
 * @param questionLogRetention how long question logs are kept
 * @param maxBodyBytes the HTTP body limit
 * @param experts the organisers' destinations for forwarded questions
 * @param digest when the administrators' weekly digest is sent
 */
public record Settings(
    Map<Language, String> contact,
    Roles roles,
    int questionsPerMinute,
    Duration questionLogRetention,
    long maxBodyBytes,
    Experts experts,
    Digest digest) {

  private static final Set<String> KEYS =
      Set.of(
          "contact",
          "roles",
          "questions_per_minute",
          "question_log_retention",
          "max_body_bytes",
          "experts",
          "digest");

  public Settings {
    contact = Map.copyOf(contact);
    if (!contact.containsKey(Language.FI)) {
      throw new IllegalArgumentException("contact needs a Finnish text");
    }
    Objects.requireNonNull(experts, "experts");
    Objects.requireNonNull(digest, "digest");
  }

  /** Settings without the expert destinations and with the default digest time. */
  public Settings(
      Map<Language, String> contact,
      Roles roles,
      int questionsPerMinute,
      Duration questionLogRetention,
      long maxBodyBytes) {
    this(
        contact,
        roles,
        questionsPerMinute,
        questionLogRetention,
        maxBodyBytes,
        Experts.none(),
        Digest.standard());
  }

  /**
   * Where questions forwarded to the organisers ("ask an expert") are posted: a Slack channel id
   * and/or a Teams conversation id; both empty means the feature is off.
   */
  public record Experts(Optional<String> slack, Optional<String> teams) {
    public Experts {
      Objects.requireNonNull(slack, "slack");
      Objects.requireNonNull(teams, "teams");
    }

    public static Experts none() {
      return new Experts(Optional.empty(), Optional.empty());
    }

    public boolean configured() {
      return slack.isPresent() || teams.isPresent();
    }
  }

  /**
   * When the administrators' weekly digest is sent, in Europe/Helsinki time.
   *
   * @param enabled false turns it off (it is also off when there are no administrators)
   * @param day the weekday
   * @param time the local time
   */
  public record Digest(boolean enabled, DayOfWeek day, LocalTime time) {
    public Digest {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(time, "time");
    }

    /** Mondays at 09:00. */
    public static Digest standard() {
      return new Digest(true, DayOfWeek.MONDAY, LocalTime.of(9, 0));
    }
  }

  /** Defaults for running without a configuration file (tests, {@code ask}). */
  public static Settings defaults() {
    return new Settings(
        Map.of(
            Language.FI, "Kysy koulutusohjelman järjestäjiltä tai kunnan hallintopalveluista.",
            Language.SV, "Fråga programmets arrangörer eller kommunens förvaltning.",
            Language.EN, "Ask the programme's organisers or the municipality's administration."),
        Roles.none(),
        20,
        Duration.ofDays(90),
        1_000_000,
        Experts.none(),
        Digest.standard());
  }

  /** The contact text in a language, falling back on Finnish. */
  public String contact(Language language) {
    return contact.getOrDefault(language, contact.get(Language.FI));
  }

  /**
   * Reads {@code luotsi.yaml} from the configuration directory; defaults when the file is absent.
   *
   * @throws ConfigException listing every problem, with the file and line
   */
  public static Settings load(Path configDir) {
    Path file = configDir.resolve("luotsi.yaml");
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    Settings defaults = defaults();
    if (root == null || root.isNull()) {
      return defaults;
    }
    List<String> problems = new ArrayList<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        problems.add(file + ": unknown key '" + key + "'");
      }
    }
    Map<Language, String> contact = new EnumMap<>(defaults.contact());
    root.path("contact")
        .fields()
        .forEachRemaining(
            e ->
                Language.fromTag(e.getKey())
                    .ifPresentOrElse(
                        l -> contact.put(l, e.getValue().asText()),
                        () ->
                            problems.add(
                                file + ": contact." + e.getKey() + " is not fi, sv or en")));
    Set<String> organisers = ids(root.path("roles").path("organisers"), file, problems);
    Set<String> admins = ids(root.path("roles").path("admins"), file, problems);
    int perMinute = root.path("questions_per_minute").asInt(defaults.questionsPerMinute());
    if (perMinute < 1) {
      problems.add(file + ": questions_per_minute must be at least 1");
    }
    Duration retention = defaults.questionLogRetention();
    if (root.has("question_log_retention")) {
      try {
        retention = Duration.parse(root.get("question_log_retention").asText());
      } catch (DateTimeParseException e) {
        problems.add(file + ": question_log_retention must be an ISO-8601 duration such as P90D");
      }
    }
    long maxBody = root.path("max_body_bytes").asLong(defaults.maxBodyBytes());
    Experts experts = experts(root.path("experts"), file, problems);
    Digest digest = digest(root.path("digest"), file, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
    return new Settings(
        contact, new Roles(organisers, admins), perMinute, retention, maxBody, experts, digest);
  }

  private static Experts experts(JsonNode node, Path file, List<String> problems) {
    if (node.isMissingNode() || node.isNull()) {
      return Experts.none();
    }
    if (!node.isObject()) {
      problems.add(file + ": experts must be a map with slack and/or teams");
      return Experts.none();
    }
    unknownKeys(node, Set.of("slack", "teams"), "experts", file, problems);
    Optional<String> slack = text(node.path("slack"));
    Optional<String> teams = text(node.path("teams"));
    if (slack.isPresent() && !slack.get().matches("[CG][A-Z0-9]{2,}")) {
      problems.add(
          file + ": experts.slack must be a Slack channel id such as C0123ABCD: " + slack.get());
    }
    if (teams.isPresent() && teams.get().contains(" ")) {
      problems.add(file + ": experts.teams must be a Teams conversation id: " + teams.get());
    }
    return new Experts(slack, teams);
  }

  private static Digest digest(JsonNode node, Path file, List<String> problems) {
    Digest standard = Digest.standard();
    if (node.isMissingNode() || node.isNull()) {
      return standard;
    }
    if (!node.isObject()) {
      problems.add(file + ": digest must be a map with day, time and enabled");
      return standard;
    }
    unknownKeys(node, Set.of("day", "time", "enabled"), "digest", file, problems);
    DayOfWeek day = standard.day();
    LocalTime time = standard.time();
    if (node.has("day")) {
      try {
        day = DayOfWeek.valueOf(node.get("day").asText().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(file + ": digest.day must be a weekday such as MONDAY");
      }
    }
    if (node.has("time")) {
      try {
        time = LocalTime.parse(node.get("time").asText().strip());
      } catch (DateTimeParseException e) {
        problems.add(file + ": digest.time must be a time such as \"09:00\"");
      }
    }
    boolean enabled = standard.enabled();
    if (node.has("enabled")) {
      if (!node.get("enabled").isBoolean()) {
        problems.add(file + ": digest.enabled must be true or false");
      } else {
        enabled = node.get("enabled").asBoolean();
      }
    }
    return new Digest(enabled, day, time);
  }

  private static Optional<String> text(JsonNode node) {
    if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(node.asText().strip());
  }

  private static void unknownKeys(
      JsonNode node, Set<String> known, String where, Path file, List<String> problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        problems.add(file + ": unknown key '" + where + "." + key + "'");
      }
    }
  }

  private static Set<String> ids(JsonNode node, Path file, List<String> problems) {
    Set<String> out = new HashSet<>();
    for (JsonNode id : node) {
      String value = id.asText();
      if (!value.matches("(slack|teams):.+")) {
        problems.add(file + ": role member '" + value + "' must look like slack:U… or teams:…");
      }
      out.add(value);
    }
    return out;
  }
}
