package fi.luotsi.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes knowledge files the way editors and {@code git} do: whole, then moved into place. */
final class KnowledgeFiles {
  private KnowledgeFiles() {}

  static void write(Path root, String relative, String content) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(root, ".tmp-", ".part");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path root, String relative) {
    try {
      Files.delete(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid file with one section per heading, each with its own body. */
  static String file(String title, String... headingsAndBodies) {
    StringBuilder out = new StringBuilder("---\ntitle: " + title + "\n---\n");
    for (int i = 0; i < headingsAndBodies.length; i += 2) {
      out.append("\n## ")
          .append(headingsAndBodies[i])
          .append("\n\n")
          .append(headingsAndBodies[i + 1])
          .append('\n');
    }
    return out.toString();
  }
}
