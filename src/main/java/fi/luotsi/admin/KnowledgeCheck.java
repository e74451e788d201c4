package fi.luotsi.admin;

import fi.luotsi.admin.KnowledgeTexts.Key;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates a knowledge file before it is stored: a safe path inside the knowledge directory, a
 * Markdown name, at most {@link #MAX_BYTES}, UTF-8, and the content by the same rules the knowledge
 * directory is loaded with ({@link KnowledgeLoader#loadFile}), plus: no heading twice in the file,
 * and no question that another file already answers. Any problem refuses the whole file.
 *
 * <p>Thread-safe.
 */
final class KnowledgeCheck {
  /** The largest knowledge file accepted. */
  static final int MAX_BYTES = 256 * 1024;

  private static final Pattern FOLDER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");
  private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,79}\\.md");
  private static final int MAX_DEPTH = 4;

  private final KnowledgeLoader loader = new KnowledgeLoader();

  /** The outcome of a check. */
  sealed interface Result permits Valid, Refused {}

  /**
   * A file that may be stored.
   *
   * @param path the normalised path
   * @param text the content (without a byte order mark)
   * @param sections its sections
   */
  record Valid(String path, String text, List<Section> sections) implements Result {
    Valid {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(text, "text");
      sections = List.copyOf(sections);
    }
  }

  /**
   * A file that may not be stored.
   *
   * @param reasons every problem found, for the administrator
   */
  record Refused(List<String> reasons) implements Result {
    Refused {
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a refusal needs a reason");
      }
    }
  }

  /** A path as typed: forward slashes, no surrounding space. Not yet checked. */
  static String normalizePath(String raw) {
    return raw.strip().replace('\\', '/');
  }

  /** What is wrong with a path; empty when it is a valid knowledge file path. */
  static List<String> pathProblems(String path, Language language) {
    List<String> out = new ArrayList<>();
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.startsWith("~")) {
      out.add(KnowledgeTexts.format(Key.PATH_ABSOLUTE, language, path));
      return out;
    }
    String[] parts = path.split("/", -1);
    for (String part : parts) {
      if (part.equals("..")) {
        out.add(KnowledgeTexts.format(Key.PATH_ESCAPES, language, path));
        return out;
      }
    }
    String name = parts[parts.length - 1];
    if (!name.toLowerCase(Locale.ROOT).endsWith(".md")) {
      out.add(KnowledgeTexts.format(Key.NOT_MARKDOWN, language, path));
      return out;
    }
    if (name.equalsIgnoreCase("readme.md")) {
      out.add(KnowledgeTexts.format(Key.PATH_README, language, path));
      return out;
    }
    boolean valid = parts.length <= MAX_DEPTH + 1 && FILE.matcher(name).matches();
    for (int i = 0; i < parts.length - 1 && valid; i++) {
      valid = FOLDER.matcher(parts[i]).matches();
    }
    if (!valid) {
      out.add(KnowledgeTexts.format(Key.PATH_INVALID, language, path));
    }
    return out;
  }

  /** Checks an uploaded file's bytes. */
  Result check(String path, byte[] content, List<Section> others, Language language) {
    List<String> pathProblems = pathProblems(path, language);
    if (!pathProblems.isEmpty()) {
      return new Refused(pathProblems);
    }
    if (content.length > MAX_BYTES) {
      return tooLarge(content.length, language);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      return new Refused(List.of(KnowledgeTexts.get(Key.NOT_UTF8, language)));
    }
    return check(path, text, others, language);
  }

  /**
   * Checks a file's text.
   *
   * @param path the file
   * @param text its content
   * @param others the sections of every other file of the knowledge base (sections of {@code path}
   *     itself are ignored)
   * @param language the language of the reasons
   */
  Result check(String path, String text, List<Section> others, Language language) {
    List<String> pathProblems = pathProblems(path, language);
    if (!pathProblems.isEmpty()) {
      return new Refused(pathProblems);
    }
    String clean = text.replace("\uFEFF", "");
    int bytes = clean.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return tooLarge(bytes, language);
    }
    List<KnowledgeProblem> problems = new ArrayList<>();
    List<Section> sections = loader.loadFile(path, clean, problems);
    List<String> reasons = new ArrayList<>();
    problems.forEach(p -> reasons.add(p.toString()));
    Map<String, Section> ids = new HashMap<>();
    Map<String, Section> questions = new HashMap<>();
    for (Section other : others) {
      if (!other.path().equals(path)) {
        questions.putIfAbsent(questionKey(other), other);
      }
    }
    for (Section section : sections) {
      Section earlier = ids.putIfAbsent(section.id(), section);
      if (earlier != null) {
        reasons.add(
            KnowledgeTexts.format(
                Key.DUPLICATE_HEADING,
                language,
                path,
                section.line(),
                section.heading(),
                earlier.line()));
      }
      Section answered = questions.get(questionKey(section));
      if (answered != null) {
        reasons.add(
            KnowledgeTexts.format(
                Key.SAME_QUESTION,
                language,
                path,
                section.line(),
                section.heading(),
                answered.id()));
      }
    }
    return reasons.isEmpty() ? new Valid(path, clean, sections) : new Refused(reasons);
  }

  /** Two sections ask the same question when their headings' slugs match in one language. */
  private static String questionKey(Section section) {
    return section.language().code() + ":" + Section.slug(section.heading());
  }

  private static Refused tooLarge(int bytes, Language language) {
    return new Refused(
        List.of(
            KnowledgeTexts.format(
                Key.TOO_LARGE, language, (bytes + 1023) / 1024, MAX_BYTES / 1024)));
  }
}
