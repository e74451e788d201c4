package fi.luotsi.reminder.quartz;

import fi.luotsi.reminder.ScheduledWork;
import fi.luotsi.reminder.Timers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds jobs with their collaborators (constructor injection instead of Quartz's reflection). */
final class LuotsiJobFactory implements JobFactory {
  private final AtomicReference<ScheduledWork> work = new AtomicReference<>();
  private final Map<String, Timers.Task> tasks = new ConcurrentHashMap<>();

  void task(String name, Timers.Task task) {
    tasks.put(name, task);
  }

  void work(ScheduledWork value) {
    work.set(value);
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> jobType = bundle.getJobDetail().getJobClass();
    if (jobType == TimerJob.class) {
      String name = bundle.getJobDetail().getKey().getName();
      Timers.Task task = tasks.get(name);
      // A timer of a feature this instance does not run (switched off, or an older version):
      // firing it does nothing rather than putting the trigger into Quartz's error state.
      return new TimerJob(name, task != null ? task : due -> LuotsiJobFactory.noTask(name));
    }
    ScheduledWork w = work.get();
    if (w == null) {
      throw new SchedulerException("no work registered before the scheduler started");
    }
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    if (type == ReminderJob.class) {
      return new ReminderJob(w);
    }
    if (type == BroadcastJob.class) {
      return new BroadcastJob(w);
    }
    throw new SchedulerException("unknown job class " + type.getName());
  }

  private static void noTask(String name) {
    org.slf4j.LoggerFactory.getLogger(LuotsiJobFactory.class)
        .warn("Timer {} fired but no task is registered for it on this instance", name);
  }
}
