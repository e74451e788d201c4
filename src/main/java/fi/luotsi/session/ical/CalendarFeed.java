package fi.luotsi.session.ical;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Method;
import fi.luotsi.http.HttpRequest;
import fi.luotsi.http.HttpResponse;
import fi.luotsi.http.HttpServer;
import fi.luotsi.session.Group;
import fi.luotsi.session.Programme;
import fi.luotsi.session.ProgrammeFile;
import fi.luotsi.session.Session;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves each group's sessions as an iCalendar feed at {@code GET /calendar/<group>.ics}. Unknown
 * groups get 404. Thread-safe; every request renders the programme in force.
 */
public final class CalendarFeed {
  private static final Pattern PATH = Pattern.compile("/calendar/([a-z0-9_-]+)\\.ics");

  private final ProgrammeFile programmes;
  private final Clock clock;

  public CalendarFeed(ProgrammeFile programmes, Clock clock) {
    this.programmes = Objects.requireNonNull(programmes, "programmes");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Registers {@code GET /calendar/{file}} on the server. */
  public void register(HttpServer server) {
    server.get("/calendar/{file}", this::handle);
  }

  HttpResponse handle(HttpRequest request) {
    Matcher m = PATH.matcher(request.path());
    if (!m.matches()) {
      return HttpResponse.text(404, "No such calendar. Use /calendar/<group>.ics\n");
    }
    Programme programme = programmes.current();
    Optional<Group> group = programme.group(m.group(1));
    if (group.isEmpty()) {
      return HttpResponse.text(
          404, "No group '" + m.group(1) + "'. Groups: " + programme.groups().keySet() + "\n");
    }
    byte[] body = render(programme, group.get()).getBytes(StandardCharsets.UTF_8);
    return new HttpResponse(
        200,
        "text/calendar; charset=utf-8",
        body,
        Map.of(
            "Content-Disposition",
            "inline; filename=\"" + group.get().id() + ".ics\"",
            "Cache-Control",
            "max-age=300"));
  }

  /** The group's sessions as iCalendar text. */
  public String render(Programme programme, Group group) {
    ICalendar ical = new ICalendar();
    ical.setProductId("-//Luotsi//Programme//FI");
    ical.setMethod(Method.publish());
    ical.setName(group.name());
    ical.setExperimentalProperty("X-WR-CALNAME", group.name());
    ical.setExperimentalProperty("X-WR-TIMEZONE", programme.zone().getId());
    ical.getTimezoneInfo()
        .setDefaultTimezone(
            new TimezoneAssignment(
                TimeZone.getTimeZone(programme.zone()),
                Timezones.vtimezone(programme.zone(), firstYear(programme))));
    Date stamp = Date.from(clock.instant());
    for (Session s : programme.sessionsOf(group.id())) {
      VEvent event = new VEvent();
      event.setUid(s.id() + "@luotsi");
      event.setDateTimeStamp(stamp);
      event.setDateStart(Date.from(s.start().toInstant()));
      event.setDateEnd(Date.from(s.end().toInstant()));
      event.setSummary(s.title());
      s.location().ifPresent(event::setLocation);
      s.link().ifPresent(event::setUrl);
      StringBuilder description = new StringBuilder(s.description());
      s.link().ifPresent(l -> description.append(description.isEmpty() ? "" : "\n").append(l));
      if (!description.isEmpty()) {
        event.setDescription(description.toString());
      }
      if (!s.topics().isEmpty()) {
        event.addCategories(s.topics().toArray(String[]::new));
      }
      ical.addEvent(event);
    }
    return Biweekly.write(ical).go();
  }

  private static int firstYear(Programme programme) {
    return programme.sessions().isEmpty()
        ? 1970
        : programme.sessions().get(0).start().getYear() - 1;
  }
}
