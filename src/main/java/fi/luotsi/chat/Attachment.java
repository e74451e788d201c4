package fi.luotsi.chat;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A file sent to the bot with a message (an administrator's knowledge file, for example). The
 * adapter does not download it up front: the command that wants it calls {@link #fetch}, so files
 * sent by people who may not use them are never downloaded.
 *
 * @param fileName the file's name as the platform reports it, e.g. {@code esteellisyys.md}
 * @param size the size in bytes as the platform reports it; {@code -1} when unknown
 * @param mediaType the platform's media type, e.g. {@code text/markdown}; empty when unknown
 * @param download how to fetch the content
 */
public record Attachment(
    String fileName, long size, Optional<String> mediaType, Download download) {

  /** Fetches an attachment's content from its platform. */
  @FunctionalInterface
  public interface Download {
    /**
     * Fetches the content.
     *
     * @param maxBytes the most the caller accepts
     * @return the content
     * @throws IOException when the platform refuses or fails, or the file is larger than {@code
     *     maxBytes} (the message says which)
     */
    byte[] fetch(long maxBytes) throws IOException;
  }

  public Attachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(download, "download");
  }

  /**
   * Fetches the content, refusing more than {@code maxBytes} (also when the platform's reported
   * size already says so).
   */
  public byte[] fetch(long maxBytes) throws IOException {
    if (size > maxBytes) {
      throw new IOException(
          "file " + fileName + " is " + size + " bytes; at most " + maxBytes + " are accepted");
    }
    byte[] content = download.fetch(maxBytes);
    if (content.length > maxBytes) {
      throw new IOException(
          "file "
              + fileName
              + " is "
              + content.length
              + " bytes; at most "
              + maxBytes
              + " are accepted");
    }
    return content;
  }
}
