package fi.luotsi.reminder;

import java.time.Instant;
import java.util.Optional;

/**
 * Named one-shot timers for work other than reminders and broadcasts (the administrators' weekly
 * digest): persistent like the reminder timers, and with several instances on one database each
 * firing runs on one of them. A recurring task sets its next time when it runs. Thread-safe.
 */
public interface Timers {

  /** What a timer runs. */
  @FunctionalInterface
  interface Task {
    /**
     * @param due when the timer was set to fire (earlier than now after downtime)
     */
    void run(Instant due) throws InterruptedException;
  }

  /**
   * Registers what the timer {@code name} runs. Register before the schedule starts, so that a
   * timer that fell due while no instance ran finds its task.
   */
  void register(String name, Task task);

  /** Sets (or moves) the timer {@code name}; also allowed while its task runs. */
  void set(String name, Instant at);

  /** Removes the timer {@code name}; false when none was set. */
  boolean cancel(String name);

  /** When the timer {@code name} fires next; empty when it is not set. */
  Optional<Instant> next(String name);
}
