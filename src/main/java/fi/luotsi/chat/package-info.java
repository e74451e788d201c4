/**
 * The chat core: platform-neutral messages in ({@link fi.luotsi.chat.IncomingMessage}), replies out
 * ({@link fi.luotsi.chat.Reply}), commands and the conversation handler. Imports no platform, index
 * or scheduler types.
 */
package fi.luotsi.chat;
