package fi.luotsi.ops;

import fi.luotsi.chat.ConversationObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * Luotsi's metrics, scraped at {@code GET /metrics} in the Prometheus text format:
 *
 * <ul>
 *   <li>{@code luotsi_questions_total{outcome="answered"|"unanswered"}}: questions asked; their sum
 *       is all questions, the answered share is the answered ratio
 *   <li>{@code luotsi_answer_seconds}: histogram of the time to find an answer
 *   <li>{@code luotsi_feedback_total{verdict="up"|"down"}}: 👍 and 👎 stored
 *   <li>{@code luotsi_knowledge_revision}, {@code luotsi_knowledge_sections}, {@code
 *       luotsi_knowledge_refused_files}: the knowledge served
 *   <li>{@code luotsi_reminders_total{outcome}}, {@code luotsi_broadcasts_total{outcome}}: counted
 *       by the features that send them through {@link #reminder} and {@link #broadcast}
 *   <li>JVM memory, garbage collection, threads, class loading, CPU and uptime
 * </ul>
 *
 * <p>Thread-safe. Counts no message text and no user ids.
 */
public final class Metrics implements ConversationObserver, AutoCloseable {
  private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z_]{0,30}");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter answered = questions("answered");
  private final Counter unanswered = questions("unanswered");
  private final Timer answerTime =
      Timer.builder("luotsi.answer")
          .description("Time to find an answer to a question")
          .serviceLevelObjectives(
              Duration.ofMillis(5),
              Duration.ofMillis(10),
              Duration.ofMillis(25),
              Duration.ofMillis(50),
              Duration.ofMillis(100),
              Duration.ofMillis(250),
              Duration.ofMillis(500),
              Duration.ofSeconds(1),
              Duration.ofMillis(2500),
              Duration.ofSeconds(5))
          .register(registry);
  private final Counter helpful = feedback("up");
  private final Counter notHelpful = feedback("down");
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private Counter questions(String outcome) {
    return Counter.builder("luotsi.questions")
        .description("Questions asked, by whether the bot answered them")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter feedback(String verdict) {
    return Counter.builder("luotsi.feedback")
        .description("Feedback on answers: up = helpful, down = not helpful")
        .tag("verdict", verdict)
        .register(registry);
  }

  @Override
  public void questionAnswered(boolean wasAnswered, Duration took) {
    (wasAnswered ? answered : unanswered).increment();
    answerTime.record(took);
  }

  @Override
  public void feedbackGiven(boolean wasHelpful) {
    (wasHelpful ? helpful : notHelpful).increment();
  }

  /**
   * Counts one reminder delivery attempt.
   *
   * @param outcome a short lower-case word such as {@code sent}, {@code throttled}, {@code gone},
   *     {@code failed}
   */
  public void reminder(String outcome) {
    count("luotsi.reminders", "Reminder deliveries, by outcome", outcome);
  }

  /**
   * Counts one broadcast delivery attempt (one recipient).
   *
   * @param outcome a short lower-case word such as {@code sent}, {@code throttled}, {@code gone},
   *     {@code failed}
   */
  public void broadcast(String outcome) {
    count("luotsi.broadcasts", "Broadcast deliveries, by outcome", outcome);
  }

  private void count(String name, String description, String outcome) {
    Objects.requireNonNull(outcome, "outcome");
    if (!OUTCOME.matcher(outcome).matches()) {
      throw new IllegalArgumentException("outcome must be a short lower-case word: " + outcome);
    }
    Counter.builder(name)
        .description(description)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /**
   * Exposes the served knowledge as gauges, read at every scrape.
   *
   * @param revision how many times the served knowledge changed
   * @param sections the sections served
   * @param refusedFiles the files refused by the last read
   */
  public void knowledge(
      DoubleSupplier revision, DoubleSupplier sections, DoubleSupplier refusedFiles) {
    gauge("luotsi.knowledge.revision", "Revision of the knowledge served", revision);
    gauge("luotsi.knowledge.sections", "Knowledge sections served", sections);
    gauge(
        "luotsi.knowledge.refused.files", "Knowledge files refused by the last read", refusedFiles);
  }

  /**
   * Exposes any other figure as a gauge read at every scrape (e.g. a scheduler's queue length).
   *
   * @param name dotted lower-case name, e.g. {@code luotsi.reminders.scheduled}; exported with dots
   *     as underscores
   */
  public void gauge(String name, String description, DoubleSupplier value) {
    Objects.requireNonNull(value, "value");
    Gauge.builder(name, value::getAsDouble)
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  /** The Prometheus text exposition format, version 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
