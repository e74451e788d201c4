package fi.luotsi.reminder;

import fi.luotsi.chat.Platform;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.Messenger;
import fi.luotsi.delivery.Pacing;
import fi.luotsi.delivery.RetryPolicy;
import fi.luotsi.session.Group;
import fi.luotsi.session.Programme;
import fi.luotsi.session.Session;
import fi.luotsi.session.SessionType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Small programmes and services for reminder and broadcast tests. */
final class Fixtures {
  static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  static final Group GROUP =
      new Group(
          "sysma",
          "Sysmän luottamushenkilöt",
          List.of("C0CHANNEL", "U0ALICE", "U0BOB"),
          List.of("a:teams-conv"));

  private Fixtures() {}

  static Session session(String id, Instant start, Duration... offsets) {
    ZonedDateTime s = start.atZone(HELSINKI);
    return new Session(
        id,
        SessionType.SPARRING,
        "Eettisyys, esteellisyys ja julkisuus",
        s,
        s.plusHours(2),
        Optional.of("Teams"),
        Optional.of("https://example.org/join"),
        "",
        List.of("sysma"),
        List.of("esteellisyys", "julkisuus"),
        Arrays.asList(offsets));
  }

  static Programme programme(Session... sessions) {
    return new Programme(
        HELSINKI, List.of(Duration.ofDays(1)), Map.of("sysma", GROUP), List.of(sessions));
  }

  static DeliveryService delivery(DataSource ds, Clock clock, Messenger... messengers) {
    return new DeliveryService(
        ds,
        List.of(messengers),
        clock,
        Pacing.unlimited(),
        new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(50), 3),
        DeliveryService.Sleeper.real(),
        4,
        Duration.ofSeconds(1));
  }

  static Platform slack() {
    return Platform.SLACK;
  }
}
