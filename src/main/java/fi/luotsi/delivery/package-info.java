/**
 * Outbound messages that are not replies: the {@link fi.luotsi.delivery.Messenger} port, pacing,
 * retries and the delivery log.
 */
package fi.luotsi.delivery;
