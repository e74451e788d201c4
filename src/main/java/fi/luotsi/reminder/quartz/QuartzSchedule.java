package fi.luotsi.reminder.quartz;

import fi.luotsi.reminder.ReminderKey;
import fi.luotsi.reminder.Schedule;
import fi.luotsi.reminder.ScheduledWork;
import fi.luotsi.reminder.Timers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Schedule} on Quartz: JDBC job store ({@code JobStoreTX}) on the Luotsi database,
 * clustered, so that instances sharing one database fire each trigger once and take over the
 * triggers and running jobs of an instance that dies. Misfired triggers fire as soon as possible;
 * whether that is still useful is the reminder service's decision.
 */
public final class QuartzSchedule implements Schedule, Timers {
  private static final Logger log = LoggerFactory.getLogger(QuartzSchedule.class);
  static final String REMINDERS = "reminder";
  static final String BROADCASTS = "broadcast";
  static final String TIMERS = "timer";
  static final String KEY = "key";

  /**
   * Tuning of the scheduler.
   *
   * @param instanceId this instance's id in the cluster, unique per process
   * @param threads worker threads
   * @param checkinInterval how often an instance tells the cluster it is alive; a silent instance
   *     is taken over after about this plus 7.5 s
   * @param misfireThreshold how late a trigger may fire before Quartz treats it as misfired
   */
  public record Settings(
      String instanceId, int threads, Duration checkinInterval, Duration misfireThreshold) {
    public Settings {
      Objects.requireNonNull(instanceId, "instanceId");
      Objects.requireNonNull(checkinInterval, "checkinInterval");
      Objects.requireNonNull(misfireThreshold, "misfireThreshold");
    }

    /** 4 threads, 15 s check-in, 60 s misfire threshold, a random instance id. */
    public static Settings standard() {
      return new Settings(
          "luotsi-" + UUID.randomUUID(), 4, Duration.ofSeconds(15), Duration.ofSeconds(60));
    }
  }

  private final Scheduler scheduler;
  private final Clock clock;
  private final String dataSourceName;
  private final LuotsiJobFactory jobFactory = new LuotsiJobFactory();

  /**
   * Creates the scheduler in standby: timers can be set, none fires before {@link #start}.
   *
   * @param dataSource the migrated Luotsi database
   * @param postgres whether it is PostgreSQL (Quartz needs its delegate for BYTEA)
   */
  public QuartzSchedule(DataSource dataSource, boolean postgres, Clock clock, Settings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.dataSourceName = "luotsi-" + UUID.randomUUID();
    DBConnectionManager.getInstance()
        .addConnectionProvider(dataSourceName, new Provider(dataSource));
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "luotsi");
    p.setProperty("org.quartz.scheduler.instanceId", settings.instanceId());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    // Timers set by another process (`luotsi broadcast`, another instance) are not signalled to
    // this scheduler; it finds them when it next looks, after at most this (Quartz's default is
    // 30 s, which made a command-line broadcast "now" wait up to half a minute).
    p.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
    p.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", settings.instanceId() + "-worker");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        postgres
            ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
            : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
    p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty(
        "org.quartz.jobStore.clusterCheckinInterval",
        Long.toString(settings.checkinInterval().toMillis()));
    p.setProperty(
        "org.quartz.jobStore.misfireThreshold",
        Long.toString(settings.misfireThreshold().toMillis()));
    try {
      StdSchedulerFactory factory = new StdSchedulerFactory(p);
      this.scheduler = factory.getScheduler();
      // Quartz keeps one scheduler per name per JVM; cluster members share the name, so
      // forget it here to let several instances (tests, or a restart) live in one JVM.
      SchedulerRepository.getInstance().remove("luotsi");
      scheduler.setJobFactory(jobFactory);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot create the Quartz scheduler: " + e.getMessage(), e);
    }
  }

  @Override
  public Sync syncReminders(Map<ReminderKey, Instant> wanted) {
    Instant now = clock.instant();
    int added = 0;
    int moved = 0;
    int kept = 0;
    int removed = 0;
    int past = 0;
    try {
      Set<String> names = new HashSet<>();
      for (Map.Entry<ReminderKey, Instant> e : wanted.entrySet()) {
        String name = e.getKey().name();
        names.add(name);
        Instant at = e.getValue();
        Trigger existing = scheduler.getTrigger(new TriggerKey(name, REMINDERS));
        if (existing != null && existing.getStartTime().toInstant().equals(at)) {
          kept++;
        } else if (!at.isAfter(now)) {
          past++;
          if (existing != null) {
            scheduler.deleteJob(new JobKey(name, REMINDERS));
            removed++;
          }
        } else {
          scheduleOnce(ReminderJob.class, REMINDERS, name, at);
          if (existing == null) {
            added++;
          } else {
            moved++;
          }
        }
      }
      for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(REMINDERS))) {
        if (!names.contains(key.getName())) {
          scheduler.deleteJob(new JobKey(key.getName(), REMINDERS));
          removed++;
        }
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot sync reminder triggers: " + e.getMessage(), e);
    }
    return new Sync(added, moved, kept, removed, past);
  }

  @Override
  public void scheduleBroadcast(long broadcastId, Instant at) {
    try {
      scheduleOnce(BroadcastJob.class, BROADCASTS, Long.toString(broadcastId), at);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule broadcast " + broadcastId, e);
    }
  }

  @Override
  public boolean cancelBroadcast(long broadcastId) {
    try {
      return scheduler.deleteJob(new JobKey(Long.toString(broadcastId), BROADCASTS));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot cancel broadcast " + broadcastId, e);
    }
  }

  @Override
  public void register(String name, Timers.Task task) {
    Objects.requireNonNull(name, "name");
    jobFactory.task(name, Objects.requireNonNull(task, "task"));
  }

  @Override
  public void set(String name, Instant at) {
    try {
      scheduleOnce(TimerJob.class, TIMERS, name, at);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot set timer " + name, e);
    }
  }

  @Override
  public boolean cancel(String name) {
    try {
      return scheduler.deleteJob(new JobKey(name, TIMERS));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot cancel timer " + name, e);
    }
  }

  @Override
  public Optional<Instant> next(String name) {
    try {
      Trigger trigger = scheduler.getTrigger(new TriggerKey(name, TIMERS));
      if (trigger == null) {
        return Optional.empty();
      }
      Date next = trigger.getNextFireTime();
      return Optional.of((next != null ? next : trigger.getStartTime()).toInstant());
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot read timer " + name, e);
    }
  }

  /** The stored fire times of reminder timers by name (tests and operators). */
  public Map<String, Instant> reminderTimes() {
    try {
      Map<String, Instant> out = new java.util.TreeMap<>();
      for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(REMINDERS))) {
        Trigger t = scheduler.getTrigger(key);
        if (t != null) {
          out.put(key.getName(), t.getStartTime().toInstant());
        }
      }
      return out;
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot list reminder triggers", e);
    }
  }

  private void scheduleOnce(
      Class<? extends org.quartz.Job> type, String group, String name, Instant at)
      throws SchedulerException {
    JobDetail job =
        JobBuilder.newJob(type)
            .withIdentity(name, group)
            .usingJobData(KEY, name)
            .requestRecovery(true)
            .build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name, group)
            .forJob(job)
            .startAt(Date.from(at))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    scheduler.scheduleJob(job, Set.of(trigger), true);
  }

  @Override
  public void start(ScheduledWork work) {
    jobFactory.work(work);
    try {
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the Quartz scheduler", e);
    }
  }

  @Override
  public void stop(boolean waitForJobs) {
    try {
      if (!scheduler.isShutdown()) {
        scheduler.shutdown(waitForJobs);
      }
    } catch (SchedulerException e) {
      log.warn("Quartz scheduler did not shut down cleanly: {}", e.getMessage());
    } finally {
      try {
        DBConnectionManager.getInstance().shutdown(dataSourceName);
      } catch (SQLException e) {
        log.debug("connection provider shutdown", e);
      }
    }
  }

  /** Lends Quartz connections from the application's pool. */
  private record Provider(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
      // the pool belongs to the application
    }

    @Override
    public void initialize() {}
  }
}
