package fi.luotsi.bench;

import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.answer.AnswerEngine.Policy;
import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.lucene.BaselineKnowledgeIndex;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code bench} command: answer quality on an evaluation split and speed on the shipped and a
 * generated knowledge base, for Luotsi and, in the same run, two baselines (plain BM25 with
 * Lucene's StandardAnalyzer, and with its FinnishAnalyzer).
 */
public final class Benchmark {
  /**
   * How long, per engine, the engines answer the questions taking turns before they are timed (at
   * least two rounds).
   */
  static final Duration WARM_UP = Duration.ofSeconds(10);

  private final PrintStream out;

  public Benchmark(PrintStream out) {
    this.out = out;
  }

  /**
   * An engine under test: its index and when it answers. The baselines cannot decline: they answer
   * whenever a section matches at all (their hits report coverage 1).
   */
  private record Engine(String name, Supplier<KnowledgeIndex> index, Policy policy) {
    Engine(String name, Supplier<KnowledgeIndex> index) {
      this(name, index, Policy.coverageAtLeast(0, Policy.RELATED_COVERAGE));
    }
  }

  /**
   * The three engines, each writing its index under {@code directory} on disk (memory-mapped), as
   * {@code serve} keeps Luotsi's: the timings are of the directory the service searches.
   */
  private static List<Engine> engines(Path directory) {
    return List.of(
        new Engine(
            "Luotsi",
            () -> new LuceneKnowledgeIndex(directory.resolve("luotsi")),
            Policy.standard()),
        new Engine(
            "BM25 StandardAnalyzer",
            () ->
                new BaselineKnowledgeIndex(
                    BaselineKnowledgeIndex.Kind.STANDARD, directory.resolve("standard"))),
        new Engine(
            "BM25 FinnishAnalyzer",
            () ->
                new BaselineKnowledgeIndex(
                    BaselineKnowledgeIndex.Kind.FINNISH, directory.resolve("finnish"))));
  }

  public void run(
      KnowledgeBase knowledge,
      String split,
      int generatedSize,
      boolean speed,
      boolean listFailures) {
    try (TemporaryDirectory directory = TemporaryDirectory.create("luotsi-bench-")) {
      run(knowledge, split, generatedSize, speed, listFailures, directory.path());
    }
  }

  private void run(
      KnowledgeBase knowledge,
      String split,
      int generatedSize,
      boolean speed,
      boolean listFailures,
      Path directory) {
    List<EvalQuestion> all = EvaluationSet.load();
    List<EvalQuestion> questions = all.stream().filter(q -> q.split().equals(split)).toList();
    out.printf(
        "Knowledge: %d sections. Evaluation split '%s': %d answerable, %d out-of-scope questions.%n%n",
        knowledge.sections().size(),
        split,
        questions.stream().filter(EvalQuestion::answerable).count(),
        questions.stream().filter(q -> !q.answerable()).count());
    out.printf(
        "%-24s %7s %7s %7s %9s %9s %9s%n",
        "engine", "top-1", "MRR@5", "R@3", "correct", "oos-decl", "wrong-decl");
    Evaluation.Metrics luotsi = null;
    for (Engine engine : engines(directory)) {
      try (KnowledgeIndex index = engine.index().get()) {
        index.rebuild(knowledge);
        Evaluation.Metrics m = Evaluation.run(new AnswerEngine(index, engine.policy()), questions);
        if (luotsi == null) {
          luotsi = m;
        }
        out.printf(
            "%-24s %7.3f %7.3f %7.3f %9.3f %9.3f %9.3f%n",
            engine.name(),
            m.top1(),
            m.mrr5(),
            m.recall3(),
            m.answeredCorrectly(),
            m.outOfScopeDeclined(),
            m.wronglyDeclined());
      }
    }
    out.println(
        "(correct = answered with an expected section; oos-decl = out-of-scope questions declined;"
            + " wrong-decl = answerable questions declined. The baselines cannot decline.)");
    if (listFailures && luotsi != null) {
      out.println();
      luotsi.failures().forEach(f -> out.println("  " + f));
    }
    if (!speed) {
      return;
    }
    out.println();
    List<String> texts = all.stream().map(EvalQuestion::text).toList();
    speed("shipped knowledge base", knowledge, texts, directory);
    speed(
        "generated knowledge base",
        GeneratedKnowledge.of(knowledge, generatedSize),
        texts,
        directory);
    Runtime rt = Runtime.getRuntime();
    out.printf(
        "%nJVM: %s, %d processors, heap used %d MiB%n",
        System.getProperty("java.version"),
        rt.availableProcessors(),
        (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  private void speed(
      String label, KnowledgeBase knowledge, List<String> questions, Path directory) {
    List<Engine> engines = engines(directory);
    out.printf(
        "Speed, %s (%d sections, %d questions, 3 rounds after a %d s warm-up; the engines take"
            + " turns question by question in both; indexes on disk, memory-mapped; wall-clock and"
            + " this thread's CPU time per question):%n",
        label, knowledge.sections().size(), questions.size(), WARM_UP.toSeconds() * engines.size());
    out.printf(
        "%-24s %10s %10s %10s %12s %12s %12s%n",
        "engine", "build ms", "median ms", "p99 ms", "cpu med ms", "cpu p99 ms", "p99 q-med ms");
    List<KnowledgeIndex> indexes = new ArrayList<>();
    try {
      double[] buildMs = new double[engines.size()];
      List<AnswerEngine> answers = new ArrayList<>();
      for (int e = 0; e < engines.size(); e++) {
        KnowledgeIndex index = engines.get(e).index().get();
        indexes.add(index);
        long start = System.nanoTime();
        index.rebuild(knowledge);
        buildMs[e] = (System.nanoTime() - start) / 1e6;
        answers.add(new AnswerEngine(index, engines.get(e).policy()));
      }
      // Warm up by time, not by a fixed number of rounds: Luotsi runs far more code per question
      // than a baseline, and the JIT needs seconds of it before the timings settle. The engines
      // warm up taking turns as they are timed: warmed up one after the other, the JIT compiled
      // each engine's code for the calls it saw alone, recompiled it when the next engine's calls
      // went through the same code (AnswerEngine, Lucene's searcher), and the first timed round
      // paid for compiling Luotsi's code again (its slowest 1 % of timings were mostly that
      // round's).
      long warmUntil = System.nanoTime() + WARM_UP.toNanos() * engines.size();
      for (int i = 0; i < 2 || System.nanoTime() < warmUntil; i++) {
        for (String q : questions) {
          for (AnswerEngine engine : answers) {
            engine.answer(q, Optional.empty());
          }
        }
      }
      // Taking turns on each question, the engines meet the same machine: a moment of contention
      // from elsewhere (this is a shared 2-core machine) falls on all of them, not on one.
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      List<List<Double>> times = new ArrayList<>();
      List<List<Double>> cpuTimes = new ArrayList<>();
      for (int e = 0; e < engines.size(); e++) {
        times.add(new ArrayList<>());
        cpuTimes.add(new ArrayList<>());
      }
      for (int round = 0; round < 3; round++) {
        for (String q : questions) {
          for (int e = 0; e < engines.size(); e++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            answers.get(e).answer(q, Optional.empty());
            times.get(e).add((System.nanoTime() - t) / 1e6);
            cpuTimes.get(e).add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
          }
        }
      }
      for (int e = 0; e < engines.size(); e++) {
        double[] wall = sorted(times.get(e));
        double[] cpu = sorted(cpuTimes.get(e));
        out.printf(
            "%-24s %10.1f %10.3f %10.3f %12.3f %12.3f %12.3f%n",
            engines.get(e).name(),
            buildMs[e],
            percentile(wall, 0.5),
            percentile(wall, 0.99),
            percentile(cpu, 0.5),
            percentile(cpu, 0.99),
            percentile(perQuestionMedians(times.get(e), questions.size()), 0.99));
      }
      out.println(
          "(p99 q-med: the 99th percentile over the questions of each question's median of its"
              + " rounds; a moment of contention slows single answers, not a question's median)");
    } finally {
      indexes.forEach(KnowledgeIndex::close);
    }
  }

  /**
   * Each question's median time over the rounds, sorted; {@code times} holds the rounds one after
   * the other, each with the questions in the same order.
   */
  static double[] perQuestionMedians(List<Double> times, int questions) {
    int rounds = times.size() / questions;
    double[] out = new double[questions];
    double[] ofQuestion = new double[rounds];
    for (int q = 0; q < questions; q++) {
      for (int r = 0; r < rounds; r++) {
        ofQuestion[r] = times.get(r * questions + q);
      }
      Arrays.sort(ofQuestion);
      out[q] =
          rounds % 2 == 1
              ? ofQuestion[rounds / 2]
              : (ofQuestion[rounds / 2 - 1] + ofQuestion[rounds / 2]) / 2;
    }
    Arrays.sort(out);
    return out;
  }

  private static double[] sorted(List<Double> values) {
    double[] out = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(out);
    return out;
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
