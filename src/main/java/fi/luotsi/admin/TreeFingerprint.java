package fi.luotsi.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of a directory tree's file names, sizes and modification times, hidden files and folders
 * (such as {@code .git}) left out: equal digests mean (almost certainly) an unchanged tree. Cheap:
 * reads no file contents.
 */
final class TreeFingerprint {
  private TreeFingerprint() {}

  /** The tree's digest; "missing" when it is not a readable directory. */
  static String of(Path root) {
    if (!Files.isDirectory(root)) {
      return "missing";
    }
    MessageDigest digest = sha256();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> !hidden(root, p)).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      // A file vanished while walking: report a value that differs from any stable state.
      return "unstable:" + System.nanoTime();
    }
    for (Path file : files) {
      String line;
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        // A folder's own time changes with any entry, also a hidden one: only its name counts.
        line =
            attributes.isDirectory()
                ? root.relativize(file) + "/\n"
                : root.relativize(file)
                    + "\t"
                    + attributes.size()
                    + "\t"
                    + attributes.lastModifiedTime().toInstant()
                    + "\n";
      } catch (IOException e) {
        line = root.relativize(file) + "\tunreadable\n";
      }
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Whether a path below the root is hidden (a part starts with a dot), as the loader skips it. */
  static boolean hidden(Path root, Path path) {
    for (Path part : root.relativize(path)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
