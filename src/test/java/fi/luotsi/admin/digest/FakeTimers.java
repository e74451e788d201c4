package fi.luotsi.admin.digest;

import fi.luotsi.reminder.Timers;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Timers in memory: a test fires them by hand at the set time. */
final class FakeTimers implements Timers {
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final Map<String, Instant> times = new ConcurrentHashMap<>();

  @Override
  public void register(String name, Task task) {
    tasks.put(name, task);
  }

  @Override
  public void set(String name, Instant at) {
    times.put(name, at);
  }

  @Override
  public boolean cancel(String name) {
    return times.remove(name) != null;
  }

  @Override
  public Optional<Instant> next(String name) {
    return Optional.ofNullable(times.get(name));
  }

  /** Fires the timer as the scheduler would: due at its set time, removed before it runs. */
  Instant fire(String name) throws InterruptedException {
    Instant due = times.remove(name);
    if (due == null) {
      throw new IllegalStateException("timer " + name + " is not set");
    }
    tasks.get(name).run(due);
    return due;
  }
}
