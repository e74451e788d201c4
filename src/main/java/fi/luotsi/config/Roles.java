package fi.luotsi.config;

import fi.luotsi.chat.Platform;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who may do what beyond asking: organisers broadcast and see RSVP counts, administrators keep the
 * knowledge base current. Configured in {@code config/luotsi.yaml} as {@code platform:userId}
 * strings, e.g. {@code slack:U0123ABCD} or {@code teams:29:1abc…}.
 */
public record Roles(Set<String> organisers, Set<String> admins) {

  public Roles {
    organisers = Set.copyOf(organisers);
    admins = Set.copyOf(admins);
  }

  public static Roles none() {
    return new Roles(Set.of(), Set.of());
  }

  /** Administrators are organisers too. */
  public boolean isOrganiser(Platform platform, String userId) {
    return organisers.contains(key(platform, userId)) || isAdmin(platform, userId);
  }

  public boolean isAdmin(Platform platform, String userId) {
    return admins.contains(key(platform, userId));
  }

  /**
   * How a person is named in the roles and in the audit log: {@code slack:U0123ABCD}, {@code
   * teams:29:1abc…}.
   */
  public static String key(Platform platform, String userId) {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    return platform.name().toLowerCase(Locale.ROOT) + ":" + userId;
  }
}
