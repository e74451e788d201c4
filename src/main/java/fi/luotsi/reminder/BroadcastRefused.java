package fi.luotsi.reminder;

import java.util.Objects;

/** A broadcast operation that cannot be done; {@link #problem()} says why, for a polite reply. */
public final class BroadcastRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Problem {
    NO_SUCH_BROADCAST,
    UNKNOWN_GROUPS,
    NO_RECIPIENTS,
    EMPTY_TEXT,
    TOO_LONG,
    TIME_IN_PAST,
    ALREADY_SENT,
    NOT_SENT
  }

  private final Problem problem;

  public BroadcastRefused(Problem problem, String detail) {
    super(problem + ": " + detail);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Problem problem() {
    return problem;
  }
}
