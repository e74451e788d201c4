package fi.luotsi.admin;

import fi.luotsi.chat.Platform;
import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Objects;

/**
 * A store of data about a person, which the privacy commands describe and erase on request. The
 * question log is one; a feature that keeps more (subscriptions, RSVPs, conversation references)
 * adds its own through {@link Administration#addPersonalData}. Implementations are thread-safe.
 */
public interface PersonalData {

  /**
   * Whom a request is about.
   *
   * @param platform where they wrote from
   * @param userId the platform's user id
   * @param userRef their pseudonym in logs
   */
  record Person(Platform platform, String userId, String userRef) {
    public Person {
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(userRef, "userRef");
    }
  }

  /**
   * What is kept about the person, as short plain-text lines in {@code language}; empty when
   * nothing.
   */
  List<String> describe(Person person, Language language);

  /**
   * Deletes everything kept about the person.
   *
   * @return how many records were deleted
   */
  int erase(Person person);
}
