package fi.luotsi.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/** Activities shaped as Microsoft Teams posts them to a bot. */
final class TeamsActivities {
  static final String BOT_ID = "28:bot-app-id";
  static final String TENANT = "tenant-1";
  static final String TEAM = "19:team-1@thread.tacv2";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong IDS = new AtomicLong(1_700_000_000_000L);

  private final String serviceUrl;

  TeamsActivities(String serviceUrl) {
    this.serviceUrl = serviceUrl;
  }

  static String nextId() {
    return Long.toString(IDS.incrementAndGet());
  }

  private ObjectNode base(String type, String user, ObjectNode conversation) {
    ObjectNode activity = JSON.createObjectNode();
    activity.put("type", type);
    activity.put("id", nextId());
    activity.put("timestamp", "2027-03-01T10:00:00.000Z");
    activity.put("serviceUrl", serviceUrl);
    activity.put("channelId", "msteams");
    ObjectNode from = activity.putObject("from");
    from.put("id", "29:" + user);
    from.put("name", "Maija Meikäläinen");
    from.put("aadObjectId", "aad-" + user);
    activity.set("conversation", conversation);
    ObjectNode recipient = activity.putObject("recipient");
    recipient.put("id", BOT_ID);
    recipient.put("name", "Luotsi");
    activity.putObject("channelData").putObject("tenant").put("id", TENANT);
    return activity;
  }

  static ObjectNode personalConversation(String id) {
    ObjectNode conversation = JSON.createObjectNode();
    conversation.put("conversationType", "personal");
    conversation.put("tenantId", TENANT);
    conversation.put("id", id);
    return conversation;
  }

  static ObjectNode channelConversation(String id) {
    ObjectNode conversation = JSON.createObjectNode();
    conversation.put("isGroup", true);
    conversation.put("conversationType", "channel");
    conversation.put("tenantId", TENANT);
    conversation.put("id", id);
    return conversation;
  }

  private static void inTeam(ObjectNode activity, String channelId) {
    ObjectNode channelData = (ObjectNode) activity.get("channelData");
    channelData.put("teamsChannelId", channelId);
    channelData.put("teamsTeamId", TEAM);
    channelData.putObject("channel").put("id", channelId);
    ObjectNode team = channelData.putObject("team");
    team.put("id", TEAM);
    team.put("name", "Sysmän luottamushenkilöt");
  }

  ObjectNode personalMessage(String user, String conversationId, String text, String locale) {
    ObjectNode activity = base("message", user, personalConversation(conversationId));
    activity.put("textFormat", "plain");
    activity.put("text", text);
    activity.put("locale", locale);
    activity.putArray("entities").addObject().put("type", "clientInfo").put("locale", locale);
    return activity;
  }

  /**
   * A file sent in a personal chat, as Teams delivers it to a bot with {@code supportsFiles}: a
   * {@code file.download.info} attachment, followed by the {@code text/html} copy of the message.
   */
  ObjectNode personalFile(
      String user, String conversationId, String text, String name, String fileType, String url) {
    ObjectNode activity = personalMessage(user, conversationId, text, "fi-FI");
    if (text.isEmpty()) {
      activity.remove("text");
    }
    var attachments = activity.putArray("attachments");
    ObjectNode file = attachments.addObject();
    file.put("contentType", "application/vnd.microsoft.teams.file.download.info");
    file.put(
        "contentUrl",
        "https://kunta.sharepoint.com/personal/admin/Documents/Microsoft Teams Chat Files/" + name);
    file.put("name", name);
    ObjectNode content = file.putObject("content");
    content.put("downloadUrl", url);
    content.put("uniqueId", "1150D938-8870-4044-9F2C-5BBDEBA70C9D");
    content.put("fileType", fileType);
    content.put("etag", "\"{1150D938-8870-4044-9F2C-5BBDEBA70C9D},1\"");
    attachments.add(htmlCopy(text));
    return activity;
  }

  /** The {@code text/html} attachment Teams adds to a formatted message: not a file. */
  static ObjectNode htmlCopy(String text) {
    ObjectNode html = JSON.createObjectNode();
    html.put("contentType", "text/html");
    html.put("content", "<div><div>" + text + "</div></div>");
    return html;
  }

  /** A channel post that @mentions the bot, in a thread whose root is {@code rootId}. */
  ObjectNode channelMention(String user, String channelId, String rootId, String question) {
    ObjectNode activity =
        base("message", user, channelConversation(channelId + ";messageid=" + rootId));
    activity.put("id", rootId);
    activity.put("textFormat", "plain");
    activity.put("text", "<at>Luotsi</at> " + question);
    activity.put("locale", "fi-FI");
    ObjectNode mention = activity.putArray("entities").addObject();
    mention.put("type", "mention");
    mention.put("text", "<at>Luotsi</at>");
    mention.putObject("mentioned").put("id", BOT_ID).put("name", "Luotsi");
    inTeam(activity, channelId);
    return activity;
  }

  /** A channel post that does not mention the bot (seen only with resource-specific consent). */
  ObjectNode channelMessageWithoutMention(String user, String channelId, String text) {
    ObjectNode activity = base("message", user, channelConversation(channelId));
    activity.put("text", text);
    inTeam(activity, channelId);
    return activity;
  }

  /** A press of an Action.Submit button: a message with the button's data as value, no text. */
  ObjectNode submit(String user, String conversationId, String action, String value) {
    ObjectNode activity = base("message", user, personalConversation(conversationId));
    activity.put("locale", "fi-FI");
    activity.put("replyToId", "activity-1");
    ObjectNode data = activity.putObject("value");
    data.put("luotsiAction", action);
    data.put("luotsiValue", value);
    return activity;
  }

  ObjectNode botInstalledPersonally(String user, String conversationId, String locale) {
    ObjectNode activity = base("conversationUpdate", user, personalConversation(conversationId));
    activity.put("locale", locale);
    activity.putArray("membersAdded").addObject().put("id", BOT_ID);
    return activity;
  }

  ObjectNode installationUpdate(String user, String conversationId, String action) {
    ObjectNode activity = base("installationUpdate", user, personalConversation(conversationId));
    activity.put("action", action);
    return activity;
  }

  ObjectNode botAddedToTeam(String user, String generalChannelId) {
    ObjectNode activity = base("conversationUpdate", user, channelConversation(generalChannelId));
    activity.putArray("membersAdded").addObject().put("id", BOT_ID);
    ((ObjectNode) activity.get("channelData")).put("eventType", "teamMemberAdded");
    inTeam(activity, generalChannelId);
    return activity;
  }

  ObjectNode botRemovedFromTeam(String user, String generalChannelId) {
    ObjectNode activity = base("conversationUpdate", user, channelConversation(generalChannelId));
    activity.putArray("membersRemoved").addObject().put("id", BOT_ID);
    ((ObjectNode) activity.get("channelData")).put("eventType", "teamMemberRemoved");
    inTeam(activity, generalChannelId);
    return activity;
  }

  ObjectNode userJoinedTeam(String user, String generalChannelId, String newMember) {
    ObjectNode activity = base("conversationUpdate", user, channelConversation(generalChannelId));
    activity.putArray("membersAdded").addObject().put("id", newMember);
    ((ObjectNode) activity.get("channelData")).put("eventType", "teamMemberAdded");
    inTeam(activity, generalChannelId);
    return activity;
  }
}
