package fi.luotsi.reminder;

import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.knowledge.Language;
import fi.luotsi.session.Programme;
import fi.luotsi.session.ProgrammeFile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Organisers' announcements: compose a draft, send it now or at a time (a timer in the {@link
 * Schedule}, so a restart loses nothing), report its delivery, edit or retract it after sending.
 * Delivery goes through {@link DeliveryService}, so each recipient gets it once, paced and retried;
 * a delivery interrupted by a crash resumes with the recipients not yet reached. Every operation is
 * written to the audit log. Who may broadcast is the caller's check (organisers in chat, operators
 * on the command line). Thread-safe.
 */
public final class BroadcastService {
  private static final Logger log = LoggerFactory.getLogger(BroadcastService.class);
  static final int MAX_LENGTH = 3000;
  static final String ALL = "*";

  /** Who acts: {@code platform:userId} for the audit log, and where the report goes. */
  public record Actor(Platform platform, String userId, String reportAddress) {
    public Actor {
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(reportAddress, "reportAddress");
    }

    /** A person on the command line; no report is sent anywhere. */
    public static Actor commandLine(String who) {
      return new Actor(Platform.CONSOLE, who, "");
    }

    String key() {
      return platform.name().toLowerCase(java.util.Locale.ROOT) + ":" + userId;
    }
  }

  private final BroadcastStore store;
  private final ProgrammeFile programmes;
  private final DeliveryService delivery;
  private final Schedule schedule;
  private final Clock clock;

  public BroadcastService(
      DataSource dataSource,
      ProgrammeFile programmes,
      DeliveryService delivery,
      Schedule schedule,
      Clock clock) {
    this.store = new BroadcastStore(Objects.requireNonNull(dataSource, "dataSource"));
    this.programmes = Objects.requireNonNull(programmes, "programmes");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a draft for the given groups ({@code *} for all).
   *
   * @throws BroadcastRefused for unknown groups, no recipients, empty or overlong text
   */
  public Broadcast compose(Actor actor, List<String> groupIds, String text, Language language) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new BroadcastRefused(BroadcastRefused.Problem.EMPTY_TEXT, "no text");
    }
    if (body.length() > MAX_LENGTH) {
      throw new BroadcastRefused(
          BroadcastRefused.Problem.TOO_LONG, body.length() + " > " + MAX_LENGTH);
    }
    Programme programme = programmes.current();
    List<String> groups =
        groupIds.contains(ALL) ? List.copyOf(programme.groups().keySet()) : List.copyOf(groupIds);
    List<String> unknown = groups.stream().filter(g -> programme.group(g).isEmpty()).toList();
    if (!unknown.isEmpty() || groups.isEmpty()) {
      throw new BroadcastRefused(
          BroadcastRefused.Problem.UNKNOWN_GROUPS,
          String.join(", ", unknown) + "|" + String.join(", ", programme.groups().keySet()));
    }
    if (programme.recipientsOf(groups).isEmpty()) {
      throw new BroadcastRefused(BroadcastRefused.Problem.NO_RECIPIENTS, String.join(",", groups));
    }
    Instant now = clock.instant();
    long id =
        store.create(
            actor.key(), actor.platform(), actor.reportAddress(), groups, body, language, now);
    store.audit(actor.key(), "broadcast.compose", "#" + id + " to " + groups + ": " + body, now);
    return find(id);
  }

  public Broadcast find(long id) {
    return store
        .find(id)
        .orElseThrow(
            () -> new BroadcastRefused(BroadcastRefused.Problem.NO_SUCH_BROADCAST, "#" + id));
  }

  /** The newest broadcast the actor composed. */
  public Optional<Broadcast> latest(Actor actor) {
    return store.latestBy(actor.key()).flatMap(store::find);
  }

  /** Who a broadcast goes to, each address once. */
  public List<Recipient> recipients(Broadcast b) {
    return programmes.current().recipientsOf(b.groupIds());
  }

  /** The message recipients see. */
  public Reply message(Broadcast b) {
    List<String> paragraphs = new ArrayList<>();
    for (String p : b.body().split("\\n\\s*\\n")) {
      paragraphs.add(p.strip());
    }
    return new Reply(
        Reply.Kind.INFO,
        Optional.of(
            switch (b.language()) {
              case FI -> "Tiedote";
              case SV -> "Meddelande";
              case EN -> "Announcement";
            }),
        paragraphs,
        List.of(),
        Optional.of(
            switch (b.language()) {
              case FI -> "Koulutusohjelman järjestäjiltä";
              case SV -> "Från utbildningsprogrammets arrangörer";
              case EN -> "From the organisers of the training programme";
            }),
        List.of(),
        b.language(),
        Optional.empty());
  }

  /**
   * Sends a draft (or a scheduled broadcast) at {@code at}; now when {@code at} is not in the
   * future. The timer fires on whichever instance is free.
   */
  public Broadcast schedule(Actor actor, long id, Instant at) {
    Instant now = clock.instant();
    Instant when = at.isBefore(now) ? now : at;
    Broadcast b = find(id);
    if (!store.transition(id, "SCHEDULED", when, now, "DRAFT", "SCHEDULED")) {
      throw new BroadcastRefused(BroadcastRefused.Problem.ALREADY_SENT, b.status());
    }
    schedule.scheduleBroadcast(id, when);
    store.audit(actor.key(), "broadcast.schedule", "#" + id + " at " + when, now);
    return find(id);
  }

  /** Cancels a draft or a scheduled broadcast that has not started sending. */
  public Broadcast cancel(Actor actor, long id) {
    Broadcast b = find(id);
    Instant now = clock.instant();
    if (!store.transition(id, "CANCELLED", null, now, "DRAFT", "SCHEDULED")) {
      throw new BroadcastRefused(BroadcastRefused.Problem.ALREADY_SENT, b.status());
    }
    schedule.cancelBroadcast(id);
    store.audit(actor.key(), "broadcast.cancel", "#" + id, now);
    return find(id);
  }

  /**
   * Delivers a scheduled broadcast (the timer calls this; it also resumes one left mid-send). Sends
   * the author a delivery report when done.
   */
  public Optional<DeliveryReport> send(long id) throws InterruptedException {
    Instant now = clock.instant();
    if (!store.transition(id, "SENDING", null, now, "SCHEDULED", "SENDING")) {
      log.info("Broadcast #{} not sent: it is {}", id, store.find(id).map(Broadcast::status));
      return Optional.empty();
    }
    Broadcast b = find(id);
    DeliveryReport report = delivery.deliver(b.messageKey(), message(b), recipients(b));
    store.transition(id, "SENT", null, clock.instant(), "SENDING");
    store.audit(
        b.author(),
        "broadcast.sent",
        "#%d reached %d, failed %d, pending %d"
            .formatted(id, report.reached(), report.failed(), report.pending()),
        clock.instant());
    if (!b.authorAddress().isEmpty()
        && (b.authorPlatform() == Platform.SLACK || b.authorPlatform() == Platform.TEAMS)) {
      delivery.deliver(
          "broadcast-report:" + id,
          BroadcastTexts.report(b, report, b.language()),
          List.of(new Recipient(b.authorPlatform(), b.authorAddress())));
    }
    return Optional.of(report);
  }

  /** Where a broadcast's delivery stands. */
  public DeliveryReport report(long id) {
    return delivery.report(find(id).messageKey());
  }

  /** Replaces the text; a sent broadcast is updated wherever it arrived. */
  public DeliveryReport edit(Actor actor, long id, String text) throws InterruptedException {
    Broadcast b = find(id);
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new BroadcastRefused(BroadcastRefused.Problem.EMPTY_TEXT, "no text");
    }
    if (body.length() > MAX_LENGTH) {
      throw new BroadcastRefused(
          BroadcastRefused.Problem.TOO_LONG, Integer.toString(body.length()));
    }
    if (b.status().equals("CANCELLED") || b.status().equals("RETRACTED")) {
      throw new BroadcastRefused(BroadcastRefused.Problem.NOT_SENT, b.status());
    }
    Instant now = clock.instant();
    store.editBody(id, body, now);
    store.audit(actor.key(), "broadcast.edit", "#" + id + ": " + body, now);
    Broadcast edited = find(id);
    return b.status().equals("SENT")
        ? delivery.update(b.messageKey(), message(edited))
        : delivery.report(b.messageKey());
  }

  /** Deletes a sent broadcast wherever it arrived. */
  public DeliveryReport retract(Actor actor, long id) throws InterruptedException {
    Broadcast b = find(id);
    Instant now = clock.instant();
    if (!store.transition(id, "RETRACTED", null, now, "SENT")) {
      throw new BroadcastRefused(BroadcastRefused.Problem.NOT_SENT, b.status());
    }
    store.audit(actor.key(), "broadcast.retract", "#" + id, now);
    return delivery.retract(b.messageKey());
  }

  /**
   * The command line's broadcast: compose for {@code groupIds} and schedule it for {@code at} (the
   * running server's scheduler sends it), or, without a future time, deliver it here and now
   * (blocking; needs this process's messengers). Returns a plain-text summary.
   */
  public String broadcastFromCommandLine(
      String operator, List<String> groupIds, String text, Optional<Instant> at)
      throws InterruptedException {
    Actor actor = Actor.commandLine(operator);
    Broadcast draft = compose(actor, groupIds, text, Language.FI);
    if (at.isPresent() && at.get().isAfter(clock.instant())) {
      Broadcast scheduled = schedule(actor, draft.id(), at.get());
      return ("Broadcast #%d scheduled for %s to %d recipients; the running server sends it"
              + " (report: \"tiedote raportti %d\").")
          .formatted(scheduled.id(), at.get(), recipients(scheduled).size(), scheduled.id());
    }
    Instant now = clock.instant();
    store.transition(draft.id(), "SCHEDULED", now, now, "DRAFT");
    store.audit(actor.key(), "broadcast.schedule", "#" + draft.id() + " now (command line)", now);
    DeliveryReport report = send(draft.id()).orElseThrow();
    StringBuilder out =
        new StringBuilder(
            "Broadcast #%d: reached %d, failed %d, pending %d."
                .formatted(draft.id(), report.reached(), report.failed(), report.pending()));
    report
        .failures()
        .forEach(
            f ->
                out.append("\n  ")
                    .append(f.recipient())
                    .append(" ")
                    .append(f.status())
                    .append(": ")
                    .append(f.reason()));
    return out.toString();
  }
}
