package fi.luotsi.admin;

import fi.luotsi.admin.KnowledgeChanges.Outcome;
import fi.luotsi.admin.KnowledgeChanges.Refused;
import fi.luotsi.admin.KnowledgeChanges.Stored;
import fi.luotsi.admin.KnowledgeTexts.Key;
import fi.luotsi.admin.KnowledgeVersions.Action;
import fi.luotsi.knowledge.KnowledgeLoader;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KnowledgeEditor} over versioned knowledge files: a new section is appended to the managed
 * file of its language ({@link #FILES}), a new phrasing goes into the section's {@code <!--
 * questions} block; each edit is a new version of the file, validated like an upload, audited, and
 * served by this instance before the call returns (the others follow within their sync interval).
 *
 * <p>Thread-safe: a concurrent edit of the same file is retried on the newer version.
 */
final class KnowledgeFileEditor implements KnowledgeEditor {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeFileEditor.class);

  /** The file that collects sections written from chat, per language, with its title. */
  static final Map<Language, String> FILES =
      Map.of(
          Language.FI, "kysytyt/asiantuntijat.md",
          Language.SV, "sv/experter.md",
          Language.EN, "en/experts.md");

  private static final Map<Language, String> TITLES =
      Map.of(
          Language.FI, "Asiantuntijoiden vastauksia",
          Language.SV, "Experternas svar",
          Language.EN, "Answers from experts");
  private static final Map<Language, String> SOURCE_LABEL =
      Map.of(Language.FI, "Lähde", Language.SV, "Källa", Language.EN, "Source");
  private static final Pattern HEADING_LINE = Pattern.compile("^\\s{0,3}#{1,6}(\\s.*)?$");
  private static final Pattern QUESTIONS_OPEN = Pattern.compile("^\\s*<!--\\s*questions\\b.*$");
  private static final int ATTEMPTS = 3;
  private static final int MAX_QUESTION = 200;
  private static final int MAX_ANSWER = 8000;

  private final KnowledgeChanges changes;
  private final AuditLog audit;
  private final KnowledgeLoader loader = new KnowledgeLoader();

  KnowledgeFileEditor(KnowledgeChanges changes, AuditLog audit) {
    this.changes = Objects.requireNonNull(changes, "changes");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public String addSection(
      String author, Language language, String question, String answer, Optional<String> source) {
    try {
      return section(author, language, question, answer, source);
    } catch (KnowledgeEditRefused e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed(author, "section", language, e);
    }
  }

  @Override
  public void addPhrasing(String author, String sectionId, String phrasing) {
    try {
      phrasing(author, sectionId, phrasing);
    } catch (KnowledgeEditRefused e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed(author, "phrasing", Language.FI, e);
    }
  }

  private KnowledgeEditRefused failed(
      String author, String what, Language language, RuntimeException e) {
    if (e instanceof NullPointerException || e instanceof IllegalArgumentException) {
      throw e;
    }
    log.error("A knowledge edit ({}) by {} failed", what, author, e);
    return refused(author, what, KnowledgeTexts.get(Key.EDIT_FAILED, language));
  }

  private String section(
      String author, Language language, String question, String answer, Optional<String> source) {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(source, "source");
    String heading = oneLine(Objects.requireNonNull(question, "question"));
    String body = Objects.requireNonNull(answer, "answer").strip().replace("\r\n", "\n");
    String citation = source.map(KnowledgeFileEditor::oneLine).orElse("");
    String path = FILES.get(language);
    String id = path + "#" + Section.slug(heading);
    if (heading.isEmpty()
        || heading.length() > MAX_QUESTION
        || heading.startsWith("#")
        || Section.slug(heading).isEmpty()
        || heading.contains("<!--")) {
      throw refused(author, "section " + id, KnowledgeTexts.get(Key.EDIT_BAD_QUESTION, language));
    }
    if (body.isEmpty()
        || body.length() > MAX_ANSWER
        || body.contains("<!--")
        || body.lines().anyMatch(l -> HEADING_LINE.matcher(l).matches() || l.strip().equals("---"))
        || citation.contains("<!--")) {
      throw refused(author, "section " + id, KnowledgeTexts.get(Key.EDIT_BAD_ANSWER, language));
    }
    for (int attempt = 1; ; attempt++) {
      KnowledgeChanges.Current current = changes.current(path);
      String before =
          current
              .text()
              .orElse(
                  "---\ntitle: " + TITLES.get(language) + "\nlang: " + language.code() + "\n---\n");
      StringBuilder text = new StringBuilder(before.stripTrailing());
      text.append("\n\n## ").append(heading).append("\n\n").append(body).append('\n');
      if (!citation.isEmpty()) {
        text.append('\n').append(SOURCE_LABEL.get(language)).append(": ").append(citation);
        text.append('\n');
      }
      List<String> oldIds = ids(path, before);
      List<String> newIds = ids(path, text.toString());
      if (oldIds.contains(id)) {
        throw refused(
            author, "section " + id, KnowledgeTexts.format(Key.EDIT_EXISTS, language, id));
      }
      if (!newIds.contains(id) || newIds.size() != oldIds.size() + 1) {
        throw refused(author, "section " + id, KnowledgeTexts.get(Key.EDIT_BAD_ANSWER, language));
      }
      Outcome outcome =
          changes.store(
              author,
              path,
              Optional.of(text.toString()),
              current.baseId(),
              current.exists() ? Action.REPLACE : Action.ADD,
              "section added: " + id,
              language);
      if (outcome instanceof Stored stored) {
        audit.record(author, "knowledge.section.add", id + " change=" + stored.change());
        return id;
      }
      if (!retry(outcome, attempt)) {
        throw refused(author, "section " + id, message((Refused) outcome));
      }
    }
  }

  private void phrasing(String author, String sectionId, String phrasing) {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(sectionId, "sectionId");
    String line = oneLine(Objects.requireNonNull(phrasing, "phrasing"));
    int hash = sectionId.indexOf('#');
    String path = hash > 0 ? sectionId.substring(0, hash) : "";
    Language language = Language.FI;
    for (int attempt = 1; ; attempt++) {
      KnowledgeChanges.Current current =
          KnowledgeCheck.pathProblems(path, Language.FI).isEmpty()
              ? changes.current(path)
              : new KnowledgeChanges.Current(path, Optional.empty(), Optional.empty());
      Optional<Section> section =
          current.text().stream()
              .flatMap(t -> loader.loadFile(path, t, new ArrayList<>()).stream())
              .filter(s -> s.id().equals(sectionId))
              .findFirst();
      if (section.isEmpty()) {
        throw refused(
            author,
            "phrasing " + sectionId,
            KnowledgeTexts.format(Key.EDIT_NO_SECTION, language, sectionId));
      }
      language = section.get().language();
      if (line.isEmpty()
          || line.length() > MAX_QUESTION
          || line.contains("<!--")
          || line.contains("-->")) {
        throw refused(
            author, "phrasing " + sectionId, KnowledgeTexts.get(Key.EDIT_BAD_PHRASING, language));
      }
      boolean known =
          section.get().heading().equalsIgnoreCase(line)
              || section.get().questions().stream().anyMatch(q -> q.equalsIgnoreCase(line));
      if (known) {
        audit.record(author, "knowledge.phrasing.add", sectionId + " already present");
        return;
      }
      String text = withPhrasing(current.text().get(), section.get(), line, path);
      Outcome outcome =
          changes.store(
              author,
              path,
              Optional.of(text),
              current.baseId(),
              Action.REPLACE,
              "phrasing added: " + sectionId,
              language);
      if (outcome instanceof Stored stored) {
        audit.record(author, "knowledge.phrasing.add", sectionId + " change=" + stored.change());
        return;
      }
      if (!retry(outcome, attempt)) {
        throw refused(author, "phrasing " + sectionId, message((Refused) outcome));
      }
    }
  }

  /**
   * The file's text with {@code phrasing} added to the section's questions block (one made right
   * under the heading when it has none).
   */
  String withPhrasing(String text, Section section, String phrasing, String path) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
    int heading = section.line() - 1;
    int end =
        loader.loadFile(path, text, new ArrayList<>()).stream()
            .mapToInt(Section::line)
            .filter(l -> l > section.line())
            .map(l -> l - 1)
            .min()
            .orElse(lines.size());
    for (int i = heading + 1; i < end; i++) {
      if (!QUESTIONS_OPEN.matcher(lines.get(i)).matches()) {
        continue;
      }
      for (int j = i; j < end; j++) {
        String current = lines.get(j);
        int close = current.indexOf("-->", j == i ? current.indexOf("<!--") + 4 : 0);
        if (close < 0) {
          continue;
        }
        String before = current.substring(0, close);
        String after = current.substring(close);
        if (before.isBlank()) {
          lines.add(j, phrasing);
        } else {
          lines.set(j, before.stripTrailing());
          lines.add(j + 1, phrasing);
          lines.add(j + 2, after);
        }
        return String.join("\n", lines);
      }
    }
    lines.addAll(heading + 1, List.of("<!-- questions", phrasing, "-->"));
    return String.join("\n", lines);
  }

  private List<String> ids(String path, String text) {
    return loader.loadFile(path, text, new ArrayList<>()).stream().map(Section::id).toList();
  }

  private static boolean retry(Outcome outcome, int attempt) {
    return outcome instanceof Refused refused && refused.conflict() && attempt < ATTEMPTS;
  }

  private static String message(Refused refused) {
    return refused.reasons().isEmpty()
        ? refused.message()
        : refused.message() + "\n" + String.join("\n", refused.reasons());
  }

  private KnowledgeEditRefused refused(String author, String what, String message) {
    try {
      audit.record(author, "knowledge.refused", what + ": " + message);
    } catch (RuntimeException e) {
      return new KnowledgeEditRefused(message, e);
    }
    return new KnowledgeEditRefused(message);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
