package fi.luotsi.reminder.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.reminder.ReminderKey;
import fi.luotsi.reminder.ScheduledWork;
import fi.luotsi.store.Database;
import fi.luotsi.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Named timers (the weekly digest's) through the real Quartz JDBC job store: two clustered
 * instances on one database run a firing once, and a task that sets its next time while it runs
 * keeps that timer.
 */
class QuartzTimersIT {
  private final Database db = TestDatabases.h2();
  private final Clock clock = Clock.systemUTC();
  private final List<QuartzSchedule> schedules = new ArrayList<>();

  @AfterEach
  void close() {
    schedules.forEach(s -> s.stop(false));
    db.close();
  }

  private QuartzSchedule instance() {
    QuartzSchedule schedule =
        new QuartzSchedule(
            db.dataSource(),
            false,
            clock,
            new QuartzSchedule.Settings(
                "timers-" + schedules.size(), 2, Duration.ofSeconds(1), Duration.ofMillis(500)));
    schedules.add(schedule);
    return schedule;
  }

  private static ScheduledWork noWork() {
    return new ScheduledWork() {
      @Override
      public void remind(ReminderKey key, Instant due) {}

      @Override
      public void broadcast(long broadcastId) {}
    };
  }

  @Test
  void aTimerFiresOnceAcrossInstancesAndItsTaskSetsTheNextTime() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant due = now.plusSeconds(2);
    Instant nextWeek = now.plus(Duration.ofDays(7));
    List<String> runs = new CopyOnWriteArrayList<>();
    List<QuartzSchedule> both = List.of(instance(), instance());
    for (QuartzSchedule schedule : both) {
      schedule.register(
          "weekly",
          at -> {
            runs.add(schedule.toString() + "@" + at);
            schedule.set("weekly", nextWeek);
          });
    }
    both.get(0).set("weekly", due);
    assertThat(both.get(1).next("weekly")).contains(due);
    both.forEach(s -> s.start(noWork()));

    await().atMost(Duration.ofSeconds(15)).until(() -> runs.size() == 1);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> both.get(1).next("weekly").equals(java.util.Optional.of(nextWeek)));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> runs.size() == 1);
    assertThat(runs.get(0)).endsWith("@" + due);
    assertThat(both.get(0).next("weekly")).contains(nextWeek);
    assertThat(both.get(0).cancel("weekly")).isTrue();
    assertThat(both.get(1).next("weekly")).isEmpty();
  }

  @Test
  void aTimerWithoutARegisteredTaskFiresHarmlessly() {
    QuartzSchedule schedule = instance();
    schedule.set("nobody", clock.instant().plusMillis(500));
    schedule.start(noWork());
    await().atMost(Duration.ofSeconds(10)).until(() -> schedule.next("nobody").isEmpty());
  }
}
