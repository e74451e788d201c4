/**
 * The Slack adapter: Bolt for Java over the shared HTTP server ({@code POST /slack/events}) or over
 * Socket Mode, translating Slack events, slash commands and button clicks into {@link
 * fi.luotsi.chat.IncomingMessage}s and rendering {@link fi.luotsi.chat.Reply}s as Block Kit.
 *
 * <p>This is the only package that imports Bolt or Slack API types. It exposes {@link
 * fi.luotsi.chat.slack.SlackAdapter}, which the composition root builds, and {@link
 * fi.luotsi.chat.slack.SlackMessenger}, the Slack side of the outbound {@link
 * fi.luotsi.delivery.Messenger} port.
 */
package fi.luotsi.chat.slack;
