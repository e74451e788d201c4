package fi.luotsi.reminder.quartz;

import fi.luotsi.reminder.Timers;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the task of a named timer. Failures are logged here once. */
final class TimerJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(TimerJob.class);

  private final String name;
  private final Timers.Task task;

  TimerJob(String name, Timers.Task task) {
    this.name = name;
    this.task = task;
  }

  @Override
  public void execute(JobExecutionContext context) {
    Instant due = context.getScheduledFireTime().toInstant();
    try {
      task.run(due);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("Timer {} interrupted", name);
    } catch (RuntimeException e) {
      log.error("Timer {} failed", name, e);
    }
  }
}
