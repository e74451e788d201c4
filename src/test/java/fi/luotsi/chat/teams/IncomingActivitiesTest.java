package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.knowledge.Language;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncomingActivitiesTest {
  private static final TeamsFiles FILES = new TeamsFiles(false, TeamsFiles.DEFAULT_TIMEOUT);
  private final TeamsActivities teams =
      new TeamsActivities("https://smba.trafficmanager.net/emea/");

  private static Activity activity(ObjectNode json) {
    return Serialization.treeToValue(json, Activity.class);
  }

  private static Optional<IncomingMessage> map(ObjectNode json) {
    Activity activity = activity(json);
    return IncomingActivities.toIncoming(
        activity, Optional.ofNullable(activity.getLocale()), FILES);
  }

  @Test
  void stripsTheBotMentionEvenWhenItsNameHasRegexCharacters() {
    ObjectNode json = teams.channelMention("u", "19:c@thread.tacv2", "1", "Mikä on (kunta)laki?");
    json.put("text", "<at>Luotsi (beta)</at>\u00a0Mikä on (kunta)laki?");
    ((ObjectNode) json.get("entities").get(0)).put("text", "<at>Luotsi (beta)</at>");

    IncomingMessage message = map(json).orElseThrow();

    assertThat(message.text()).isEqualTo("Mikä on (kunta)laki?");
    assertThat(message.direct()).isFalse();
    assertThat(message.conversationId()).isEqualTo("19:c@thread.tacv2");
  }

  @Test
  void ignoresGroupMessagesWithoutTheBotsMentionOrWithOnlyTheMention() {
    assertThat(map(teams.channelMessageWithoutMention("u", "19:c@thread.tacv2", "Hei"))).isEmpty();
    ObjectNode onlyMention = teams.channelMention("u", "19:c@thread.tacv2", "1", "");
    assertThat(map(onlyMention)).isEmpty();
  }

  @Test
  void ignoresMentionsOfOtherPeople() {
    ObjectNode json = teams.channelMention("u", "19:c@thread.tacv2", "1", "kysymys");
    ((ObjectNode) json.get("entities").get(0).get("mentioned")).put("id", "29:someone-else");

    assertThat(map(json)).isEmpty();
  }

  @Test
  void mapsPersonalTextWithLanguageAndAadUserId() {
    IncomingMessage message =
        map(teams.personalMessage("user-1", "a:p1", "  Mitä kuuluu?  ", "en-US")).orElseThrow();

    assertThat(message.userId()).isEqualTo("aad-user-1");
    assertThat(message.text()).isEqualTo("Mitä kuuluu?");
    assertThat(message.userLanguage()).contains(Language.EN);
    assertThat(message.direct()).isTrue();
    assertThat(message.action()).isEqualTo(Button.Action.NONE);
  }

  @Test
  void mapsFileDownloadInfoToAttachmentsAndLeavesHtmlCopiesOut() {
    ObjectNode json =
        teams.personalFile(
            "admin", "a:p1", "", "Kokous käytännöt.md", "md", "https://kunta.sharepoint.com/d?x=1");
    ObjectNode card =
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("attachments")).addObject();
    card.put("contentType", "application/vnd.microsoft.card.adaptive");
    card.putObject("content").put("type", "AdaptiveCard");
    ObjectNode unnamed =
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("attachments")).addObject();
    unnamed.put("contentType", TeamsFiles.DOWNLOAD_INFO);
    unnamed.putObject("content").put("fileType", "txt").put("downloadUrl", "https://x.example/d");

    IncomingMessage message = map(json).orElseThrow();

    assertThat(message.text()).isEmpty();
    assertThat(message.attachments())
        .extracting(a -> a.fileName(), a -> a.size(), a -> a.mediaType())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Kokous käytännöt.md", -1L, Optional.of("text/markdown")),
            org.assertj.core.groups.Tuple.tuple("file.txt", -1L, Optional.of("text/plain")));
  }

  @Test
  void ignoresFilesInGroupChatsThatDoNotMentionTheBot() {
    ObjectNode json = teams.channelMessageWithoutMention("u", "19:c@thread.tacv2", "");
    json.putArray("attachments")
        .addObject()
        .put("contentType", TeamsFiles.DOWNLOAD_INFO)
        .put("name", "a.md")
        .putObject("content")
        .put("downloadUrl", "https://x.example/d")
        .put("fileType", "md");

    assertThat(map(json)).isEmpty();
  }

  @Test
  void leavesUnsupportedLocalesToTheCore() {
    IncomingMessage message =
        map(teams.personalMessage("user-1", "a:p1", "Merhaba", "tr-TR")).orElseThrow();

    assertThat(message.userLanguage()).isEmpty();
  }

  @Test
  void fallsBackToTheChannelUserIdWithoutAadObjectId() {
    ObjectNode json = teams.personalMessage("user-1", "a:p1", "Hei", "fi-FI");
    ((ObjectNode) json.get("from")).remove("aadObjectId");

    assertThat(map(json).orElseThrow().userId()).isEqualTo("29:user-1");
  }

  @Test
  void mapsButtonPressesAndIgnoresForeignOrUnknownOnes() {
    IncomingMessage share = map(teams.submit("u", "a:p1", "SHARE", "q-7")).orElseThrow();
    assertThat(share.action()).isEqualTo(Button.Action.SHARE);
    assertThat(share.text()).isEqualTo("q-7");

    assertThat(map(teams.submit("u", "a:p1", "NONE", "x"))).isEmpty();
    assertThat(map(teams.submit("u", "a:p1", "DROP_TABLES", "x"))).isEmpty();
    ObjectNode foreign = teams.submit("u", "a:p1", "ASK", "x");
    foreign.putObject("value").put("verb", "approve");
    assertThat(map(foreign)).isEmpty();
  }

  @Test
  void acceptsButtonPressesInChannelsWithoutMention() {
    ObjectNode json = teams.channelMessageWithoutMention("u", "19:c@thread.tacv2", "");
    json.remove("text");
    json.putObject("value").put("luotsiAction", "RSVP_YES").put("luotsiValue", "sparraus-1");

    IncomingMessage message = map(json).orElseThrow();

    assertThat(message.action()).isEqualTo(Button.Action.RSVP_YES);
    assertThat(message.direct()).isFalse();
  }

  @Test
  void treatsChatsWithoutTypeByTheirGroupFlag() {
    ObjectNode json = teams.personalMessage("u", "conv-1", "Hei", "fi-FI");
    ((ObjectNode) json.get("conversation")).remove("conversationType");
    assertThat(map(json).orElseThrow().direct()).isTrue();

    ((ObjectNode) json.get("conversation")).put("isGroup", true);
    assertThat(map(json)).isEmpty(); // a group, and no mention
  }

  @Test
  void namesTheChannelNotTheThread() {
    assertThat(IncomingActivities.baseConversationId("19:x@thread.tacv2;messageid=17"))
        .isEqualTo("19:x@thread.tacv2");
    assertThat(IncomingActivities.baseConversationId("a:1abc")).isEqualTo("a:1abc");
  }
}
