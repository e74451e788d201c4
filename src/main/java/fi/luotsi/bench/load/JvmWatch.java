package fi.luotsi.bench.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the JVM itself did while the load ran: garbage collection pauses (how many, how long in all,
 * the longest) and the CPU time of the whole process. The server, the load generator and the local
 * Slack API share this JVM, so the figures explain a run's latencies rather than cost the server
 * alone. Pauses are counted from the collectors' notifications; concurrent collector work that does
 * not stop the application is left out.
 */
final class JvmWatch implements AutoCloseable {
  /**
   * The figures of one window.
   *
   * @param pauses stop-the-world collections
   * @param pauseMillis their total duration
   * @param longestPauseMillis the longest one
   * @param cpuMillis CPU time of the whole process (all threads, the collector's included)
   */
  record Figures(long pauses, long pauseMillis, long longestPauseMillis, long cpuMillis) {}

  private final List<Runnable> unsubscribe = new ArrayList<>();
  private final LongAdder pauses = new LongAdder();
  private final LongAdder pauseMillis = new LongAdder();
  private final AtomicLong longest = new AtomicLong();
  private volatile boolean counting;
  private long cpuAtStart;

  JvmWatch() {
    NotificationListener listener =
        (notification, handback) -> {
          if (!counting
              || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                  notification.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          String name = info.getGcName();
          if (name.contains("Concurrent") || name.contains("Cycles")) {
            // G1's concurrent cycles and ZGC's cycles ("ZGC Minor Cycles") run beside the
            // application; ZGC reports its short pauses separately ("ZGC Minor Pauses").
            return;
          }
          long millis = info.getGcInfo().getDuration();
          pauses.increment();
          pauseMillis.add(millis);
          longest.accumulateAndGet(millis, Math::max);
        };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        unsubscribe.add(
            () -> {
              try {
                emitter.removeNotificationListener(listener);
              } catch (ListenerNotFoundException e) {
                // already gone
              }
            });
      }
    }
  }

  /** Starts counting (the end of the warm-up). */
  void start() {
    cpuAtStart = processCpuNanos();
    counting = true;
  }

  /** Stops counting and returns what happened since {@link #start}. */
  Figures stop() {
    counting = false;
    long cpu = processCpuNanos() - cpuAtStart;
    return new Figures(pauses.sum(), pauseMillis.sum(), longest.get(), cpu / 1_000_000);
  }

  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime())
        : 0;
  }

  @Override
  public void close() {
    unsubscribe.forEach(Runnable::run);
  }
}
