package fi.luotsi.chat.slack;

import static fi.luotsi.chat.slack.SlackPayloads.eventCallback;
import static fi.luotsi.chat.slack.SlackPayloads.mention;

import fi.luotsi.http.HttpServer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Prints how fast the adapter acknowledges signed Slack events over HTTP, and how long until the
 * answer reaches the (fake) Web API, with a chat core that answers instantly. Not a test: run it by
 * hand, e.g. {@code java -cp target/test-classes:target/classes:<deps>
 * fi.luotsi.chat.slack.SlackAckBenchmark 500}. Each event goes to its own channel, so per-channel
 * pacing does not enter the figures.
 */
public final class SlackAckBenchmark {
  private SlackAckBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    Clock clock = Clock.systemUTC();
    try (FakeSlackApi slackApi = new FakeSlackApi();
        HttpServer server = new HttpServer("127.0.0.1", 0, 4 * 1024 * 1024)) {
      SlackAdapter adapter =
          new SlackAdapter(
              new SlackAdapter.Settings(
                  "xoxb-bench",
                  Optional.of("bench"),
                  Optional.empty(),
                  Optional.of(slackApi.apiUrl())),
              new ScriptedConversation(),
              clock);
      adapter.register(server);
      server.start();
      adapter.start();
      SignedSlackClient slack = new SignedSlackClient(server.port(), "bench", clock);
      run(slack, slackApi, "warm-up", 100);
      long[][] figures = run(slack, slackApi, "bench", events);
      report("ack (HTTP 200 back at the sender)", figures[0]);
      report("answer posted (from sending the event)", figures[1]);
      adapter.close();
    }
  }

  private static long[][] run(SignedSlackClient slack, FakeSlackApi api, String prefix, int n)
      throws InterruptedException {
    long[] sent = new long[n];
    long[] ack = new long[n];
    for (int i = 0; i < n; i++) {
      String channel = "C" + prefix + i;
      String body =
          eventCallback(
              "Ev" + prefix + i,
              mention("UB" + (i % 20), channel, "1804000000." + i, null, "<@UBOT> kysymys " + i));
      sent[i] = System.nanoTime();
      int status = slack.json(body).statusCode();
      ack[i] = System.nanoTime() - sent[i];
      if (status != 200) {
        throw new IllegalStateException("event " + i + " got HTTP " + status);
      }
    }
    long[] answered = new long[n];
    long deadline = System.nanoTime() + 60_000_000_000L;
    for (int i = 0; i < n; i++) {
      String channel = "C" + prefix + i;
      while (true) {
        var posts = api.calls("chat.postMessage", c -> channel.equals(c.param("channel")));
        if (!posts.isEmpty()) {
          answered[i] = posts.get(0).receivedNanos() - sent[i];
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no answer for event " + i);
        }
        Thread.sleep(5);
      }
    }
    return new long[][] {ack, answered};
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-42s n=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms%n",
        what,
        sorted.length,
        ms(sorted[sorted.length / 2]),
        ms(sorted[(int) (sorted.length * 0.95)]),
        ms(sorted[(int) (sorted.length * 0.99)]),
        ms(sorted[sorted.length - 1]));
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
