/**
 * The programme as an iCalendar feed ({@code GET /calendar/<group>.ics}), written with biweekly;
 * the only package that imports it. Times carry a {@code TZID} and a VTIMEZONE built from the JDK's
 * zone rules, so calendar apps place sessions correctly on both sides of a DST change.
 */
package fi.luotsi.session.ical;
