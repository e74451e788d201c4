/**
 * The administrators' weekly digest: questions and the answered share, unanswered questions
 * grouped, 👎 answers, feedback per section and the forwarded questions waiting for an organiser,
 * sent in chat once a week on a persistent timer ({@link fi.luotsi.reminder.Timers}) and shown on
 * demand with {@code viikkokooste}. Figures carry no user ids or pseudonyms.
 */
package fi.luotsi.admin.digest;
