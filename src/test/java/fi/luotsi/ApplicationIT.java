package fi.luotsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.luotsi.config.Environment;
import fi.luotsi.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationIT {
  @TempDir Path tmp;

  @Test
  void aStartThatFailsHalfWayReleasesTheIndexItBuilt() throws IOException {
    Path knowledge = KnowledgeFixture.write(tmp.resolve("knowledge"));
    Path data = tmp.resolve("data");

    assertThatThrownBy(
            () ->
                Application.start(
                    new Environment(
                        Map.of(
                            "LUOTSI_PORT",
                            "0",
                            "LUOTSI_DATA_DIR",
                            data.toString(),
                            "LUOTSI_KNOWLEDGE_DIR",
                            knowledge.toString(),
                            "LUOTSI_CONFIG_DIR",
                            "config",
                            "LUOTSI_DB_URL",
                            "jdbc:h2:file:"
                                + data.resolve("missing/dir/luotsi")
                                + ";IFEXISTS=TRUE")),
                    MutableClock.at("2027-03-04T15:00:00Z")))
        .isInstanceOf(StoreException.class);

    try (Stream<Path> generations = Files.list(data.resolve("index"))) {
      assertThat(generations).as("index generations left behind").isEmpty();
    }
  }

  @Test
  void closingARunningApplicationReleasesItsIndexAndPort() throws IOException {
    Path knowledge = KnowledgeFixture.write(tmp.resolve("knowledge"));
    Path data = tmp.resolve("data");
    Application app =
        Application.start(
            new Environment(
                Map.of(
                    "LUOTSI_PORT",
                    "0",
                    "LUOTSI_DATA_DIR",
                    data.toString(),
                    "LUOTSI_KNOWLEDGE_DIR",
                    knowledge.toString(),
                    "LUOTSI_CONFIG_DIR",
                    "config")),
            MutableClock.at("2027-03-04T15:00:00Z"));
    int port = app.port();

    app.close();

    try (Stream<Path> generations = Files.list(data.resolve("index"))) {
      assertThat(generations).isEmpty();
    }
    try (java.net.ServerSocket again =
        new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }
}
