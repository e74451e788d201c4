package fi.luotsi.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;
import fi.luotsi.chat.Attachment;
import fi.luotsi.http.BoundedBody;
import java.io.IOException;
import java.net.URI;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files sent to the bot in Teams, as {@link Attachment}s that download on demand.
 *
 * <p>In a personal chat with a bot that declares {@code supportsFiles}, a file arrives as an
 * attachment of content type {@value #DOWNLOAD_INFO} with the file's {@code name} and a {@code
 * content} of {@code downloadUrl} (pre-authenticated and short-lived: no token is sent) and {@code
 * fileType} (the extension). Other attachments, such as the {@code text/html} copy of the message
 * Teams adds, are not files and are left out.
 *
 * <p>Downloads use https only; plain http is allowed only in local mode (no app id, the Emulator or
 * a test connector on this machine). A download takes at most {@link #timeout} in all and reads at
 * most the caller's byte limit (see {@link BoundedBody}). Redirects are followed, never from https
 * to http. Thread-safe; nothing here logs a download URL (it is a credential) or file content.
 */
final class TeamsFiles implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TeamsFiles.class);

  /** The content type of a file sent to the bot in a personal chat. */
  static final String DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "md", "text/markdown",
          "markdown", "text/markdown",
          "txt", "text/plain",
          "csv", "text/csv",
          "json", "application/json",
          "yaml", "application/yaml",
          "yml", "application/yaml");

  private final boolean httpAllowed;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param httpAllowed whether plain http download URLs are accepted (local mode only)
   * @param timeout the longest a download may take, connecting included
   */
  TeamsFiles(boolean httpAllowed, Duration timeout) {
    this.httpAllowed = httpAllowed;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The files among an activity's attachments, in order; empty when there are none. */
  List<Attachment> attachments(List<com.microsoft.bot.schema.Attachment> attachments) {
    if (attachments == null || attachments.isEmpty()) {
      return List.of();
    }
    List<Attachment> files = new ArrayList<>();
    for (com.microsoft.bot.schema.Attachment attachment : attachments) {
      if (attachment == null || !DOWNLOAD_INFO.equalsIgnoreCase(attachment.getContentType())) {
        continue;
      }
      JsonNode content = tree(attachment.getContent());
      String fileType = text(content, "fileType").map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
      String name =
          Optional.ofNullable(attachment.getName())
              .filter(n -> !n.isBlank())
              .orElse(fileType.isEmpty() ? "file" : "file." + fileType);
      Optional<String> url = text(content, "downloadUrl");
      files.add(
          new Attachment(
              name, -1, mediaType(fileType, name), maxBytes -> download(name, url, maxBytes)));
    }
    return List.copyOf(files);
  }

  static Optional<String> mediaType(String fileType, String name) {
    String known = MEDIA_TYPES.get(fileType);
    if (known != null) {
      return Optional.of(known);
    }
    return Optional.ofNullable(URLConnection.guessContentTypeFromName(name));
  }

  private byte[] download(String name, Optional<String> url, long max) throws IOException {
    URI uri = checked(name, url);
    HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout).build();
    HttpResponse<byte[]> response = BoundedBody.fetch(http, request, max, timeout, "Teams", name);
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new IOException(
          statusMessage(name, status, response.headers().firstValue("Retry-After")));
    }
    log.debug("Teams file {} downloaded: {} bytes", name, response.body().length);
    return response.body();
  }

  private URI checked(String name, Optional<String> url) throws IOException {
    if (url.isEmpty()) {
      throw new IOException("file " + name + " came without a download link from Teams");
    }
    URI uri;
    try {
      uri = URI.create(url.get());
    } catch (IllegalArgumentException e) {
      throw new IOException("file " + name + ": Teams gave a malformed download link");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean allowed = scheme.equals("https") || (httpAllowed && scheme.equals("http"));
    if (!allowed || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IOException(
          "file "
              + name
              + ": its download link is not an https URL"
              + (httpAllowed ? " (or http, in local mode)" : "")
              + "; refused");
    }
    return uri;
  }

  static String statusMessage(String name, int status, Optional<String> retryAfter) {
    return switch (status) {
      case 401, 403 ->
          "Teams refused the download of "
              + name
              + " (HTTP "
              + status
              + "): its download link has expired or is not valid; send the file again";
      case 404, 410 ->
          "file "
              + name
              + " is no longer available (HTTP "
              + status
              + "); it may have been deleted or moved";
      case 429 ->
          "Teams is rate-limiting downloads (HTTP 429); try "
              + name
              + " again in "
              + retryAfterSeconds(retryAfter)
              + " s";
      default ->
          status >= 500
              ? "Teams could not serve "
                  + name
                  + " right now (HTTP "
                  + status
                  + "); try again later"
              : "Teams answered HTTP " + status + " to the download of " + name;
    };
  }

  private static long retryAfterSeconds(Optional<String> header) {
    try {
      return Math.min(60, Math.max(1, Long.parseLong(header.orElse("1").trim())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static JsonNode tree(Object content) {
    if (content == null) {
      return null;
    }
    try {
      return content instanceof JsonNode node ? node : Serialization.objectToTree(content);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Optional<String> text(JsonNode content, String field) {
    if (content == null || !content.isObject()) {
      return Optional.empty();
    }
    JsonNode value = content.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  @Override
  public void close() {
    http.close();
  }
}
