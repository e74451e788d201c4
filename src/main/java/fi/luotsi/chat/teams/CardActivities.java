package fi.luotsi.chat.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.teams.NotificationInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import fi.luotsi.chat.Reply;

/** Message activities that carry a {@link Reply} as an Adaptive Card. */
final class CardActivities {
  private CardActivities() {}

  static Activity of(Reply reply) {
    Attachment attachment = new Attachment();
    attachment.setContentType(AdaptiveCardRenderer.CONTENT_TYPE);
    attachment.setContent(AdaptiveCardRenderer.render(reply));
    Activity activity = MessageFactory.attachment(attachment);
    activity.setSummary(AdaptiveCardRenderer.summary(reply));
    activity.setLocale(reply.language().code());
    return activity;
  }

  /** Proactive messages in personal chats also raise an activity-feed notification. */
  static Activity withAlert(Activity activity) {
    TeamsChannelData channelData = new TeamsChannelData();
    channelData.setNotification(new NotificationInfo(Boolean.TRUE));
    activity.setChannelData(channelData);
    return activity;
  }
}
