package fi.luotsi.reminder;

import java.time.Instant;
import java.util.Map;

/**
 * Persistent timers for reminders and broadcasts (implemented with Quartz's JDBC job store in
 * {@code reminder.quartz}). Timers survive restarts; with several instances on one database each
 * timer fires on one of them. Thread-safe.
 */
public interface Schedule extends AutoCloseable {

  /** What a sync changed. */
  record Sync(int added, int moved, int kept, int removed, int past) {}

  /**
   * Makes the stored reminder timers exactly {@code wanted}: adds new ones, moves those whose time
   * changed, removes those no longer wanted. A wanted time that has already passed is not added (it
   * is not the bot's downtime that made it pass); a stored timer whose time passed while no
   * instance ran is kept, so that it fires late.
   */
  Sync syncReminders(Map<ReminderKey, Instant> wanted);

  /** Sets (or moves) the send time of a broadcast. */
  void scheduleBroadcast(long broadcastId, Instant at);

  /** Removes a broadcast's timer; false when it had none (already fired or never set). */
  boolean cancelBroadcast(long broadcastId);

  /** Starts firing timers into {@code work}. */
  void start(ScheduledWork work);

  /** Stops firing; waits for running work when {@code waitForJobs}. */
  void stop(boolean waitForJobs);

  @Override
  default void close() {
    stop(true);
  }
}
