package fi.luotsi.admin.digest;

import static fi.luotsi.chat.TextTable.entry;

import fi.luotsi.admin.AdminWording;
import fi.luotsi.chat.Reply;
import fi.luotsi.chat.TextTable;
import fi.luotsi.knowledge.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The weekly digest's words in Finnish (default), Swedish and English, and its layout. */
final class DigestTexts {
  private DigestTexts() {}

  static final ZoneId ZONE = AdminWording.ZONE;
  private static final int ROWS_PER_PARAGRAPH = 5;
  private static final int MAX_TEXT = 200;

  enum Key {
    HEADING,
    QUESTIONS,
    NO_QUESTIONS,
    UNANSWERED,
    DOWNVOTED,
    FEEDBACK,
    PENDING,
    PENDING_HOW,
    NONE
  }

  private static final TextTable<Key> TEXTS =
      new TextTable<>(
          Key.class,
          entry(
              Key.HEADING,
              "Viikkokooste %s–%s",
              "Veckosammanfattning %s–%s",
              "Weekly digest %s–%s"),
          entry(
              Key.QUESTIONS,
              "Kysymyksiä %d, joista vastasin %d (%d %%).",
              "Frågor %d, varav jag besvarade %d (%d %%).",
              "Questions: %d, of which I answered %d (%d%%)."),
          entry(
              Key.NO_QUESTIONS,
              "Tällä viikolla ei kysytty mitään.",
              "Inga frågor den här veckan.",
              "No questions this week."),
          entry(
              Key.UNANSWERED,
              "Kysymykset, joihin en osannut vastata (%d erilaista, yleisimmät ensin):",
              "Frågor som jag inte kunde svara på (%d olika, de vanligaste först):",
              "Questions I could not answer (%d distinct, most frequent first):"),
          entry(
              Key.DOWNVOTED,
              "Vastaukset, jotka saivat 👎 (osio ja määrä):",
              "Svar som fick 👎 (avsnitt och antal):",
              "Answers that got 👎 (section and count):"),
          entry(
              Key.FEEDBACK,
              "Palaute osioittain (👍 hyödyllinen, 👎 ei auttanut):",
              "Respons per avsnitt (👍 till hjälp, 👎 hjälpte inte):",
              "Feedback per section (👍 helpful, 👎 not helpful):"),
          entry(
              Key.PENDING,
              "Järjestäjille välitetyt kysymykset, jotka odottavat vastausta: %d.",
              "Frågor till arrangörerna som väntar på svar: %d.",
              "Questions forwarded to the organisers that wait for an answer: %d."),
          entry(
              Key.PENDING_HOW,
              "Vastaa: vastaa K12 <vastaus>",
              "Svara: svara K12 <svar>",
              "Answer: answer K12 <answer>"),
          entry(Key.NONE, "Ei yhtään.", "Inga.", "None."));

  static String get(Key key, Language language) {
    return TEXTS.get(key, language);
  }

  static String format(Key key, Language language, Object... args) {
    return TEXTS.format(key, language, args);
  }

  static String date(Instant at, Language language) {
    return AdminWording.date(at, language);
  }

  /** The digest as a chat message. */
  static Reply render(DigestReport report, Language language) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(
        report.questions() == 0
            ? get(Key.NO_QUESTIONS, language)
            : format(
                Key.QUESTIONS,
                language,
                report.questions(),
                report.answered(),
                report.answeredPercent()));

    paragraphs.add(format(Key.UNANSWERED, language, report.unansweredGroups()));
    section(
        paragraphs,
        report.unanswered().stream()
            .map(c -> c.count() + " × “" + shorten(c.text()) + "”")
            .toList(),
        language);

    paragraphs.add(get(Key.DOWNVOTED, language));
    section(
        paragraphs,
        report.downvoted().stream().map(c -> c.text() + " — 👎 " + c.count()).toList(),
        language);

    paragraphs.add(get(Key.FEEDBACK, language));
    section(
        paragraphs,
        report.feedback().stream()
            .map(f -> f.sectionId() + " — 👍 " + f.helpful() + " · 👎 " + f.notHelpful())
            .toList(),
        language);

    paragraphs.add(format(Key.PENDING, language, report.pendingTotal()));
    List<String> pending =
        report.pending().stream()
            .map(
                p ->
                    p.shortId()
                        + " · "
                        + date(p.forwardedAt(), language)
                        + " · “"
                        + shorten(p.question())
                        + "”")
            .toList();
    if (!pending.isEmpty()) {
      section(paragraphs, pending, language);
      paragraphs.add(get(Key.PENDING_HOW, language));
    }
    // The period's last day is the day before its exclusive end.
    String heading =
        format(
            Key.HEADING,
            language,
            date(report.from(), language),
            date(report.to().minusSeconds(1), language));
    return new Reply(
        Reply.Kind.INFO,
        Optional.of(heading),
        paragraphs,
        List.of(),
        Optional.empty(),
        List.of(),
        language,
        Optional.empty());
  }

  private static void section(List<String> paragraphs, List<String> rows, Language language) {
    if (rows.isEmpty()) {
      paragraphs.add(get(Key.NONE, language));
      return;
    }
    for (int i = 0; i < rows.size(); i += ROWS_PER_PARAGRAPH) {
      paragraphs.add(
          "• "
              + String.join(
                  "\n• ", rows.subList(i, Math.min(rows.size(), i + ROWS_PER_PARAGRAPH))));
    }
  }

  static String shorten(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT - 1) + "…";
  }
}
