package fi.luotsi.delivery;

import fi.luotsi.chat.Platform;
import java.util.Objects;

/**
 * Someone or somewhere a message can be delivered to without a preceding question.
 *
 * @param platform the platform that reaches the address
 * @param address a Slack channel or user id ({@code C…}, {@code U…}), or a Teams conversation id
 *     for which the bot holds a conversation reference
 */
public record Recipient(Platform platform, String address) {
  public Recipient {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(address, "address");
    if (address.isBlank()) {
      throw new IllegalArgumentException("recipient address is blank");
    }
  }

  @Override
  public String toString() {
    return platform.name().toLowerCase(java.util.Locale.ROOT) + ":" + address;
  }
}
