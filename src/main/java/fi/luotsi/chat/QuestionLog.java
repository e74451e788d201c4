package fi.luotsi.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where questions, their answers and feedback are kept, with pseudonymous user references only.
 * Implementations are thread-safe.
 */
public interface QuestionLog {

  /**
   * One question and what the bot did with it.
   *
   * @param id the reference handed out with the answer (feedback and share buttons carry it)
   * @param askedAt when it was asked
   * @param userRef a pseudonym of the asker, never the platform id or a name
   * @param platform where it was asked
   * @param language the reply language code
   * @param question the question text
   * @param sectionId the answering section; empty when the bot did not know
   * @param coverage the answer's confidence (0 when none)
   */
  record Entry(
      String id,
      Instant askedAt,
      String userRef,
      Platform platform,
      String language,
      String question,
      Optional<String> sectionId,
      double coverage) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(askedAt, "askedAt");
      Objects.requireNonNull(userRef, "userRef");
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(sectionId, "sectionId");
    }

    public boolean answered() {
      return sectionId.isPresent();
    }
  }

  void record(Entry entry);

  Optional<Entry> find(String id);

  /**
   * Stores a person's verdict on an answer; a second vote by the same person replaces the first.
   *
   * @return false when no such question is logged (expired or forged reference)
   */
  boolean feedback(String questionId, String userRef, boolean helpful, Instant at);
}
