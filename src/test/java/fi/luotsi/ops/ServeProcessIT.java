package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code luotsi serve} as a process: a broken configuration lists every problem and exits with 2; a
 * good one serves until SIGTERM and then shuts down in order.
 */
class ServeProcessIT {
  @TempDir Path root;

  @Test
  void refusesToStartListingEveryProblemWithExitCodeTwo() throws Exception {
    Files.createDirectories(root.resolve("config"));
    Files.writeString(root.resolve("config/luotsi.yaml"), "questions_per_minute: 0\n");
    Map<String, String> env =
        Map.of(
            "LUOTSI_PORT", "0",
            "LUOTSI_CONFIG_DIR", root.resolve("config").toString(),
            "LUOTSI_KNOWLEDGE_DIR", root.resolve("no-such-dir").toString(),
            "LUOTSI_DATA_DIR", root.resolve("data").toString(),
            "LUOTSI_DB_URL", "postgres://db/luotsi",
            "SLACK_BOT_TOKEN", "xoxb-1-2-3",
            "MICROSOFT_APP_ID", "00000000-0000-0000-0000-000000000001");

    Run run = serve(env);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("Luotsi cannot start:")
        .contains("5 configuration problems:")
        .contains(root.resolve("config/luotsi.yaml") + ": questions_per_minute must be at least 1")
        .contains("LUOTSI_KNOWLEDGE_DIR " + root.resolve("no-such-dir") + " is not a directory")
        .contains(
            "LUOTSI_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL, was 'postgres://db/luotsi'")
        .contains("SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET")
        .contains("MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not")
        .doesNotContain("Exception");
    assertThat(root.resolve("data")).doesNotExist();
  }

  @Test
  void shutsDownInOrderOnSigterm() throws Exception {
    Path knowledge = Files.createDirectories(root.resolve("knowledge"));
    Files.writeString(
        knowledge.resolve("a.md"), "---\ntitle: A\n---\n## Mikä on kellari?\n\nTila.\n");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process process =
        builder(
                Map.of(
                    "LUOTSI_PORT", String.valueOf(port),
                    "LUOTSI_CONFIG_DIR", root.resolve("config").toString(),
                    "LUOTSI_KNOWLEDGE_DIR", knowledge.toString(),
                    "LUOTSI_DATA_DIR", root.resolve("data").toString()))
            .start();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build();
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> http.send(ready, BodyHandlers.discarding()).statusCode() == 200);
    } finally {
      process.destroy(); // SIGTERM
    }

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(root.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertThat(log).contains("Shutting down: not ready any more");
    assertThat(log).doesNotContain("ERROR");
    try (Stream<Path> generations = Files.list(root.resolve("data/index"))) {
      assertThat(generations).as("index generations left after closing").isEmpty();
    }
  }

  private record Run(int exitCode, String stderr) {}

  private Run serve(Map<String, String> env) throws Exception {
    Process process = builder(env).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("luotsi serve did not stop by itself");
    }
    return new Run(
        process.exitValue(), Files.readString(root.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  private ProcessBuilder builder(Map<String, String> env) {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(List.of(java.toString(), "-cp", classpath, "fi.luotsi.Main", "serve"));
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectOutput(root.resolve("stdout.txt").toFile());
    builder.redirectError(root.resolve("stderr.txt").toFile());
    return builder;
  }
}
