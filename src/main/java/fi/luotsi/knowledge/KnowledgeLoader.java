package fi.luotsi.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a knowledge directory: every {@code *.md} file below it (except {@code README.md}) and the
 * optional {@code synonyms*.txt} and {@code out-of-scope*.txt} at its root. Each file is validated
 * on its own; a bad file or section is reported as a {@link KnowledgeProblem} and left out, never
 * stopping the others.
 *
 * <p>File format (ARCHITECTURE.md, "Knowledge files"): YAML front matter with a required {@code
 * title} and optional {@code lang}, {@code tags}, {@code source}, {@code updated}, {@code
 * audience}; an optional {@code # Title}; each {@code ## Heading} starts a section. Within a
 * section, an HTML comment opening with {@code <!-- questions} lists alternate phrasings, one per
 * line, and a last line {@code Lähde: …} (or {@code Källa:}, {@code Source:}) names its legal
 * source.
 */
public final class KnowledgeLoader {
  static final Set<String> FRONT_MATTER_KEYS =
      Set.of("title", "lang", "tags", "source", "updated", "audience");
  private static final Pattern SOURCE_LINE =
      Pattern.compile(
          "^\\s*(?:\\*\\*|_)?(?:Lähde|Lähteet|Källa|Källor|Source|Sources)\\s*:\\s*(?:\\*\\*|_)?\\s*(.+?)\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern QUESTIONS_OPEN = Pattern.compile("^\\s*<!--\\s*questions\\b(.*)$");
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

  // A repeated key is a mistake in a hand-edited file; by default the last one would silently win.
  private final YAMLMapper yaml =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private final MarkdownText markdown = new MarkdownText();

  /** Loads every knowledge file under {@code directory}. */
  public KnowledgeBase load(Path directory) {
    List<Section> sections = new ArrayList<>();
    List<KnowledgeProblem> problems = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      problems.add(new KnowledgeProblem(directory.toString(), 0, "knowledge directory not found"));
      return new KnowledgeBase(sections, problems, Map.of());
    }
    Set<String> ids = new HashSet<>();
    for (Path file : markdownFiles(directory)) {
      String relative = relative(directory, file);
      for (Section section : loadFile(relative, read(file, relative, problems), problems)) {
        if (ids.add(section.id())) {
          sections.add(section);
        } else {
          problems.add(
              new KnowledgeProblem(
                  relative, section.line(), "duplicate section id " + section.id()));
        }
      }
    }
    return new KnowledgeBase(
        sections,
        problems,
        lists(directory, KnowledgeBase::synonymsFile, problems),
        outOfScope(lists(directory, KnowledgeBase::outOfScopeFile, problems)));
  }

  /**
   * Parses one file's text. Returns its valid sections and adds its problems; an invalid front
   * matter refuses the whole file.
   */
  public List<Section> loadFile(String relative, String content, List<KnowledgeProblem> problems) {
    if (content == null) {
      return List.of();
    }
    String[] lines = Normalizer.normalize(content, Normalizer.Form.NFC).split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      problems.add(
          new KnowledgeProblem(relative, 1, "missing front matter: the file must start with ---"));
      return List.of();
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      problems.add(new KnowledgeProblem(relative, 1, "front matter is not closed with ---"));
      return List.of();
    }
    Optional<FrontMatter> front =
        frontMatter(relative, String.join("\n", List.of(lines).subList(1, close)), problems);
    if (front.isEmpty()) {
      return List.of();
    }
    return sections(relative, front.get(), lines, close + 1, problems);
  }

  private record FrontMatter(
      String title, Language language, List<String> tags, Optional<String> source) {}

  private Optional<FrontMatter> frontMatter(
      String relative, String text, List<KnowledgeProblem> problems) {
    JsonNode node;
    try {
      node = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : at.getLineNr() + 1;
      problems.add(
          new KnowledgeProblem(
              relative, line, "front matter is not valid YAML: " + e.getOriginalMessage()));
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      problems.add(new KnowledgeProblem(relative, 2, "front matter must be a YAML mapping"));
      return Optional.empty();
    }
    int before = problems.size();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!FRONT_MATTER_KEYS.contains(key)) {
        problems.add(
            new KnowledgeProblem(
                relative,
                lineOf(text, key) + 1,
                "unknown front matter key '" + key + "' (allowed: " + allowedKeys() + ")"));
      }
    }
    String title = node.path("title").isValueNode() ? node.path("title").asText().strip() : "";
    if (title.isEmpty()) {
      problems.add(new KnowledgeProblem(relative, 2, "front matter needs a title"));
    }
    Language language = Language.FI;
    if (node.has("lang")) {
      Optional<Language> parsed = Language.fromTag(node.get("lang").asText());
      if (parsed.isEmpty() || node.get("lang").asText().length() != 2) {
        problems.add(
            new KnowledgeProblem(
                relative,
                lineOf(text, "lang") + 1,
                "lang must be fi, sv or en, was '" + node.get("lang").asText() + "'"));
      } else {
        language = parsed.get();
      }
    }
    if (node.has("updated")) {
      try {
        LocalDate.parse(node.get("updated").asText());
      } catch (DateTimeParseException e) {
        problems.add(
            new KnowledgeProblem(
                relative,
                lineOf(text, "updated") + 1,
                "updated must be a date YYYY-MM-DD, was '" + node.get("updated").asText() + "'"));
      }
    }
    List<String> tags = stringList(node.path("tags"));
    if (problems.size() > before) {
      return Optional.empty();
    }
    Optional<String> source =
        node.path("source").isValueNode() && !node.path("source").asText().isBlank()
            ? Optional.of(node.path("source").asText().strip())
            : Optional.empty();
    return Optional.of(new FrontMatter(title, language, tags, source));
  }

  private List<Section> sections(
      String relative,
      FrontMatter front,
      String[] lines,
      int start,
      List<KnowledgeProblem> problems) {
    List<RawSection> raw = new ArrayList<>();
    RawSection intro = new RawSection(front.title(), start + 1);
    RawSection current = intro;
    boolean inFence = false;
    for (int i = start; i < lines.length; i++) {
      String line = lines[i];
      if (FENCE.matcher(line).matches()) {
        inFence = !inFence;
      }
      Matcher heading = inFence ? null : HEADING.matcher(line);
      if (heading != null && heading.matches() && heading.group(1).length() <= 2) {
        if (heading.group(1).length() == 1) {
          continue; // the optional "# Title" line
        }
        current = new RawSection(heading.group(2), i + 1);
        raw.add(current);
        continue;
      }
      current.lines.add(line);
      current.lineNumbers.add(i + 1);
    }
    if (raw.isEmpty() && !intro.isBlank()) {
      raw.add(intro); // a file without ## headings is one section titled by the file
    }
    List<Section> out = new ArrayList<>();
    for (RawSection section : raw) {
      toSection(relative, front, section, problems).ifPresent(out::add);
    }
    if (out.isEmpty() && problems.stream().noneMatch(p -> p.file().equals(relative))) {
      problems.add(new KnowledgeProblem(relative, 0, "the file has no sections with text"));
    }
    return out;
  }

  private static final class RawSection {
    final String heading;
    final int line;
    final List<String> lines = new ArrayList<>();
    final List<Integer> lineNumbers = new ArrayList<>();

    RawSection(String heading, int line) {
      this.heading = heading;
      this.line = line;
    }

    boolean isBlank() {
      return lines.stream().allMatch(String::isBlank);
    }
  }

  private Optional<Section> toSection(
      String relative, FrontMatter front, RawSection raw, List<KnowledgeProblem> problems) {
    String heading = raw.heading.strip();
    String slug = Section.slug(heading);
    if (slug.isEmpty()) {
      problems.add(
          new KnowledgeProblem(relative, raw.line, "heading has no letters or digits: " + heading));
      return Optional.empty();
    }
    List<String> body = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    boolean inQuestions = false;
    int questionsLine = 0;
    for (int i = 0; i < raw.lines.size(); i++) {
      String line = raw.lines.get(i);
      if (inQuestions) {
        int end = line.indexOf("-->");
        String item = (end >= 0 ? line.substring(0, end) : line).strip();
        item = item.replaceFirst("^[-*]\\s+", "");
        if (!item.isEmpty()) {
          questions.add(item);
        }
        if (end >= 0) {
          inQuestions = false;
        }
        continue;
      }
      Matcher open = QUESTIONS_OPEN.matcher(line);
      if (open.matches()) {
        questionsLine = raw.lineNumbers.get(i);
        String rest = open.group(1);
        int end = rest.indexOf("-->");
        String first =
            (end >= 0 ? rest.substring(0, end) : rest).replaceFirst("^\\s*:", "").strip();
        if (!first.isEmpty()) {
          questions.add(first);
        }
        inQuestions = end < 0;
        continue;
      }
      body.add(line);
    }
    if (inQuestions) {
      problems.add(
          new KnowledgeProblem(
              relative, questionsLine, "the <!-- questions block is not closed with -->"));
      return Optional.empty();
    }
    Optional<String> citation = Optional.empty();
    for (int i = body.size() - 1; i >= 0; i--) {
      if (body.get(i).isBlank()) {
        continue;
      }
      Matcher source = SOURCE_LINE.matcher(body.get(i));
      if (source.matches()) {
        citation = Optional.of(source.group(1).replaceAll("[*_]+$", "").strip());
        body.remove(i);
      }
      break;
    }
    List<String> paragraphs = markdown.paragraphs(String.join("\n", body));
    if (paragraphs.isEmpty()) {
      problems.add(
          new KnowledgeProblem(relative, raw.line, "section '" + heading + "' has no text"));
      return Optional.empty();
    }
    Optional<String> url = front.source().filter(s -> s.matches("(?i)https?://\\S+"));
    if (citation.isEmpty()) {
      citation = front.source().filter(s -> url.isEmpty());
    }
    return Optional.of(
        new Section(
            relative + "#" + slug,
            relative,
            front.title(),
            heading,
            paragraphs,
            front.language(),
            front.tags(),
            questions,
            citation,
            url,
            raw.line));
  }

  /** Each language's lines of the root file {@code name} gives, for the files that exist. */
  private static Map<Language, List<String>> lists(
      Path directory, Function<Language, String> name, List<KnowledgeProblem> problems) {
    Map<Language, List<String>> out = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      Path file = directory.resolve(name.apply(language));
      if (Files.isRegularFile(file)) {
        String text = read(file, name.apply(language), problems);
        if (text != null) {
          out.put(language, List.of(text.split("\r?\n")));
        }
      }
    }
    return out;
  }

  /** Out-of-scope examples: one question per line, blank lines and {@code #} comments left out. */
  private static Map<Language, List<String>> outOfScope(Map<Language, List<String>> files) {
    Map<Language, List<String>> out = new EnumMap<>(Language.class);
    files.forEach(
        (language, lines) ->
            out.put(
                language,
                lines.stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList()));
    return out;
  }

  private static List<Path> markdownFiles(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
          .filter(p -> directory.relativize(p).toString().chars().noneMatch(c -> c == 0))
          .filter(p -> !hidden(directory.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list knowledge directory " + directory, e);
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path directory, Path file) {
    return directory.relativize(file).toString().replace('\\', '/');
  }

  private static String read(Path file, String relative, List<KnowledgeProblem> problems) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString()
          .replace("\uFEFF", "");
    } catch (CharacterCodingException e) {
      problems.add(new KnowledgeProblem(relative, 0, "the file is not valid UTF-8"));
    } catch (IOException e) {
      problems.add(new KnowledgeProblem(relative, 0, "cannot read the file: " + e.getMessage()));
    }
    return null;
  }

  private static List<String> stringList(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (node.isArray()) {
      List<String> out = new ArrayList<>();
      node.forEach(n -> out.add(n.asText().strip()));
      return out;
    }
    return List.of(node.asText().strip());
  }

  private static int lineOf(String text, String key) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(key + ":") || lines[i].startsWith(key + " :")) {
        return i + 1;
      }
    }
    return 1;
  }

  private static String allowedKeys() {
    return String.join(", ", new java.util.TreeSet<>(FRONT_MATTER_KEYS));
  }
}
