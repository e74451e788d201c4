package fi.luotsi.admin;

import fi.luotsi.admin.KnowledgeTexts.Key;
import fi.luotsi.admin.KnowledgeVersions.Version;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of the administrators' knowledge listings: the rows of {@code tietopankki tiedostot},
 * the paragraphs of {@code tietopankki näytä} and the rows of {@code tietopankki historia}, in the
 * administrator's language, and the bulleted lists they are shown as.
 */
final class KnowledgeListings {
  static final int MAX_ROWS = 40;
  private static final int ROWS_PER_PARAGRAPH = 8;

  private KnowledgeListings() {}

  /** One file of the knowledge directory: shipped as is, managed from chat, or removed. */
  static String fileRow(String path, Optional<Version> version, Language language) {
    if (version.isEmpty()) {
      return path + " — " + KnowledgeTexts.get(Key.FILE_SHIPPED, language);
    }
    Version v = version.get();
    if (v.removed()) {
      return path
          + " — "
          + KnowledgeTexts.format(
              Key.FILE_REMOVED,
              language,
              v.id(),
              v.author(),
              AdminTexts.dateTime(v.at(), language));
    }
    return path
        + " — "
        + KnowledgeTexts.format(
            Key.FILE_MANAGED,
            language,
            v.id(),
            v.author(),
            AdminTexts.dateTime(v.at(), language),
            KnowledgeTexts.get(KnowledgeTexts.action(v.action()), language));
  }

  /**
   * A file as {@code näytä} shows it: its title, language, number of sections and version, its
   * sections with their lines and alternate phrasings, and the problems found in it.
   */
  static List<String> showParagraphs(
      Optional<Version> version,
      List<Section> sections,
      List<KnowledgeProblem> problems,
      Language language) {
    List<String> paragraphs = new ArrayList<>();
    String title = sections.isEmpty() ? "–" : sections.get(0).documentTitle();
    String lang = sections.isEmpty() ? "–" : sections.get(0).language().code();
    String versionText =
        version
            .map(
                v ->
                    KnowledgeTexts.format(
                        Key.SHOW_MANAGED,
                        language,
                        v.id(),
                        v.author(),
                        AdminTexts.dateTime(v.at(), language),
                        KnowledgeTexts.get(KnowledgeTexts.action(v.action()), language)))
            .orElse(KnowledgeTexts.get(Key.SHOW_SHIPPED, language));
    paragraphs.add(
        KnowledgeTexts.format(Key.SHOW_TITLE, language, title, lang, sections.size())
            + " "
            + versionText);
    List<String> rows = new ArrayList<>();
    for (Section section : sections) {
      rows.add(
          KnowledgeTexts.format(
              Key.SECTION_ROW,
              language,
              section.heading(),
              section.line(),
              section.questions().size()));
    }
    paragraphs.addAll(list(KnowledgeTexts.get(Key.SECTIONS, language), rows));
    if (!problems.isEmpty()) {
      paragraphs.addAll(
          list(
              KnowledgeTexts.get(Key.SHOW_PROBLEMS, language),
              problems.stream().map(KnowledgeProblem::toString).toList()));
    }
    return paragraphs;
  }

  /**
   * An uploaded file's preview: its title, language, number of sections and what it replaces, its
   * sections, and for a replacement the sections added, removed and changed.
   */
  static List<String> previewParagraphs(KnowledgeChanges.Preview preview, Language language) {
    List<Section> sections = preview.file().sections();
    List<String> paragraphs = new ArrayList<>();
    String state =
        preview
            .current()
            .version()
            .filter(v -> !v.removed())
            .map(
                v ->
                    KnowledgeTexts.format(
                        Key.PREVIEW_REPLACES_VERSION,
                        language,
                        v.id(),
                        v.author(),
                        AdminTexts.dateTime(v.at(), language)))
            .orElse(
                KnowledgeTexts.get(
                    preview.current().exists() ? Key.PREVIEW_REPLACES_FILE : Key.PREVIEW_NEW,
                    language));
    paragraphs.add(
        KnowledgeTexts.format(
                Key.PREVIEW_TITLE,
                language,
                sections.get(0).documentTitle(),
                sections.get(0).language().code(),
                sections.size())
            + " "
            + state);
    paragraphs.addAll(
        list(
            KnowledgeTexts.get(Key.SECTIONS, language),
            sections.stream().map(Section::heading).toList()));
    if (preview.current().exists()) {
      KnowledgeDiff diff = preview.diff();
      if (!diff.added().isEmpty()) {
        paragraphs.addAll(list(KnowledgeTexts.get(Key.ADDED, language), diff.added()));
      }
      if (!diff.removed().isEmpty()) {
        paragraphs.addAll(list(KnowledgeTexts.get(Key.REMOVED, language), diff.removed()));
      }
      if (!diff.changed().isEmpty()) {
        paragraphs.addAll(list(KnowledgeTexts.get(Key.CHANGED, language), diff.changed()));
      }
      paragraphs.add(KnowledgeTexts.format(Key.UNCHANGED, language, diff.unchanged()));
    }
    return paragraphs;
  }

  /** One version of a file's history, newest first; {@code current} marks the first. */
  static String historyRow(Version v, boolean current, Language language) {
    StringBuilder row =
        new StringBuilder()
            .append(v.id())
            .append(" · ")
            .append(AdminTexts.dateTime(v.at(), language))
            .append(" · ")
            .append(v.author())
            .append(" · ")
            .append(KnowledgeTexts.get(KnowledgeTexts.action(v.action()), language));
    v.sha256().ifPresent(sha -> row.append(" · sha256 ").append(sha, 0, 12));
    if (!v.note().isEmpty()) {
      row.append(" · ").append(v.note());
    }
    if (current) {
      row.append(' ').append(KnowledgeTexts.get(Key.CURRENT_MARK, language));
    }
    return row.toString();
  }

  /** A heading and bulleted rows, a few per paragraph, at most {@link #MAX_ROWS}. */
  static List<String> list(String heading, List<String> rows) {
    List<String> shown = rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < shown.size(); i += ROWS_PER_PARAGRAPH) {
      String bullets =
          "• "
              + String.join(
                  "\n• ", shown.subList(i, Math.min(shown.size(), i + ROWS_PER_PARAGRAPH)));
      out.add(i == 0 ? heading + "\n" + bullets : bullets);
    }
    if (out.isEmpty()) {
      out.add(heading);
    }
    if (rows.size() > shown.size()) {
      out.add("… +" + (rows.size() - shown.size()));
    }
    return out;
  }
}
