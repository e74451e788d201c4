/**
 * Administration: keeping the knowledge base current (live reload of the knowledge directory with
 * last-good versions of refused files; knowledge files uploaded, removed and rolled back from chat
 * as validated versions in the database, which every instance applies to its own directory),
 * administrators' chat commands (unanswered questions, 👎 answers, feedback per section, knowledge
 * status), the audit log, and privacy (question-log retention, a person's own data on request and
 * its erasure).
 *
 * <p>Features reach the chat core only as {@link fi.luotsi.chat.ChatCommand}s; administrators are
 * {@link fi.luotsi.config.Roles#isAdmin}.
 */
package fi.luotsi.admin;
