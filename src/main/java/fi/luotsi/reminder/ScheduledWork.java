package fi.luotsi.reminder;

import java.time.Instant;

/** What the {@link Schedule} runs when a timer fires. Implementations are thread-safe. */
public interface ScheduledWork {

  /**
   * A reminder's time has come.
   *
   * @param key which reminder
   * @param due when it was meant to fire (earlier than now after a misfire)
   */
  void remind(ReminderKey key, Instant due) throws InterruptedException;

  /** A broadcast's send time has come (or it was sent "now"). */
  void broadcast(long broadcastId) throws InterruptedException;

  /** Combines the reminder and broadcast services. */
  static ScheduledWork of(ReminderService reminders, BroadcastService broadcasts) {
    return new ScheduledWork() {
      @Override
      public void remind(ReminderKey key, Instant due) throws InterruptedException {
        reminders.remind(key, due);
      }

      @Override
      public void broadcast(long broadcastId) throws InterruptedException {
        broadcasts.send(broadcastId);
      }
    };
  }
}
