package fi.luotsi.reminder.quartz;

import fi.luotsi.reminder.ScheduledWork;
import java.util.concurrent.atomic.AtomicReference;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds jobs with their collaborators (constructor injection instead of Quartz's reflection). */
final class LuotsiJobFactory implements JobFactory {
  private final AtomicReference<ScheduledWork> work = new AtomicReference<>();

  void work(ScheduledWork value) {
    work.set(value);
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
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
}
