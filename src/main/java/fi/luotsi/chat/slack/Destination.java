package fi.luotsi.chat.slack;

import java.util.Objects;
import java.util.Optional;

/** Where the answer to one incoming Slack message goes. */
sealed interface Destination {

  /** A visible post in a channel or DM (a user id means the bot's DM with that user). */
  record Post(String channel, Optional<String> threadTs) implements Destination {
    public Post {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(threadTs, "threadTs");
    }
  }

  /**
   * Only the person who asked sees it, through the interaction's response URL.
   *
   * @param offerShare whether an answer gets a "share in channel" button
   */
  record Ephemeral(String responseUrl, boolean offerShare) implements Destination {
    public Ephemeral {
      Objects.requireNonNull(responseUrl, "responseUrl");
    }
  }

  /**
   * A private answer made public: posted in the channel, then the private copy removed. When the
   * bot cannot post in the channel itself (not a member), the response URL posts it instead.
   */
  record Share(String channel, Optional<String> threadTs, Optional<String> responseUrl)
      implements Destination {
    public Share {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(threadTs, "threadTs");
      Objects.requireNonNull(responseUrl, "responseUrl");
    }
  }
}
