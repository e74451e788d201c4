package fi.luotsi.session;

import fi.luotsi.chat.Platform;
import fi.luotsi.delivery.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A group of participants, e.g. one municipality's trustees.
 *
 * @param id the key in {@code groups:}, also used in the calendar URL
 * @param name what people see
 * @param slack Slack channel ({@code C…}, {@code G…}) and user ({@code U…}, {@code W…}) ids
 * @param teams Teams conversation ids known to the bot
 */
public record Group(String id, String name, List<String> slack, List<String> teams) {

  public Group {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    slack = List.copyOf(slack);
    teams = List.copyOf(teams);
  }

  /** Every address of the group, Slack first, in file order. */
  public List<Recipient> recipients() {
    List<Recipient> out = new ArrayList<>();
    slack.forEach(id -> out.add(new Recipient(Platform.SLACK, id)));
    teams.forEach(id -> out.add(new Recipient(Platform.TEAMS, id)));
    return out;
  }

  /**
   * Whether someone writing as {@code userId} in {@code conversationId} belongs to the group: the
   * user's own id is listed, or the conversation is one of the group's channels or Teams
   * conversations (whoever writes there is in it).
   */
  public boolean includes(Platform platform, String userId, String conversationId) {
    List<String> ids =
        switch (platform) {
          case SLACK -> slack;
          case TEAMS -> teams;
          case WEB, CONSOLE -> List.of();
        };
    return ids.contains(userId) || ids.contains(conversationId);
  }
}
