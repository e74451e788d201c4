package fi.luotsi.ops;

import java.util.Objects;

/**
 * One health check. It should answer within a second or two; a check that takes longer than {@link
 * Health#CHECK_TIMEOUT} counts as down. A check that throws counts as down with the exception's
 * message.
 */
@FunctionalInterface
public interface HealthCheck {

  Result check();

  /**
   * A check's result.
   *
   * @param up whether the checked part works
   * @param detail a short explanation for operators (no secrets)
   */
  record Result(boolean up, String detail) {
    public Result {
      Objects.requireNonNull(detail, "detail");
    }

    public static Result up(String detail) {
      return new Result(true, detail);
    }

    public static Result down(String detail) {
      return new Result(false, detail);
    }
  }
}
