package fi.luotsi.admin.digest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the administrators' digest says about one period.
 *
 * @param from the start of the period (inclusive)
 * @param to the end of the period (exclusive)
 * @param questions questions asked
 * @param answered of which the bot answered
 * @param unanswered questions the bot could not answer, grouped by their normalised text, most
 *     frequent first (at most {@link DigestQueries#TOP})
 * @param unansweredGroups how many distinct unanswered questions there were in all
 * @param downvoted sections whose answers got 👎, most first (at most {@link DigestQueries#TOP})
 * @param feedback 👍/👎 per section, most 👎 first (at most {@link DigestQueries#TOP})
 * @param pending forwarded questions still waiting for an organiser, oldest first (at most {@link
 *     DigestQueries#TOP})
 * @param pendingTotal how many forwarded questions wait in all
 */
public record DigestReport(
    Instant from,
    Instant to,
    int questions,
    int answered,
    List<Count> unanswered,
    int unansweredGroups,
    List<Count> downvoted,
    List<SectionFeedback> feedback,
    List<Pending> pending,
    int pendingTotal) {

  /** A text (a question, a section id) and how often it occurred. */
  public record Count(String text, int count) {
    public Count {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Feedback on one section. */
  public record SectionFeedback(String sectionId, int helpful, int notHelpful) {
    public SectionFeedback {
      Objects.requireNonNull(sectionId, "sectionId");
    }
  }

  /** A forwarded question waiting for an answer. */
  public record Pending(String shortId, Instant forwardedAt, String question) {
    public Pending {
      Objects.requireNonNull(shortId, "shortId");
      Objects.requireNonNull(forwardedAt, "forwardedAt");
      Objects.requireNonNull(question, "question");
    }
  }

  public DigestReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    unanswered = List.copyOf(unanswered);
    downvoted = List.copyOf(downvoted);
    feedback = List.copyOf(feedback);
    pending = List.copyOf(pending);
  }

  /** The share of questions answered, 0 to 100; 0 when nothing was asked. */
  public int answeredPercent() {
    return questions == 0 ? 0 : (int) Math.round(100.0 * answered / questions);
  }
}
