package fi.luotsi.delivery;

import fi.luotsi.chat.Platform;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Outbound rate limits per platform: limits per conversation (channel, user, Teams conversation)
 * and for the whole platform connection (Slack workspace, Teams tenant).
 *
 * @param perConversation limits that apply to each address separately
 * @param perPlatform limits shared by every address of a platform
 */
public record Pacing(
    Map<Platform, List<Rate>> perConversation, Map<Platform, List<Rate>> perPlatform) {

  public Pacing {
    perConversation = Map.copyOf(perConversation);
    perPlatform = Map.copyOf(perPlatform);
  }

  /**
   * The platforms' published limits. Slack: {@code chat.postMessage} about 1 per second per
   * channel, and a workspace-wide limit Slack calls "several hundred per minute" (we keep to 300,
   * i.e. 5 per second). Teams: 7 per second and 60 per 30 seconds per conversation, 30 per second
   * per tenant (the lower of the two figures Microsoft has published).
   */
  public static Pacing platformDefaults() {
    Map<Platform, List<Rate>> conversation = new EnumMap<>(Platform.class);
    Map<Platform, List<Rate>> platform = new EnumMap<>(Platform.class);
    conversation.put(Platform.SLACK, List.of(Rate.perSecond(1)));
    platform.put(Platform.SLACK, List.of(new Rate(300, Duration.ofMinutes(1))));
    conversation.put(
        Platform.TEAMS, List.of(Rate.perSecond(7), new Rate(60, Duration.ofSeconds(30))));
    platform.put(Platform.TEAMS, List.of(Rate.perSecond(30)));
    return new Pacing(conversation, platform);
  }

  /** No limits (tests of other behaviour). */
  public static Pacing unlimited() {
    return new Pacing(Map.of(), Map.of());
  }

  List<Rate> conversation(Platform p) {
    return perConversation.getOrDefault(p, List.of());
  }

  List<Rate> platform(Platform p) {
    return perPlatform.getOrDefault(p, List.of());
  }
}
