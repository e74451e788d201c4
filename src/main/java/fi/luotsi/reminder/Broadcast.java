package fi.luotsi.reminder;

import fi.luotsi.chat.Platform;
import fi.luotsi.knowledge.Language;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An organiser's announcement to one or more groups.
 *
 * @param id its number, shown to the organiser ("tiedote #12")
 * @param author who wrote it, as {@code platform:userId}
 * @param authorPlatform where the author's delivery report goes
 * @param authorAddress the author's address there (Slack user id, Teams personal chat); empty when
 *     none (command line)
 * @param groupIds the groups it is for
 * @param body the text
 * @param language the language it is written in
 * @param status DRAFT, SCHEDULED, SENDING, SENT, CANCELLED or RETRACTED
 * @param sendAt when it is to be sent, empty for drafts
 */
public record Broadcast(
    long id,
    String author,
    Platform authorPlatform,
    String authorAddress,
    List<String> groupIds,
    String body,
    Language language,
    String status,
    Optional<Instant> sendAt) {

  public Broadcast {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(authorPlatform, "authorPlatform");
    Objects.requireNonNull(authorAddress, "authorAddress");
    groupIds = List.copyOf(groupIds);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sendAt, "sendAt");
  }

  /** The delivery log key. */
  public String messageKey() {
    return "broadcast:" + id;
  }
}
