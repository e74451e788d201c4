package fi.luotsi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.luotsi.answer.Answer;
import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.chat.Conversation;
import fi.luotsi.config.Environment;
import fi.luotsi.knowledge.KnowledgeBase;
import fi.luotsi.knowledge.KnowledgeIndex;
import fi.luotsi.knowledge.KnowledgeIndex.Hit;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Answers questions from a knowledge directory without a server or database. */
@Command(
    name = "ask",
    description = {
      "Answer questions from a knowledge directory.",
      "With a question argument: print the answer as a person reads it.",
      "Without: read one question per line from standard input.",
      "--json writes one JSON object per line: question, answered, results."
    })
final class AskCommand implements Callable<Integer> {
  @Option(
      names = "--knowledge",
      description = "Knowledge directory (default: LUOTSI_KNOWLEDGE_DIR or knowledge/).")
  Path knowledge;

  @Option(names = "--json", description = "One JSON object per question and line.")
  boolean json;

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question.")
  List<String> words = List.of();

  @Override
  public Integer call() throws Exception {
    Path dir = knowledge != null ? knowledge : Environment.system().knowledgeDir();
    KnowledgeBase base = Application.loadKnowledge(dir);
    PrintStream out = Main.utf8(System.out);
    try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null)) {
      index.rebuild(base);
      AnswerEngine engine = new AnswerEngine(index);
      if (!words.isEmpty()) {
        String question = String.join(" ", words);
        if (json) {
          out.println(jsonLine(question, engine.answer(question, Optional.empty()), index));
        } else {
          out.println(
              ConsoleCommand.human(index, engine)
                  .handle(ConsoleCommand.console(question))
                  .plainText());
        }
        return 0;
      }
      Conversation conversation = json ? null : ConsoleCommand.human(index, engine);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (json) {
          out.println(jsonLine(line, engine.answer(line, Optional.empty()), index));
        } else if (!line.isBlank()) {
          out.println(conversation.handle(ConsoleCommand.console(line)).plainText());
          out.println();
        }
      }
    }
    return 0;
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The contract's least number of results, where the index has that many sections. */
  static final int MIN_RESULTS = 5;

  static String jsonLine(String question, Answer answer, KnowledgeIndex index) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("question", question);
    node.put("answered", answer instanceof Answer.Found);
    ArrayNode results = node.putArray("results");
    List<Hit> hits = answer.candidates();
    if (answer instanceof Answer.Found found
        && (hits.isEmpty() || !hits.get(0).section().id().equals(found.section().id()))) {
      hits = List.of(new Hit(found.section(), 0, found.confidence()));
    }
    for (Hit hit : atLeastFive(hits, question, answer.language(), index)) {
      ObjectNode r = results.addObject();
      r.put("id", hit.section().id());
      // The score the candidates are ordered by, so that the list reads best first.
      r.put("score", Math.round(hit.rank() * 1000) / 1000.0);
      r.put("title", hit.section().heading());
      r.put("snippet", snippet(hit.section().body()));
    }
    return node.toString();
  }

  /**
   * The engine's candidates, filled up to {@link #MIN_RESULTS} when its search matched fewer (a
   * question of unknown words, or one in a language with few sections): first with the question's
   * best sections in the other languages, then with any sections, all scored 0 so that the list
   * stays best first.
   */
  static List<Hit> atLeastFive(
      List<Hit> hits, String question, Language language, KnowledgeIndex index) {
    if (hits.size() >= MIN_RESULTS) {
      return hits;
    }
    Map<String, Hit> out = new LinkedHashMap<>();
    hits.forEach(h -> out.putIfAbsent(h.section().id(), h));
    List<Section> fillers = new ArrayList<>();
    for (Language other : Language.values()) {
      if (other != language) {
        index.search(question, other, MIN_RESULTS).hits().forEach(h -> fillers.add(h.section()));
      }
    }
    fillers.addAll(index.sections());
    for (Section section : fillers) {
      if (out.size() >= MIN_RESULTS) {
        break;
      }
      out.putIfAbsent(section.id(), new Hit(section, 0, 0));
    }
    return List.copyOf(out.values());
  }

  static String snippet(String body) {
    String flat = body.replaceAll("\\s+", " ").strip();
    if (flat.length() <= 200) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', 200);
    return flat.substring(0, cut > 100 ? cut : 200) + " …";
  }
}
