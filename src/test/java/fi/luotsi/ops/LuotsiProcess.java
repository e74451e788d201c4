package fi.luotsi.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code luotsi serve} (or another sub-command) as a child process on the test's class path, with
 * exactly the given environment; standard output and error go to files under {@code dir}.
 */
final class LuotsiProcess {
  private LuotsiProcess() {}

  static Process start(Path dir, String name, Map<String, String> env, String... args) {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java.toString(), "-Xmx512m", "-cp", classpath, "fi.luotsi.Main"));
    command.addAll(List.of(args.length == 0 ? new String[] {"serve"} : args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectOutput(dir.resolve(name + ".out").toFile());
    builder.redirectError(dir.resolve(name + ".err").toFile());
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String stderr(Path dir, String name) {
    try {
      return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
