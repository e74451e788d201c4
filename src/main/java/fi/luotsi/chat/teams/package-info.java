/**
 * The Microsoft Teams adapter: {@code POST /api/messages} through the Bot Framework SDK, replies as
 * Adaptive Cards, conversation references in the database, and the Teams {@link
 * fi.luotsi.delivery.Messenger}.
 *
 * <p>This is the only package that imports Bot Framework types ({@code com.microsoft.bot..}). The
 * composition root builds {@link fi.luotsi.chat.teams.TeamsAdapter} and takes its {@link
 * fi.luotsi.chat.teams.TeamsMessenger}; {@link fi.luotsi.chat.teams.TeamsAppPackage} builds the zip
 * an administrator uploads to Teams.
 */
package fi.luotsi.chat.teams;
