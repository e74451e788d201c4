package fi.luotsi.chat.slack;

/**
 * Remembers which Slack deliveries were already taken on, so that Slack's retries ({@code
 * X-Slack-Retry-Num}) and duplicate {@code event_id}s are answered once. Slack retries for a few
 * minutes; implementations remember a key for at least an hour. Thread-safe.
 */
interface DeliveryLedger {

  /** Records {@code key}; true the first time, false for a repeat. */
  boolean firstSighting(String key);
}
