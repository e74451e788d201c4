package fi.luotsi.admin.digest;

import fi.luotsi.admin.AuditLog;
import fi.luotsi.admin.KnowledgeStatus;
import fi.luotsi.chat.Reply;
import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.delivery.DeliveryService;
import fi.luotsi.delivery.Recipient;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the administrators in chat when a knowledge reload refuses a file (or a synonym rule): the
 * file, line and reason of each problem, and whether the file's earlier version keeps answering.
 * Only problems they have not been told about are news; the same set of problems goes out once per
 * administrator even when several instances see it or an instance restarts (the delivery log's
 * message key is made from the problems).
 *
 * <p>Registered as a {@code LiveKnowledge} reload listener; sending happens on its own thread, so
 * the reload never waits for chat platforms.
 */
public final class KnowledgeAlerts implements Consumer<KnowledgeStatus>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeAlerts.class);

  private final WeeklyDigest reach;
  private final DeliveryService delivery;
  private final AuditLog audit;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "luotsi-knowledge-alerts");
            t.setDaemon(true);
            return t;
          });
  private Set<String> told = Set.of();

  /**
   * @param reach the administrators, as the weekly digest reaches them
   * @param delivery sends the alert
   * @param audit records every alert sent
   */
  public KnowledgeAlerts(WeeklyDigest reach, DeliveryService delivery, AuditLog audit) {
    this.reach = Objects.requireNonNull(reach, "reach");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public void accept(KnowledgeStatus status) {
    Set<String> now = new LinkedHashSet<>();
    for (KnowledgeProblem problem : status.problems()) {
      now.add(problem.toString());
    }
    boolean news;
    synchronized (this) {
      news = !told.containsAll(now);
      told = Set.copyOf(now);
    }
    if (!news || now.isEmpty()) {
      return;
    }
    Reply alert = render(status);
    String key = "knowledge-problems:" + fingerprint(now);
    sender.execute(() -> send(key, alert, now.size()));
  }

  /** Waits for the alerts already queued (for tests). */
  void drain() throws Exception {
    sender.submit(() -> {}).get(30, TimeUnit.SECONDS);
  }

  private void send(String key, Reply alert, int problems) {
    try {
      List<Recipient> recipients = reach.recipients();
      if (recipients.isEmpty()) {
        return;
      }
      DeliveryReport report = delivery.deliver(key, alert, recipients);
      audit.record(
          "knowledge",
          "knowledge.alert",
          key
              + " problems="
              + problems
              + " reached="
              + report.reached()
              + " failed="
              + report.failed());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Telling the administrators about refused knowledge files failed", e);
    }
  }

  /** The alert, in Finnish (administrators' language is not known; the digest does the same). */
  static Reply render(KnowledgeStatus status) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Tietopankin päivityksessä hylättiin seuraavat kohdat:");
    for (KnowledgeProblem problem : status.problems()) {
      paragraphs.add(
          "• "
              + problem
              + (status.keptFiles().contains(problem.file())
                  ? " (tiedoston edellinen versio vastaa yhä)"
                  : ""));
    }
    paragraphs.add("Korjaa tiedosto; muut tiedostot vastaavat normaalisti. Tilanne: tietopankki");
    return Reply.info(Language.FI, paragraphs.toArray(String[]::new));
  }

  private static String fingerprint(Set<String> problems) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String problem : problems.stream().sorted().toList()) {
        sha.update(problem.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
