package fi.luotsi.reminder.quartz;

import fi.luotsi.reminder.ScheduledWork;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one broadcast. Failures are logged here once; the delivery log keeps what is left. */
final class BroadcastJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(BroadcastJob.class);

  private final ScheduledWork work;

  BroadcastJob(ScheduledWork work) {
    this.work = work;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String id = context.getMergedJobDataMap().getString(QuartzSchedule.KEY);
    try {
      work.broadcast(Long.parseLong(id));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("Broadcast {} interrupted; a recovering instance resumes it", id);
    } catch (RuntimeException e) {
      log.error("Broadcast {} failed", id, e);
    }
  }
}
