package fi.luotsi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 serves one instance; the start-up check refuses URLs that would share it between processes.
 */
class SharedDatabaseCheckTest {
  @TempDir Path root;

  private java.util.List<String> problems(String url) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("LUOTSI_KNOWLEDGE_DIR", Files.createDirectories(root.resolve("k")).toString());
    env.put("LUOTSI_CONFIG_DIR", Files.createDirectories(root.resolve("c")).toString());
    env.put("LUOTSI_DATA_DIR", root.resolve("data").toString());
    env.put("LUOTSI_DB_URL", url);
    return ConfigurationCheck.problems(new Environment(env));
  }

  @Test
  void refusesAnH2DatabaseSharedBetweenProcesses() throws Exception {
    assertThat(problems("jdbc:h2:file:/srv/luotsi/db;AUTO_SERVER=TRUE;PASSWORD=x"))
        .containsExactly(
            "LUOTSI_DB_URL is an H2 database shared between processes (jdbc:h2:file:/srv/luotsi/db);"
                + " H2 serves one instance only, several instances need PostgreSQL"
                + " (jdbc:postgresql://…)");
    assertThat(problems("jdbc:h2:tcp://db:9092/luotsi")).hasSize(1);
  }

  @Test
  void acceptsAnH2FileOfItsOwnAndPostgres() throws Exception {
    assertThat(problems("jdbc:h2:file:" + root.resolve("db") + ";MODE=PostgreSQL")).isEmpty();
    assertThat(problems("jdbc:postgresql://db:5432/luotsi")).isEmpty();
  }
}
