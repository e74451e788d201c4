package fi.luotsi.admin.expert;

import fi.luotsi.admin.PersonalData;
import fi.luotsi.admin.expert.ExpertTexts.Key;
import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Objects;

/** A person's forwarded questions, for "what do you know about me" and "delete my data". */
final class ExpertPersonalData implements PersonalData {
  private final ExpertQuestions store;

  ExpertPersonalData(ExpertQuestions store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public List<String> describe(Person person, Language language) {
    List<ExpertQuestions.Question> questions = store.byUser(person.userRef());
    if (questions.isEmpty()) {
      return List.of();
    }
    long pending = questions.stream().filter(ExpertQuestions.Question::pending).count();
    return List.of(ExpertTexts.format(Key.STORED, language, questions.size(), pending));
  }

  /** Deletes every question the person forwarded, pending or answered, with their platform ids. */
  @Override
  public int erase(Person person) {
    return store.eraseUser(person.userRef());
  }
}
