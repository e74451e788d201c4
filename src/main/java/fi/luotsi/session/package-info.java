/**
 * The training programme ({@code config/sessions.yaml}): sessions, groups of participants, who
 * belongs where, RSVPs and reminder preferences, and the chat commands that show them. Times are in
 * the programme's time zone ({@code Europe/Helsinki} by default); "now" comes from an injected
 * {@link java.time.Clock}.
 */
package fi.luotsi.session;
