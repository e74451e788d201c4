package fi.luotsi.admin.digest;

import fi.luotsi.admin.AdminWording;
import fi.luotsi.admin.AuditLog;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.knowledge.Language;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code viikkokooste} ({@code veckosammanfattning}, {@code weekly digest}): the digest of the last
 * seven days on demand, for administrators. It also notes the personal chat a Teams administrator
 * writes from, so that the scheduled digest can reach them; that message then goes on to the other
 * commands and the question answering as usual.
 */
final class DigestCommand implements ChatCommand {
  private static final Logger log = LoggerFactory.getLogger(DigestCommand.class);

  private static final Map<String, Language> WORDS =
      Map.of(
          "viikkokooste", Language.FI,
          "veckosammanfattning", Language.SV,
          "weekly digest", Language.EN);

  private final WeeklyDigest digest;
  private final Roles roles;
  private final AdminChats chats;
  private final AuditLog audit;
  private final Pseudonyms pseudonyms;
  private final Clock clock;

  DigestCommand(
      WeeklyDigest digest,
      Roles roles,
      AdminChats chats,
      AuditLog audit,
      Pseudonyms pseudonyms,
      Clock clock) {
    this.digest = Objects.requireNonNull(digest, "digest");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.chats = Objects.requireNonNull(chats, "chats");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Reply> handle(IncomingMessage message, Language ignored) {
    boolean admin = roles.isAdmin(message.platform(), message.userId());
    if (admin && message.platform() == Platform.TEAMS && message.direct()) {
      try {
        chats.remember(
            Roles.key(message.platform(), message.userId()),
            message.conversationId(),
            clock.instant());
      } catch (RuntimeException e) {
        log.warn("Cannot remember a Teams administrator's chat; the digest may miss them", e);
      }
    }
    if (message.isButtonPress() && message.action() != Button.Action.COMMAND) {
      return Optional.empty();
    }
    String text =
        message.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[!.?]+$", "");
    Language language = WORDS.get(text.strip());
    if (language == null) {
      return Optional.empty();
    }
    if (!admin) {
      audit.record(
          "pseudonym:" + pseudonyms.of(message.platform(), message.userId()),
          "admin.denied",
          "digest");
      return Optional.of(Reply.error(language, AdminWording.adminOnly(language)));
    }
    try {
      Reply reply = digest.compose(clock.instant(), language);
      audit.record(Roles.key(message.platform(), message.userId()), "admin.digest", "days=7");
      return Optional.of(reply);
    } catch (RuntimeException e) {
      log.error("Digest command failed", e);
      return Optional.of(Reply.error(language, AdminWording.failed(language)));
    }
  }

  /** Administrators' commands are not in the general help. */
  @Override
  public List<String> helpLines(Language language) {
    return List.of();
  }
}
