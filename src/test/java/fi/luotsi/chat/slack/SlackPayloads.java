package fi.luotsi.chat.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Request bodies shaped like Slack's, for the adapter's integration tests. */
final class SlackPayloads {
  private SlackPayloads() {}

  static String eventCallback(String eventId, JsonObject event) {
    JsonObject body = new JsonObject();
    body.addProperty("token", "legacy-verification-token");
    body.addProperty("team_id", "T1");
    body.addProperty("api_app_id", "A1");
    body.add("event", event);
    body.addProperty("type", "event_callback");
    body.addProperty("event_id", eventId);
    body.addProperty("event_time", 1_804_000_000);
    return body.toString();
  }

  static JsonObject mention(String user, String channel, String ts, String threadTs, String text) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_mention");
    event.addProperty("user", user);
    event.addProperty("text", text);
    event.addProperty("ts", ts);
    if (threadTs != null) {
      event.addProperty("thread_ts", threadTs);
    }
    event.addProperty("channel", channel);
    event.addProperty("event_ts", ts);
    return event;
  }

  static JsonObject message(
      String user, String channel, String channelType, String ts, String text) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("user", user);
    event.addProperty("text", text);
    event.addProperty("ts", ts);
    event.addProperty("channel", channel);
    event.addProperty("channel_type", channelType);
    event.addProperty("event_ts", ts);
    return event;
  }

  /** A file object as Slack puts it in events, hosted on the file host at {@code url}. */
  static JsonObject file(String id, String name, long size, String mimetype, String url) {
    JsonObject file = new JsonObject();
    file.addProperty("id", id);
    file.addProperty("created", 1_804_000_000);
    file.addProperty("timestamp", 1_804_000_000);
    file.addProperty("name", name);
    file.addProperty("title", name);
    file.addProperty("mimetype", mimetype);
    file.addProperty("filetype", "markdown");
    file.addProperty("pretty_type", "Markdown (raw)");
    file.addProperty("user", "UADMIN");
    file.addProperty("mode", "hosted");
    file.addProperty("editable", true);
    file.addProperty("is_external", false);
    file.addProperty("external_type", "");
    file.addProperty("is_public", false);
    file.addProperty("size", size);
    if (url != null) {
      file.addProperty("url_private", url);
      file.addProperty("url_private_download", url);
    }
    file.addProperty("permalink", "https://test.slack.com/files/UADMIN/" + id + "/" + name);
    return file;
  }

  /** A message with files ({@code subtype: file_share}), as {@code message.im} delivers it. */
  static JsonObject fileShare(
      String user,
      String channel,
      String channelType,
      String ts,
      String text,
      JsonObject... files) {
    JsonObject event = message(user, channel, channelType, ts, text);
    event.addProperty("subtype", "file_share");
    event.addProperty("upload", false);
    event.addProperty("display_as_bot", false);
    JsonArray list = new JsonArray();
    for (JsonObject file : files) {
      list.add(file);
    }
    event.add("files", list);
    return event;
  }

  static JsonObject homeOpened(String user) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_home_opened");
    event.addProperty("user", user);
    event.addProperty("channel", "D" + user);
    event.addProperty("tab", "home");
    event.addProperty("event_ts", "1804000000.000100");
    return event;
  }

  static String blockAction(
      String user,
      String channel,
      boolean ephemeral,
      String threadTs,
      String actionId,
      String value,
      String responseUrl) {
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    JsonObject u = new JsonObject();
    u.addProperty("id", user);
    u.addProperty("team_id", "T1");
    payload.add("user", u);
    payload.addProperty("api_app_id", "A1");
    payload.addProperty("token", "legacy-verification-token");
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("message_ts", "1804000000.000200");
    container.addProperty("channel_id", channel);
    container.addProperty("is_ephemeral", ephemeral);
    payload.add("container", container);
    payload.addProperty("trigger_id", "1.2.3");
    JsonObject team = new JsonObject();
    team.addProperty("id", "T1");
    payload.add("team", team);
    JsonObject ch = new JsonObject();
    ch.addProperty("id", channel);
    payload.add("channel", ch);
    if (!ephemeral) {
      JsonObject message = new JsonObject();
      message.addProperty("type", "message");
      message.addProperty("ts", "1804000000.000200");
      if (threadTs != null) {
        message.addProperty("thread_ts", threadTs);
      }
      payload.add("message", message);
    }
    payload.addProperty("response_url", responseUrl);
    JsonArray actions = new JsonArray();
    JsonObject action = new JsonObject();
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", "luotsi.feedback");
    action.addProperty("type", "button");
    action.addProperty("value", value);
    action.addProperty("action_ts", "1804000000.000300");
    actions.add(action);
    payload.add("actions", actions);
    return payload.toString();
  }
}
