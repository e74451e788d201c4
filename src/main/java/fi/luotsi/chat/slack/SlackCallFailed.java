package fi.luotsi.chat.slack;

/**
 * A Slack Web API call or response-URL post failed for good (after any retries). Carries the method
 * and Slack's error code or HTTP status, never a token or a message body.
 */
final class SlackCallFailed extends Exception {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String error;

  SlackCallFailed(String method, String error) {
    super(method + " failed: " + error);
    this.method = method;
    this.error = error;
  }

  String method() {
    return method;
  }

  /** Slack's error code ({@code channel_not_found}), {@code HTTP <status>}, or an I/O reason. */
  String error() {
    return error;
  }
}
