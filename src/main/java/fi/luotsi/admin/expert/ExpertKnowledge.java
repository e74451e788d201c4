package fi.luotsi.admin.expert;

import fi.luotsi.admin.AuditLog;
import fi.luotsi.admin.KnowledgeEditor;
import fi.luotsi.admin.KnowledgeEditor.KnowledgeEditRefused;
import fi.luotsi.admin.expert.ExpertQuestions.Question;
import fi.luotsi.admin.expert.ExpertTexts.Key;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.knowledge.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Forwarded questions made knowledge by an administrator: a new section from the question and its
 * expert answer ({@code tee-osio K12}), or the question as a further phrasing of an existing
 * section chosen from the closest ones ({@code vaihtoehto K12}, then {@code liitä K12 <osio-id>}).
 * Each question becomes knowledge once, also when two administrators press at once; every step and
 * refusal is audited.
 */
final class ExpertKnowledge {
  private final ExpertQuestions store;
  private final Pseudonyms pseudonyms;
  private final Roles roles;
  private final AuditLog audit;
  private final Optional<KnowledgeEditor> editor;
  private final SectionSuggestions suggestions;

  ExpertKnowledge(
      ExpertQuestions store,
      Pseudonyms pseudonyms,
      Roles roles,
      AuditLog audit,
      Optional<KnowledgeEditor> editor,
      SectionSuggestions suggestions) {
    this.store = store;
    this.pseudonyms = pseudonyms;
    this.roles = roles;
    this.audit = audit;
    this.editor = editor;
    this.suggestions = suggestions;
  }

  private Optional<Reply> adminCheck(IncomingMessage message, Language language, String what) {
    if (!roles.isAdmin(message.platform(), message.userId())) {
      audit.record(
          "pseudonym:" + pseudonyms.of(message.platform(), message.userId()),
          "expert.knowledge.denied",
          what);
      return Optional.of(Reply.error(language, ExpertTexts.get(Key.ADMINS_ONLY, language)));
    }
    if (editor.isEmpty()) {
      return Optional.of(Reply.info(language, ExpertTexts.get(Key.EDITING_OFF, language)));
    }
    return Optional.empty();
  }

  /** The question, or the reply saying why it cannot become knowledge. */
  private Object knowledgeCandidate(long id, Language language) {
    Optional<Question> found = store.find(id);
    if (found.isEmpty()) {
      return Reply.error(language, ExpertTexts.format(Key.UNKNOWN_ID, language, "K" + id));
    }
    Question q = found.get();
    if (q.sectionId().isPresent()) {
      return Reply.info(
          language,
          ExpertTexts.format(Key.ALREADY_KNOWLEDGE, language, q.shortId(), q.sectionId().get()));
    }
    return q;
  }

  Reply newSection(IncomingMessage message, long id, Language language) {
    Optional<Reply> refused = adminCheck(message, language, ExpertCommand.NEW_SECTION + " K" + id);
    if (refused.isPresent()) {
      return refused.get();
    }
    Object candidate = knowledgeCandidate(id, language);
    if (!(candidate instanceof Question q)) {
      return (Reply) candidate;
    }
    if (q.answer().isEmpty()) {
      return Reply.info(
          language, ExpertTexts.format(Key.NOT_ANSWERED_YET, language, q.shortId(), q.shortId()));
    }
    String actor = Roles.key(message.platform(), message.userId());
    return edit(
        q,
        actor,
        language,
        () ->
            editor
                .get()
                .addSection(
                    actor,
                    Language.fromTag(q.language()).orElse(Language.FI),
                    heading(q.question()),
                    q.answer().get(),
                    Optional.empty()),
        "expert.section",
        Key.SECTION_MADE);
  }

  Reply chooseSection(IncomingMessage message, long id, Language language) {
    Optional<Reply> refused =
        adminCheck(message, language, ExpertCommand.CHOOSE_SECTION + " K" + id);
    if (refused.isPresent()) {
      return refused.get();
    }
    Object candidate = knowledgeCandidate(id, language);
    if (!(candidate instanceof Question q)) {
      return (Reply) candidate;
    }
    Language questionLanguage = Language.fromTag(q.language()).orElse(Language.FI);
    List<SectionSuggestions.Suggestion> closest =
        suggestions.closest(q.question(), questionLanguage);
    if (closest.isEmpty()) {
      return Reply.info(language, ExpertTexts.format(Key.NO_SUGGESTIONS, language, q.shortId()));
    }
    List<Button> buttons = new ArrayList<>();
    for (SectionSuggestions.Suggestion s :
        closest.subList(0, Math.min(ExpertCommand.SUGGESTIONS, closest.size()))) {
      buttons.add(
          new Button(
              s.heading(), Button.Action.COMMAND, "liitä " + q.shortId() + " " + s.sectionId()));
    }
    return Reply.info(
            language, ExpertTexts.format(Key.CHOOSE_SECTION, language, q.question(), q.shortId()))
        .withButtons(buttons);
  }

  Reply attach(IncomingMessage message, long id, String sectionId, Language language) {
    Optional<Reply> refused = adminCheck(message, language, "liitä K" + id);
    if (refused.isPresent()) {
      return refused.get();
    }
    Object candidate = knowledgeCandidate(id, language);
    if (!(candidate instanceof Question q)) {
      return (Reply) candidate;
    }
    String actor = Roles.key(message.platform(), message.userId());
    return edit(
        q,
        actor,
        language,
        () -> {
          editor.get().addPhrasing(actor, sectionId, q.question());
          return sectionId;
        },
        "expert.phrasing",
        Key.PHRASING_ADDED);
  }

  /** Makes one edit per question, also when two administrators press at once. */
  private Reply edit(
      Question q,
      String actor,
      Language language,
      Supplier<String> change,
      String action,
      Key done) {
    if (!store.claimKnowledge(q.id())) {
      return (Reply) knowledgeCandidate(q.id(), language);
    }
    String sectionId;
    try {
      sectionId = change.get();
    } catch (KnowledgeEditRefused e) {
      store.releaseKnowledge(q.id());
      audit.record(actor, action + ".refused", q.shortId() + ": " + e.getMessage());
      return Reply.error(language, ExpertTexts.format(Key.EDIT_REFUSED, language, e.getMessage()));
    } catch (RuntimeException e) {
      store.releaseKnowledge(q.id());
      throw e;
    }
    store.madeKnowledge(q.id(), sectionId);
    audit.record(actor, action, q.shortId() + " -> " + sectionId);
    return Reply.info(language, ExpertTexts.format(done, language, q.shortId(), sectionId));
  }

  /** A question as a section heading: one line, capitalised, ending in a question mark. */
  static String heading(String question) {
    String line = question.replaceAll("\\s+", " ").strip();
    if (line.isEmpty()) {
      return line;
    }
    line = line.substring(0, 1).toUpperCase(Locale.ROOT) + line.substring(1);
    if (!line.matches(".*[?.!]$")) {
      line += "?";
    }
    return line;
  }
}
