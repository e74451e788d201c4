package fi.luotsi.admin;

import fi.luotsi.chat.Attachment;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One instance's managed knowledge over a temp knowledge directory and an in-memory H2 database:
 * the chat command, the editor, and the live knowledge behind them.
 */
final class KnowledgeStoreFixture implements AutoCloseable {
  static final String ADMIN = "UADMIN";
  static final String OTHER_ADMIN = "UOTHER";
  static final String ACTOR = "slack:" + ADMIN;

  final AdminFixture db = new AdminFixture();
  final Path dir;
  final LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null);
  final LiveKnowledge live;
  final ManagedKnowledge managed;

  KnowledgeStoreFixture(Path dir) {
    this.dir = dir;
    live = new LiveKnowledge(dir, index, db.clock);
    managed =
        new ManagedKnowledge(
            db.database.dataSource(),
            dir,
            live,
            db.audit,
            new Roles(Set.of(), Set.of("slack:" + ADMIN, "slack:" + OTHER_ADMIN)),
            db.pseudonyms,
            db.clock);
  }

  Reply say(String user, String text) {
    return managed
        .command()
        .handle(AdminFixture.typed(Platform.SLACK, user, text), Language.FI)
        .orElseThrow(() -> new AssertionError("not handled: " + text));
  }

  Optional<Reply> maybe(IncomingMessage message) {
    return managed.command().handle(message, Language.FI);
  }

  /** An admin's direct message with a file attached. */
  Reply upload(String user, String text, String fileName, String content) {
    return maybe(withFile(user, text, fileName, content))
        .orElseThrow(() -> new AssertionError("upload not handled"));
  }

  static IncomingMessage withFile(String user, String text, String fileName, String content) {
    return AdminFixture.typed(Platform.SLACK, user, text)
        .withAttachments(List.of(attachment(fileName, content)));
  }

  static Attachment attachment(String fileName, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new Attachment(fileName, bytes.length, Optional.of("text/markdown"), max -> bytes);
  }

  Reply press(String user, Button button) {
    return managed
        .command()
        .handle(AdminFixture.pressed(Platform.SLACK, user, button), Language.FI)
        .orElseThrow(() -> new AssertionError("press not handled: " + button));
  }

  static Button button(Reply reply, String label) {
    return reply.buttons().stream()
        .filter(b -> b.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button " + label + " in " + reply));
  }

  String read(String relative) {
    try {
      return Files.readString(dir.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean exists(String relative) {
    return Files.exists(dir.resolve(relative));
  }

  int versions() {
    return db.count("SELECT COUNT(*) FROM knowledge_version");
  }

  List<AuditLog.Entry> audit() {
    return db.audit.recent(100);
  }

  static String text(Reply reply) {
    return reply.plainText();
  }

  @Override
  public void close() {
    managed.close();
    live.close();
    index.close();
    db.close();
  }
}
