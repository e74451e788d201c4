package fi.luotsi.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.files.FilesInfoResponse;
import com.slack.api.model.File;
import fi.luotsi.chat.Attachment;
import fi.luotsi.http.BoundedBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files shared with the bot, as {@link Attachment}s that download on demand.
 *
 * <p>Slack serves a file's bytes at its {@code url_private_download} (or {@code url_private}) to a
 * request with {@code Authorization: Bearer <bot token>}, for an app with the {@code files:read}
 * scope. The URL comes with the event, so a download is one GET and no Web API call; only when the
 * event carries a partial file (Slack Connect's {@code "file_access": "check_file_info"}) is the
 * URL fetched with {@code files.info}.
 *
 * <p>The URL in an event is data from outside, so the bot token is sent only to Slack's own hosts:
 * the origin of {@code SLACK_API_URL} (which already receives the token), {@code files.<that
 * host>}, and {@code https://files.slack.com}. Anything else is refused before any request. Slack
 * answers a token it does not accept with a redirect to its sign-in page (or that page with 200);
 * redirects are followed only within those hosts, and a web page where a file was expected is an
 * error, never content.
 *
 * <p>A download takes at most {@link #timeout} in all and reads at most the caller's byte limit
 * (see {@link BoundedBody}). Thread-safe. Nothing here logs a token or file content.
 */
final class SlackFiles implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackFiles.class);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_REDIRECTS = 3;
  private static final String SLACK_FILE_HOST = "https://files.slack.com:443";

  private final MethodsClient methods;
  private final String authorization;
  private final Set<String> trustedOrigins;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param methods the Web API client with the bot token, for {@code files.info}
   * @param botToken the bot token sent with downloads
   * @param apiUrl {@code SLACK_API_URL}, when set
   * @param timeout the longest a download may take, connecting included
   */
  SlackFiles(MethodsClient methods, String botToken, Optional<String> apiUrl, Duration timeout) {
    this.methods = Objects.requireNonNull(methods, "methods");
    this.authorization = "Bearer " + Objects.requireNonNull(botToken, "botToken");
    this.trustedOrigins = trustedOrigins(apiUrl);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER) // followed by hand, within Slack's hosts
            .build();
  }

  /** The origins ({@code scheme://host:port}) that may receive the bot token with a download. */
  static Set<String> trustedOrigins(Optional<String> apiUrl) {
    URI api = URI.create(apiUrl.orElse("https://slack.com/api/"));
    Set<String> origins = new LinkedHashSet<>();
    origin(api).ifPresent(origins::add);
    String host = api.getHost() == null ? "" : api.getHost().toLowerCase(Locale.ROOT);
    if ("https".equalsIgnoreCase(api.getScheme())
        && host.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}")) {
      origins.add("https://files." + host + ":443");
    }
    origins.add(SLACK_FILE_HOST);
    return Set.copyOf(origins);
  }

  /** One attachment per file, in order; files Slack sends without an id are left out. */
  List<Attachment> attachments(List<File> files) {
    if (files == null || files.isEmpty()) {
      return List.of();
    }
    List<Attachment> attachments = new ArrayList<>();
    for (File file : files) {
      if (file == null || file.getId() == null) {
        continue;
      }
      String name = firstNonBlank(file.getName(), file.getTitle(), file.getId());
      Optional<String> url =
          Optional.ofNullable(firstNonBlank(file.getUrlPrivateDownload(), file.getUrlPrivate()));
      Optional<String> mediaType =
          Optional.ofNullable(file.getMimetype()).filter(m -> !m.isBlank());
      String id = file.getId();
      attachments.add(
          new Attachment(
              name,
              file.getSize() == null ? -1 : file.getSize(),
              mediaType,
              maxBytes -> download(id, name, url, mediaType, maxBytes)));
    }
    return List.copyOf(attachments);
  }

  private byte[] download(
      String fileId, String name, Optional<String> eventUrl, Optional<String> mediaType, long max)
      throws IOException {
    URI uri = parse(eventUrl.isPresent() ? eventUrl.get() : urlFromFilesInfo(fileId, name), name);
    for (int hop = 0; ; hop++) {
      if (!trusted(uri)) {
        throw new IOException(
            "file "
                + name
                + ": its download URL is on "
                + hostOf(uri)
                + ", which is not a Slack file host; refused without sending the bot token");
      }
      HttpResponse<byte[]> response = get(uri, name, max);
      int status = response.statusCode();
      if (status / 100 == 2) {
        if (isWebPage(response) && !mediaType.map(m -> m.startsWith("text/html")).orElse(false)) {
          throw new IOException(
              "Slack answered the download of "
                  + name
                  + " with a web page instead of the file: the app needs the files:read scope"
                  + " (reinstall it after adding the scope)");
        }
        log.debug("Slack file {} downloaded: {} bytes", name, response.body().length);
        return response.body();
      }
      if (status / 100 == 3) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty() || hop >= MAX_REDIRECTS) {
          throw new IOException(
              "Slack redirected the download of " + name + " too often (HTTP " + status + ")");
        }
        URI next = parse(uri.resolve(location.get()).toString(), name);
        if (!trusted(next)) {
          throw new IOException(
              "Slack redirected the download of "
                  + name
                  + " to "
                  + hostOf(next)
                  + " instead of serving it (a sign-in page): the app needs the files:read scope,"
                  + " and the file must be shared where the bot is");
        }
        uri = next;
        continue;
      }
      throw new IOException(
          statusMessage(name, status, response.headers().firstValue("Retry-After")));
    }
  }

  private HttpResponse<byte[]> get(URI uri, String name, long max) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .GET()
            .header("Authorization", authorization)
            .timeout(timeout)
            .build();
    return BoundedBody.fetch(http, request, max, timeout, "Slack", name);
  }

  /** The file's URL from {@code files.info}, for events that carry only the file's id. */
  private String urlFromFilesInfo(String fileId, String name) throws IOException {
    FilesInfoResponse info;
    try {
      info = methods.filesInfo(r -> r.file(fileId));
    } catch (SlackApiException e) {
      throw new IOException(
          "files.info for "
              + name
              + ": "
              + statusMessage(
                  name,
                  e.getResponse().code(),
                  Optional.ofNullable(e.getResponse().header("Retry-After"))));
    }
    if (!info.isOk()) {
      String error = String.valueOf(info.getError());
      throw new IOException(
          switch (error) {
            case "file_not_found", "file_deleted" ->
                "file " + name + " is no longer in Slack (files.info: " + error + ")";
            case "missing_scope", "not_allowed_token_type", "no_permission" ->
                "Slack refused to describe file "
                    + name
                    + " (files.info: "
                    + error
                    + "): the app needs the files:read scope";
            default -> "files.info for " + name + " failed: " + error;
          });
    }
    File file = info.getFile();
    String url =
        file == null ? null : firstNonBlank(file.getUrlPrivateDownload(), file.getUrlPrivate());
    if (url == null) {
      throw new IOException(
          "file " + name + " has no content stored in Slack (an external or removed file)");
    }
    return url;
  }

  static String statusMessage(String name, int status, Optional<String> retryAfter) {
    return switch (status) {
      case 401, 403 ->
          "Slack refused the download of "
              + name
              + " (HTTP "
              + status
              + "): the app needs the files:read scope, and the file must be shared where the bot"
              + " is";
      case 404, 410 ->
          "file " + name + " is no longer in Slack (HTTP " + status + "); it may have been deleted";
      case 429 ->
          "Slack is rate-limiting downloads (HTTP 429); try "
              + name
              + " again in "
              + SlackWebApi.parseRetryAfter(retryAfter.orElse(null)).toSeconds()
              + " s";
      default ->
          status >= 500
              ? "Slack could not serve "
                  + name
                  + " right now (HTTP "
                  + status
                  + "); try again later"
              : "Slack answered HTTP " + status + " to the download of " + name;
    };
  }

  private boolean trusted(URI uri) {
    return uri.getRawUserInfo() == null && origin(uri).map(trustedOrigins::contains).orElse(false);
  }

  private static Optional<String> origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("https") && !scheme.equals("http")) || uri.getHost() == null) {
      return Optional.empty();
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
  }

  private static URI parse(String url, String name) throws IOException {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IOException("file " + name + ": Slack gave a malformed download URL");
    }
  }

  private static String hostOf(URI uri) {
    return uri.getHost() == null ? "an unknown host" : uri.getHost();
  }

  private static boolean isWebPage(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Content-Type")
        .map(type -> type.toLowerCase(Locale.ROOT).startsWith("text/html"))
        .orElse(false);
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  @Override
  public void close() {
    http.close();
  }
}
