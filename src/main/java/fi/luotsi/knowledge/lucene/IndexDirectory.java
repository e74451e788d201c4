package fi.luotsi.knowledge.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Where one built index lives: in memory, or in a new folder of its own on disk (memory-mapped),
 * which {@link #close()} removes with the index.
 *
 * @param path the folder on disk; null in memory
 */
record IndexDirectory(Directory directory, Path path) implements Closeable {

  /**
   * A directory for one new index.
   *
   * @param base where the folder is made (created when missing); null keeps the index in memory
   * @param prefix the start of the folder's name
   */
  static IndexDirectory create(Path base, String prefix) throws IOException {
    if (base == null) {
      return new IndexDirectory(new ByteBuffersDirectory(), null);
    }
    Files.createDirectories(base);
    Path path = Files.createTempDirectory(base, prefix);
    return new IndexDirectory(FSDirectory.open(path), path);
  }

  /** Closes the directory and removes its folder, if on disk. */
  @Override
  public void close() throws IOException {
    directory.close();
    if (path != null) {
      IOUtils.rm(path);
    }
  }
}
