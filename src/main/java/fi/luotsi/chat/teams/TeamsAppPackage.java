package fi.luotsi.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Builds the Teams app package: the zip of {@code manifest.json} and its two icons that an
 * administrator uploads in the Teams admin center (or a user with "Upload a custom app").
 *
 * <p>The manifest template is {@code config/teams/manifest.json}; every {@code ${MICROSOFT_APP_ID}}
 * in it is replaced by the bot's app id. The package is checked the way Teams checks it — app id a
 * GUID, required fields and their lengths, a 192×192 colour icon and a 32×32 outline icon that is
 * white on transparent — and every problem is reported at once.
 */
public final class TeamsAppPackage {
  /** The placeholder in the template. */
  public static final String APP_ID_PLACEHOLDER = "${MICROSOFT_APP_ID}";

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern VERSION = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private TeamsAppPackage() {}

  /**
   * Builds the package from {@code LUOTSI_CONFIG_DIR/teams} with {@code MICROSOFT_APP_ID}.
   *
   * @return the written zip
   * @throws ConfigException listing every problem; nothing is written then
   */
  public static Path build(Environment environment, Path output) {
    String appId =
        environment
            .get("MICROSOFT_APP_ID")
            .orElseThrow(
                () ->
                    new ConfigException(
                        "MICROSOFT_APP_ID is not set: the Teams app package needs the bot's app id"
                            + " (Azure Bot → Configuration → Microsoft App ID)"));
    return build(environment.configDir().resolve("teams"), appId, output);
  }

  /**
   * Builds the package from a directory holding {@code manifest.json} and its icons.
   *
   * @return the written zip
   * @throws ConfigException listing every problem; nothing is written then
   */
  public static Path build(Path teamsConfigDir, String appId, Path output) {
    Objects.requireNonNull(teamsConfigDir, "teamsConfigDir");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(output, "output");
    Path manifestFile = teamsConfigDir.resolve("manifest.json");
    List<String> problems = new ArrayList<>();
    if (!GUID.matcher(appId.strip()).matches()) {
      problems.add("MICROSOFT_APP_ID must be a GUID, was '" + appId + "'");
    }
    ObjectNode manifest;
    try {
      JsonNode parsed = JSON.readTree(Files.readString(manifestFile, StandardCharsets.UTF_8));
      if (!(parsed instanceof ObjectNode object)) {
        throw new ConfigException(manifestFile + ": not a JSON object");
      }
      manifest = object;
    } catch (IOException e) {
      throw new ConfigException(manifestFile + ": cannot read the manifest: " + e.getMessage());
    }
    fill(manifest, appId.strip());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    checkManifest(manifest, manifestFile, problems);
    for (String icon : List.of("color", "outline")) {
      String name = manifest.path("icons").path(icon).asText("");
      if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
        problems.add(manifestFile + ": icons." + icon + " must name a file beside the manifest");
        continue;
      }
      Path file = teamsConfigDir.resolve(name);
      try {
        byte[] png = Files.readAllBytes(file);
        checkIcon(file, png, icon.equals("color") ? 192 : 32, icon.equals("outline"), problems);
        entries.put(name, png);
      } catch (IOException e) {
        problems.add(file + ": cannot read the icon: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("Teams app package: " + String.join("; ", problems));
    }
    try {
      byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
      Map<String, byte[]> all = new LinkedHashMap<>();
      all.put("manifest.json", manifestBytes);
      all.putAll(entries);
      writeZip(all, output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Teams app package " + output, e);
    }
    return output;
  }

  /** Replaces the placeholder in every string value. */
  private static void fill(JsonNode node, String appId) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isTextual()) {
          field.setValue(
              TextNode.valueOf(field.getValue().asText().replace(APP_ID_PLACEHOLDER, appId)));
        } else {
          fill(field.getValue(), appId);
        }
      }
    } else if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        if (element.isTextual()) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node)
              .set(i, TextNode.valueOf(element.asText().replace(APP_ID_PLACEHOLDER, appId)));
        } else {
          fill(element, appId);
        }
      }
    }
  }

  private static void checkManifest(ObjectNode manifest, Path file, List<String> problems) {
    require(manifest, "manifestVersion", 0, file, problems);
    String version = require(manifest, "version", 0, file, problems);
    if (!version.isEmpty() && !VERSION.matcher(version).matches()) {
      problems.add(file + ": version must look like 1.0.0, was '" + version + "'");
    }
    String id = require(manifest, "id", 0, file, problems);
    if (!id.isEmpty() && !GUID.matcher(id).matches()) {
      problems.add(file + ": id must be a GUID (use " + APP_ID_PLACEHOLDER + "), was '" + id + "'");
    }
    require(manifest, "name.short", 30, file, problems);
    require(manifest, "name.full", 100, file, problems);
    require(manifest, "description.short", 80, file, problems);
    require(manifest, "description.full", 4000, file, problems);
    for (String url : List.of("websiteUrl", "privacyUrl", "termsOfUseUrl")) {
      String value = require(manifest, "developer." + url, 2048, file, problems);
      if (!value.isEmpty() && !value.startsWith("https://")) {
        problems.add(file + ": developer." + url + " must be an https URL");
      }
    }
    require(manifest, "developer.name", 32, file, problems);
    JsonNode bots = manifest.path("bots");
    if (!bots.isArray() || bots.isEmpty()) {
      problems.add(file + ": bots must list the bot");
    } else {
      for (JsonNode bot : bots) {
        String botId = bot.path("botId").asText("");
        if (!GUID.matcher(botId).matches()) {
          problems.add(
              file
                  + ": bots[].botId must be the app id ("
                  + APP_ID_PLACEHOLDER
                  + "), was '"
                  + botId
                  + "'");
        }
      }
    }
    if (manifest.toString().contains("${")) {
      problems.add(file + ": a ${…} placeholder other than " + APP_ID_PLACEHOLDER + " is left");
    }
  }

  private static String require(
      ObjectNode manifest, String path, int maxLength, Path file, List<String> problems) {
    JsonNode node = manifest;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    String value = node.isTextual() ? node.asText() : "";
    if (value.isBlank()) {
      problems.add(file + ": " + path + " is required");
    } else if (maxLength > 0 && value.length() > maxLength) {
      problems.add(
          file + ": " + path + " is " + value.length() + " characters, at most " + maxLength);
    }
    return value;
  }

  private static void checkIcon(
      Path file, byte[] png, int size, boolean outline, List<String> problems) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    boolean isPng =
        png.length > 8
            && (png[0] & 0xff) == 0x89
            && png[1] == 'P'
            && png[2] == 'N'
            && png[3] == 'G';
    if (image == null || !isPng) {
      problems.add(file + ": not a PNG image");
      return;
    }
    if (image.getWidth() != size || image.getHeight() != size) {
      problems.add(
          file
              + ": must be "
              + size
              + "×"
              + size
              + " pixels, is "
              + image.getWidth()
              + "×"
              + image.getHeight());
      return;
    }
    if (outline) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int argb = image.getRGB(x, y);
          boolean transparent = (argb >>> 24) == 0;
          boolean white = (argb & 0xffffff) == 0xffffff;
          if (!transparent && !white) {
            problems.add(
                file + ": an outline icon must be white on transparent, see pixel " + x + "," + y);
            return;
          }
        }
      }
    }
  }

  private static void writeZip(Map<String, byte[]> entries, Path output) throws IOException {
    Path parent = output.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".teams-package", ".zip");
    try {
      try (OutputStream out = Files.newOutputStream(temp);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
          zip.putNextEntry(new ZipEntry(entry.getKey()));
          zip.write(entry.getValue());
          zip.closeEntry();
        }
      }
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
