package fi.luotsi.reminder.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryResult;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.FakePlatformMessenger;
import fi.luotsi.delivery.Messenger;
import fi.luotsi.delivery.Pacing;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.delivery.RetryPolicy;
import fi.luotsi.reminder.BroadcastService;
import fi.luotsi.reminder.ReminderService;
import fi.luotsi.reminder.ScheduledWork;
import fi.luotsi.session.Attendance;
import fi.luotsi.session.Group;
import fi.luotsi.session.Programme;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.session.Session;
import fi.luotsi.session.SessionType;
import fi.luotsi.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Luotsi instances (each its own connection pool, Quartz scheduler and services) on one
 * PostgreSQL: each reminder runs once, and when one instance dies mid-delivery the other takes over
 * and reaches the rest without repeating anyone.
 */
class QuartzClusterIT {
  private static EmbeddedPostgres postgres;
  private final Clock clock = Clock.systemUTC();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @AfterEach
  void close() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private Database freshDatabase() throws Exception {
    String name = "c" + System.nanoTime();
    try (var c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    url = postgres.getJdbcUrl("postgres", name);
    return open();
  }

  private Database open() {
    Database db = Database.open(url, "postgres", "postgres");
    toClose.add(db);
    assertThat(db.isPostgres()).isTrue();
    return db;
  }

  static Programme programme(int sessions, int recipients, Instant firstDue) {
    List<String> slack =
        IntStream.range(0, recipients).mapToObj(i -> "U%04d".formatted(i)).toList();
    List<Session> list = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      Instant start = firstDue.plus(Duration.ofHours(1));
      Duration offset = Duration.ofHours(1).minusMillis(300L * i);
      list.add(
          new Session(
              "s" + i,
              SessionType.SEMINAR,
              "Seminaari " + i,
              start.atZone(QuartzReminderIT.HELSINKI),
              start.plus(Duration.ofHours(2)).atZone(QuartzReminderIT.HELSINKI),
              Optional.empty(),
              Optional.empty(),
              "",
              List.of("g"),
              List.of(),
              List.of(offset)));
    }
    return new Programme(
        QuartzReminderIT.HELSINKI,
        List.of(),
        Map.of("g", new Group("g", "Ryhmä", slack, List.of())),
        list);
  }

  private QuartzSchedule instance(
      String name, Database db, Messenger messenger, ProgrammeFile programme, int workers) {
    QuartzSchedule schedule =
        new QuartzSchedule(
            db.dataSource(),
            true,
            clock,
            new QuartzSchedule.Settings(name, 2, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    toClose.add(() -> schedule.stop(false));
    DeliveryService delivery =
        new DeliveryService(
            db.dataSource(),
            List.of(messenger),
            clock,
            Pacing.unlimited(),
            new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(50), 3),
            DeliveryService.Sleeper.real(),
            workers,
            Duration.ofSeconds(1));
    ReminderService reminders =
        new ReminderService(
            programme,
            new Attendance(db.dataSource(), clock),
            delivery,
            schedule,
            clock,
            Duration.ofMinutes(1));
    reminders.watchProgramme();
    schedule.start(
        ScheduledWork.of(
            reminders,
            new BroadcastService(db.dataSource(), programme, delivery, schedule, clock)));
    return schedule;
  }

  /** Arrivals per (session title, address). */
  private static Map<String, Integer> perReminderAndAddress(FakePlatformMessenger platform) {
    Map<String, Integer> out = new HashMap<>();
    platform
        .arrivals()
        .forEach(
            a ->
                out.merge(
                    a.message().heading().orElse("") + "|" + a.recipient().address(),
                    1,
                    Integer::sum));
    return out;
  }

  @Test
  void twoInstancesOnOneDatabaseSendEachReminderOnce() throws Exception {
    Database a = freshDatabase();
    Database b = open();
    FakePlatformMessenger platform = new FakePlatformMessenger(Platform.SLACK, clock);
    Instant due = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
    ProgrammeFile programme = ProgrammeFile.fixed(programme(8, 5, due));
    instance("node-a", a, platform, programme, 2);
    instance("node-b", b, platform, programme, 2);

    await().atMost(Duration.ofSeconds(30)).until(() -> platform.arrivals().size() >= 40);
    await().during(Duration.ofSeconds(2)).until(() -> platform.arrivals().size() == 40);
    assertThat(perReminderAndAddress(platform))
        .hasSize(40)
        .allSatisfy((k, v) -> assertThat(v).as(k).isOne());
  }

  @Test
  void whenAnInstanceDiesMidDeliveryTheOtherFinishesWithoutRepeats() throws Exception {
    Database a = freshDatabase();
    FakePlatformMessenger platform = new FakePlatformMessenger(Platform.SLACK, clock);
    CountDownLatch hung = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger sendsOnA = new AtomicInteger();
    // node A delivers two messages, then the third arrives but A "dies" before recording it
    Messenger dying =
        new Messenger() {
          @Override
          public Platform platform() {
            return Platform.SLACK;
          }

          @Override
          public DeliveryResult send(Recipient recipient, Reply message) {
            DeliveryResult result = platform.send(recipient, message);
            if (sendsOnA.incrementAndGet() == 3) {
              hung.countDown();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new FakePlatformMessenger.SimulatedCrash();
            }
            return result;
          }

          @Override
          public DeliveryResult update(Recipient recipient, String ref, Reply message) {
            return platform.update(recipient, ref, message);
          }

          @Override
          public DeliveryResult delete(Recipient recipient, String ref) {
            return platform.delete(recipient, ref);
          }
        };
    toClose.add(never::countDown);
    Instant due = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
    ProgrammeFile programme = ProgrammeFile.fixed(programme(1, 10, due));
    QuartzSchedule nodeA = instance("node-a", a, dying, programme, 1);
    hung.await();
    nodeA.stop(false); // A is gone: no more check-ins, its job thread hangs mid-send
    assertThat(platform.arrivals()).hasSize(3);

    Database b = open();
    instance("node-b", b, platform, programme, 2);
    await().atMost(Duration.ofSeconds(40)).until(() -> platform.arrivals().size() >= 10);
    await().during(Duration.ofSeconds(2)).until(() -> platform.arrivals().size() == 10);
    assertThat(platform.deliveredCounts()).hasSize(10).allSatisfy((k, v) -> assertThat(v).isOne());
  }
}
