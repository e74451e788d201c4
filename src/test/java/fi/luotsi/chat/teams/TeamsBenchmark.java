package fi.luotsi.chat.teams;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryResult;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.knowledge.Language;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints figures for the Teams adapter against the local fakes: the latency of a whole inbound turn
 * ({@code POST /api/messages} → core → reply to the connector), and the rate of paced proactive
 * sends to one conversation and across one tenant. Not a test: run its {@code main} with the test
 * class path. Everything stays on 127.0.0.1.
 */
public final class TeamsBenchmark {
  private TeamsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int turns = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    try (LocalTeams local = new LocalTeams(true)) {
      inbound(local, 200); // warm-up
      local.reset();
      inbound(local, turns);
      local.reset();
      pacedToOneConversation(local, 40);
      local.reset();
      pacedAcrossTenant(local, 150, 16);
    }
  }

  private static void inbound(LocalTeams local, int turns) throws Exception {
    List<Long> micros = new ArrayList<>(turns);
    long start = System.nanoTime();
    for (int i = 0; i < turns; i++) {
      long t0 = System.nanoTime();
      int status =
          local
              .post(
                  local.teams.personalMessage(
                      "u" + (i % 50), "a:bench-" + (i % 50), "Kysymys " + i, "fi-FI"))
              .statusCode();
      micros.add((System.nanoTime() - t0) / 1_000);
      if (status != 202) {
        throw new IllegalStateException("status " + status);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Collections.sort(micros);
    System.out.printf(
        "inbound turns: %d sequential, %.0f/s, latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
            + " replies at connector %d%n",
        turns,
        turns / seconds,
        micros.get(turns / 2) / 1000.0,
        micros.get(turns * 95 / 100) / 1000.0,
        micros.get(turns * 99 / 100) / 1000.0,
        local.connector.activityCalls().size());
  }

  private static void pacedToOneConversation(LocalTeams local, int sends) throws Exception {
    local.post(local.teams.botInstalledPersonally("u1", "a:paced", "fi-FI"));
    Recipient recipient = new Recipient(Platform.TEAMS, "a:paced");
    Reply message = Reply.info(Language.FI, "Muistutus");
    long start = System.nanoTime();
    for (int i = 0; i < sends; i++) {
      if (!(local.messenger().send(recipient, message) instanceof DeliveryResult.Sent)) {
        throw new IllegalStateException("send failed");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "paced sends to one conversation: %d in %.2f s = %.1f/s (limits 7/1 s, 8/2 s, 60/30 s)%n",
        sends, seconds, sends / seconds);
  }

  private static void pacedAcrossTenant(LocalTeams local, int conversations, int threads)
      throws Exception {
    for (int i = 0; i < conversations; i++) {
      local.post(local.teams.botInstalledPersonally("u" + i, "a:tenant-" + i, "fi-FI"));
    }
    Reply message = Reply.info(Language.FI, "Tiedote");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<DeliveryResult>> results = new ArrayList<>();
      for (int i = 0; i < conversations; i++) {
        Recipient recipient = new Recipient(Platform.TEAMS, "a:tenant-" + i);
        results.add(pool.submit(() -> local.messenger().send(recipient, message)));
      }
      for (Future<DeliveryResult> result : results) {
        if (!(result.get() instanceof DeliveryResult.Sent)) {
          throw new IllegalStateException("send failed: " + result.get());
        }
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "paced broadcast to %d conversations of one tenant from %d threads: %.2f s = %.1f/s"
            + " (limit 30/s)%n",
        conversations, threads, seconds, conversations / seconds);
  }
}
