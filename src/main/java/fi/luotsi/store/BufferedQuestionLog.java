package fi.luotsi.store;

import fi.luotsi.chat.QuestionLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A question log that keeps answering while its database is away: writes go straight through while
 * the database works; when one fails, this log and the following entries wait in memory (at most
 * {@code capacity}; beyond that the newest are dropped and counted) and a background thread writes
 * them, oldest first, as soon as the database answers again. Meanwhile no request waits for the
 * database. One warning when an outage starts, one line when it ends.
 *
 * <p>Thread-safe. {@link #close()} tries to write what is still waiting, briefly.
 */
public final class BufferedQuestionLog implements QuestionLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BufferedQuestionLog.class);
  private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

  private final QuestionLog store;
  private final int capacity;
  private final Deque<Entry> waiting = new ArrayDeque<>();
  private long dropped;
  private Instant outageSince;
  private Thread retrier;
  private boolean closed;

  public BufferedQuestionLog(QuestionLog store, int capacity) {
    this.store = Objects.requireNonNull(store, "store");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  @Override
  public void record(Entry entry) {
    Objects.requireNonNull(entry, "entry");
    synchronized (this) {
      if (outageSince != null) {
        keep(entry);
        return;
      }
    }
    try {
      store.record(entry);
    } catch (StoreException e) {
      synchronized (this) {
        if (outageSince == null) {
          outageSince = Instant.now();
          log.warn(
              "Question log cannot be written, keeping questions in memory (at most {}) until the"
                  + " database answers again: {}",
              capacity,
              e.getMessage() + causes(e));
          startRetrier();
        }
        keep(entry);
      }
    }
  }

  private void keep(Entry entry) {
    if (waiting.size() >= capacity) {
      dropped++;
    } else {
      waiting.addLast(entry);
    }
  }

  private void startRetrier() {
    if (closed) {
      return;
    }
    retrier = Thread.ofVirtual().name("question-log-retry").start(this::retryUntilWritten);
  }

  private void retryUntilWritten() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(RETRY_EVERY);
        if (writeWaiting()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes waiting entries oldest first; true when none is left and the outage is over. */
  private boolean writeWaiting() {
    while (true) {
      Entry next;
      synchronized (this) {
        next = waiting.peekFirst();
        if (next == null) {
          long lost = dropped;
          log.info(
              "Question log written again after an outage since {}{}",
              outageSince,
              lost > 0 ? "; " + lost + " questions did not fit in memory and were not logged" : "");
          outageSince = null;
          dropped = 0;
          retrier = null;
          return true;
        }
      }
      try {
        store.record(next);
      } catch (StoreException e) {
        return false;
      }
      synchronized (this) {
        waiting.pollFirst();
      }
    }
  }

  /** Questions waiting for the database to come back (operators, tests). */
  public synchronized int waiting() {
    return waiting.size();
  }

  @Override
  public Optional<Entry> find(String id) {
    synchronized (this) {
      for (Entry entry : waiting) {
        if (entry.id().equals(id)) {
          return Optional.of(entry);
        }
      }
    }
    return store.find(id);
  }

  @Override
  public boolean feedback(String questionId, String userRef, boolean helpful, Instant at) {
    return store.feedback(questionId, userRef, helpful, at);
  }

  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      closed = true;
      running = retrier;
    }
    if (running != null) {
      running.interrupt();
    }
    if (waiting() > 0 && !writeWaiting()) {
      log.warn("{} questions could not be logged before shutdown (database away)", waiting());
    }
  }

  private static String causes(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      out.append(" / ").append(t.getMessage());
      if (out.length() > 300) {
        break;
      }
    }
    return out.toString();
  }
}
