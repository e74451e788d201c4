package fi.luotsi.store;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceSecretsTest {
  @TempDir Path root;
  private final Database db = TestDatabases.h2();
  private final Clock clock = Clock.systemUTC();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void secondInstanceReadsTheKeyTheFirstCreated() {
    byte[] first =
        new InstanceSecrets(db.dataSource(), clock).pseudonymKey(root.resolve("a/pseudonym.key"));
    byte[] second =
        new InstanceSecrets(db.dataSource(), clock).pseudonymKey(root.resolve("b/pseudonym.key"));

    assertThat(first).hasSize(32).isEqualTo(second);
  }

  @Test
  void importsAnExistingKeyFileOnceSoOldPseudonymsStillMatch() throws Exception {
    byte[] old = new byte[32];
    for (int i = 0; i < old.length; i++) {
      old[i] = (byte) i;
    }
    Path file = Files.write(root.resolve("pseudonym.key"), old);

    byte[] key = new InstanceSecrets(db.dataSource(), clock).pseudonymKey(file);

    assertThat(key).isEqualTo(old);
    assertThat(file).doesNotExist();
    assertThat(root.resolve("pseudonym.key.imported")).hasBinaryContent(old);
    assertThat(new InstanceSecrets(db.dataSource(), clock).pseudonymKey(file)).isEqualTo(old);
  }

  @Test
  void keepsTheDatabasesKeyWhenAnotherInstanceBringsADifferentFile() throws Exception {
    byte[] shared = new InstanceSecrets(db.dataSource(), clock).pseudonymKey(root.resolve("none"));
    Path other = Files.write(root.resolve("other.key"), new byte[40]);

    assertThat(new InstanceSecrets(db.dataSource(), clock).pseudonymKey(other)).isEqualTo(shared);
    assertThat(other).exists();
  }

  @Test
  void instancesStartingTogetherAgreeOnOneKey() throws Exception {
    List<Callable<byte[]>> starts = new ArrayList<>();
    IntStream.range(0, 8)
        .forEach(
            i ->
                starts.add(
                    () ->
                        new InstanceSecrets(db.dataSource(), clock)
                            .pseudonymKey(root.resolve(i + ".key"))));
    List<byte[]> keys = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<byte[]> f : pool.invokeAll(starts)) {
        keys.add(f.get());
      }
    }

    assertThat(keys).allSatisfy(k -> assertThat(k).isEqualTo(keys.get(0)));
  }
}
