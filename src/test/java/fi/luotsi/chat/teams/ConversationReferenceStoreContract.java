package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import fi.luotsi.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What the reference store must do on every database Luotsi runs on. */
abstract class ConversationReferenceStoreContract {
  private final Clock clock = Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC);

  abstract Database database();

  private ConversationReferenceStore store() {
    return new ConversationReferenceStore(database().dataSource(), clock);
  }

  static ConversationReferenceStore.Saved saved(
      String conversationId, String team, String serviceUrl) {
    ConversationReference reference = new ConversationReference();
    reference.setChannelId("msteams");
    reference.setServiceUrl(serviceUrl);
    ConversationAccount conversation = new ConversationAccount();
    conversation.setId(conversationId);
    conversation.setTenantId("tenant-1");
    conversation.setConversationType(team == null ? "personal" : "channel");
    reference.setConversation(conversation);
    reference.setBot(new ChannelAccount("28:bot", "Luotsi"));
    reference.setUser(new ChannelAccount("29:user", "Maija Meikäläinen"));
    return new ConversationReferenceStore.Saved(
        conversationId,
        team == null ? "personal" : "channel",
        Optional.of("tenant-1"),
        Optional.ofNullable(team),
        reference);
  }

  @Test
  void savesFindsAndReplacesAReference() {
    ConversationReferenceStore store = store();
    String id = "a:" + System.nanoTime();

    assertThat(store.save(saved(id, null, "https://smba.trafficmanager.net/emea/"))).isTrue();
    assertThat(store.save(saved(id, null, "https://smba.trafficmanager.net/amer/"))).isFalse();

    ConversationReferenceStore.Saved found = store.find(id).orElseThrow();
    assertThat(found.conversationType()).isEqualTo("personal");
    assertThat(found.tenantId()).contains("tenant-1");
    assertThat(found.teamId()).isEmpty();
    assertThat(found.reference().getServiceUrl())
        .isEqualTo("https://smba.trafficmanager.net/amer/");
    assertThat(found.reference().getConversation().getId()).isEqualTo(id);
    assertThat(found.reference().getUser().getName()).isEqualTo("Maija Meikäläinen");
    assertThat(store.find("a:unknown")).isEmpty();
  }

  @Test
  void forgetsAConversationOrAWholeTeam() {
    ConversationReferenceStore store = store();
    String team = "19:team-" + System.nanoTime() + "@thread.tacv2";
    store.save(saved(team, team, "https://s/"));
    store.save(saved("19:other-" + team, team, "https://s/"));
    String personal = "a:" + System.nanoTime();
    store.save(saved(personal, null, "https://s/"));

    assertThat(store.deleteTeam(team)).isEqualTo(2);
    assertThat(store.find(team)).isEmpty();
    assertThat(store.delete(personal)).isTrue();
    assertThat(store.delete(personal)).isFalse();
  }

  @Test
  void concurrentSavesOfOneConversationKeepOneRow() throws Exception {
    ConversationReferenceStore store = store();
    String id = "a:race-" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results =
          pool.invokeAll(
              java.util.Collections.nCopies(
                  16, () -> store.save(saved(id, null, "https://smba.trafficmanager.net/emea/"))));
      long inserted = 0;
      for (Future<Boolean> result : results) {
        inserted += result.get() ? 1 : 0;
      }
      assertThat(inserted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find(id)).isPresent();
  }
}
