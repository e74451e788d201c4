package fi.luotsi;

import fi.luotsi.answer.AnswerEngine;
import fi.luotsi.chat.Conversation;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.MemoryQuestionLog;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Environment;
import fi.luotsi.config.Settings;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The same conversation as the chat platforms, in the terminal. */
@Command(
    name = "chat",
    description = "Chat with Luotsi in the terminal (empty line or Ctrl-D ends).")
final class ConsoleCommand implements Callable<Integer> {
  @Option(names = "--knowledge", description = "Knowledge directory.")
  Path knowledge;

  @Override
  public Integer call() throws Exception {
    Path dir = knowledge != null ? knowledge : Environment.system().knowledgeDir();
    PrintStream out = Main.utf8(System.out);
    try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null)) {
      index.rebuild(Application.loadKnowledge(dir));
      Conversation conversation = human(index, new AnswerEngine(index));
      out.println(conversation.handle(console("apua")).plainText());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (true) {
        out.print("\n> ");
        out.flush();
        String line = in.readLine();
        if (line == null || line.isBlank()) {
          return 0;
        }
        Reply reply = conversation.handle(console(line));
        out.println();
        out.println(reply.plainText());
        reply.buttons().stream()
            .filter(b -> b.action() == fi.luotsi.chat.Button.Action.ASK)
            .forEach(b -> out.println("  → " + b.value()));
      }
    }
  }

  static Conversation human(LuceneKnowledgeIndex index, AnswerEngine engine) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Settings settings = Settings.load(Environment.system().configDir());
    return new Conversation(
        engine,
        index::sections,
        new MemoryQuestionLog(),
        new Pseudonyms(key),
        settings::contact,
        List.of(),
        Integer.MAX_VALUE,
        Clock.systemDefaultZone());
  }

  static IncomingMessage console(String text) {
    return IncomingMessage.text(
        Platform.CONSOLE, System.getProperty("user.name", "console"), "console", text);
  }
}
