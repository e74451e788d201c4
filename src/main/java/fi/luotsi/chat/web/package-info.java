/** The web chat adapter: a browser page and its JSON endpoint. */
package fi.luotsi.chat.web;
