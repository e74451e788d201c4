package fi.luotsi.reminder.quartz;

import fi.luotsi.reminder.ReminderKey;
import fi.luotsi.reminder.ScheduledWork;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fires one reminder. Failures are logged here once; the delivery log keeps what is left. */
final class ReminderJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

  private final ScheduledWork work;

  ReminderJob(ScheduledWork work) {
    this.work = work;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String name = context.getMergedJobDataMap().getString(QuartzSchedule.KEY);
    try {
      // the trigger's start time is when it was meant to fire, also after a misfire
      work.remind(ReminderKey.parse(name), context.getTrigger().getStartTime().toInstant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("Reminder {} interrupted; a recovering instance resumes it", name);
    } catch (RuntimeException e) {
      log.error("Reminder {} failed", name, e);
    }
  }
}
