package fi.luotsi.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fi.luotsi.knowledge.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * </pre>
 *
 * @param contact the human contact per language (Finnish is required)
 * @param roles organisers and administrators
 * @param questionsPerMinute per-person question rate limit
 * @param questionLogRetention how long question logs are kept
 * @param maxBodyBytes the HTTP body limit
 */
public record Settings(
    Map<Language, String> contact,
    Roles roles,
    int questionsPerMinute,
    Duration questionLogRetention,
    long maxBodyBytes) {

  private static final Set<String> KEYS =
      Set.of(
          "contact", "roles", "questions_per_minute", "question_log_retention", "max_body_bytes");

  public Settings {
    contact = Map.copyOf(contact);
    if (!contact.containsKey(Language.FI)) {
      throw new IllegalArgumentException("contact needs a Finnish text");
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
        1_000_000);
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
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
    return new Settings(contact, new Roles(organisers, admins), perMinute, retention, maxBody);
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
