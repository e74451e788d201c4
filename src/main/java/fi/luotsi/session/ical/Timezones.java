package fi.luotsi.session.ical;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a VTIMEZONE from the JDK's rules for a zone (no download from a time zone server): one
 * observance per yearly transition rule, e.g. for Europe/Helsinki a DAYLIGHT part from the last
 * Sunday of March at 03:00 (+02:00 → +03:00) and a STANDARD part from the last Sunday of October at
 * 04:00 (+03:00 → +02:00).
 */
final class Timezones {
  private Timezones() {}

  static VTimezone vtimezone(ZoneId zone, int fromYear) {
    VTimezone tz = new VTimezone(zone.getId());
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
    if (yearly.isEmpty()) {
      ZoneOffset offset = rules.getStandardOffset(java.time.Instant.EPOCH);
      StandardTime standard = new StandardTime();
      standard.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
      standard.setTimezoneOffsetFrom(offset(offset));
      standard.setTimezoneOffsetTo(offset(offset));
      standard.addTimezoneName(offset.getId());
      tz.addStandardTime(standard);
      return tz;
    }
    for (ZoneOffsetTransitionRule rule : yearly) {
      ZoneOffsetTransition first = rule.createTransition(fromYear);
      boolean daylight =
          rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
      Observance o = daylight ? new DaylightSavingsTime() : new StandardTime();
      LocalDateTime start = first.getDateTimeBefore();
      o.setDateStart(
          new DateTimeComponents(
              start.getYear(),
              start.getMonthValue(),
              start.getDayOfMonth(),
              start.getHour(),
              start.getMinute(),
              start.getSecond(),
              false));
      o.setTimezoneOffsetFrom(offset(rule.getOffsetBefore()));
      o.setTimezoneOffsetTo(offset(rule.getOffsetAfter()));
      o.setRecurrenceRule(recurrence(rule));
      if (daylight) {
        tz.addDaylightSavingsTime((DaylightSavingsTime) o);
      } else {
        tz.addStandardTime((StandardTime) o);
      }
    }
    return tz;
  }

  /** The rule as an RRULE: "last Sunday" where the JDK says "Sunday on or after the 25th". */
  private static Recurrence recurrence(ZoneOffsetTransitionRule rule) {
    Recurrence.Builder b = new Recurrence.Builder(Frequency.YEARLY);
    b.byMonth(rule.getMonth().getValue());
    int indicator = rule.getDayOfMonthIndicator();
    if (rule.getDayOfWeek() == null) {
      return b.byMonthDay(indicator).build();
    }
    DayOfWeek day = DayOfWeek.valueOfAbbr(rule.getDayOfWeek().name().substring(0, 2));
    int monthLength = rule.getMonth().minLength();
    if (indicator > 0 && indicator + 6 == monthLength) {
      return b.byDay(-1, day).build();
    }
    List<Integer> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      days.add(indicator > 0 ? indicator + i : indicator - i);
    }
    return b.byMonthDay(days).byDay(day).build();
  }

  private static UtcOffset offset(ZoneOffset offset) {
    return new UtcOffset(offset.getTotalSeconds() * 1000L);
  }
}
