package fi.luotsi.session;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import fi.luotsi.http.HttpServer;
import fi.luotsi.session.ical.CalendarFeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalendarFeedIT {
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server = new HttpServer("127.0.0.1", 0, 1 << 20);
    new CalendarFeed(
            ProgrammeFile.load(Path.of("config/sessions.yaml")),
            Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC))
        .register(server);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheGroupsProgrammeWithHelsinkiTimesOnBothSidesOfDst() throws Exception {
    HttpResponse<String> response = get("/calendar/valtuusto.ics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .get()
        .asString()
        .startsWith("text/calendar");
    String body = response.body();
    assertThat(body)
        .contains("BEGIN:VTIMEZONE", "TZID:Europe/Helsinki")
        .contains("BEGIN:DAYLIGHT", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300")
        .contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3")
        .contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10")
        // before the change (EET) and after it (EEST): local wall time is kept
        .contains("DTSTART;TZID=Europe/Helsinki:20270323T160000")
        .contains("DTSTART;TZID=Europe/Helsinki:20270415T170000")
        .contains("UID:sparraus-talous@luotsi")
        .doesNotContain("tyopaja-omistajaohjaus@luotsi"); // a hallitus-only workshop

    ICalendar parsed = Biweekly.parse(body).first();
    VEvent talous =
        parsed.getEvents().stream()
            .filter(e -> e.getUid().getValue().equals("sparraus-talous@luotsi"))
            .findFirst()
            .orElseThrow();
    assertThat(talous.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2027-04-15T14:00:00Z"));
    VEvent workshop =
        parsed.getEvents().stream()
            .filter(e -> e.getUid().getValue().equals("tyopaja-kokouskaytannot@luotsi"))
            .findFirst()
            .orElseThrow();
    assertThat(workshop.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2027-03-23T14:00:00Z"));
    assertThat(parsed.getEvents()).hasSize(9); // 6 sparring sessions, 3 workshops
  }

  @Test
  void answers404ForUnknownGroupsAndOtherFiles() throws Exception {
    assertThat(get("/calendar/nobody.ics").statusCode()).isEqualTo(404);
    assertThat(get("/calendar/valtuusto.txt").statusCode()).isEqualTo(404);
  }
}
