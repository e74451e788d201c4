package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Environment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamsAppPackageTest {
  private static final String APP_ID = "5e1f0c4a-9d2b-4c3e-8f71-2a6b9c0d1e2f";
  private static final Path SHIPPED = Path.of("config", "teams");

  @TempDir Path temp;

  private static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  @Test
  void packagesTheShippedManifestWithTheAppIdFilledIn() throws IOException {
    Path zip =
        TeamsAppPackage.build(
            new Environment(Map.of("MICROSOFT_APP_ID", APP_ID, "LUOTSI_CONFIG_DIR", "config")),
            temp.resolve("out/luotsi-teams.zip"));

    Map<String, byte[]> entries = unzip(zip);
    assertThat(entries.keySet()).containsExactly("manifest.json", "color.png", "outline.png");
    JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
    assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
    assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(APP_ID);
    // Without it Teams does not let people send the bot files in a personal chat.
    assertThat(manifest.path("bots").get(0).path("supportsFiles").asBoolean()).isTrue();
    assertThat(manifest.toString()).doesNotContain("${");
    BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get("color.png")));
    BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")));
    assertThat(color.getWidth()).isEqualTo(192);
    assertThat(color.getHeight()).isEqualTo(192);
    assertThat(outline.getWidth()).isEqualTo(32);
    assertThat(outline.getHeight()).isEqualTo(32);
  }

  @Test
  void refusesWithoutAppId() {
    assertThatThrownBy(
            () -> TeamsAppPackage.build(new Environment(Map.of()), temp.resolve("x.zip")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MICROSOFT_APP_ID is not set");
  }

  @Test
  void reportsEveryProblemAtOnceAndWritesNothing() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("teams"));
    Files.writeString(
        dir.resolve("manifest.json"),
        Files.readString(SHIPPED.resolve("manifest.json"))
            .replace("\"short\": \"Luotsi\"", "\"short\": \"" + "L".repeat(31) + "\"")
            .replace("https://example.org/luotsi/tietosuoja", "http://example.org/p"));
    Files.copy(SHIPPED.resolve("outline.png"), dir.resolve("color.png")); // 32×32, wrong size
    Files.copy(SHIPPED.resolve("color.png"), dir.resolve("outline.png")); // not white on clear
    Path output = temp.resolve("bad.zip");

    assertThatThrownBy(() -> TeamsAppPackage.build(dir, "not-a-guid", output))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MICROSOFT_APP_ID must be a GUID")
        .hasMessageContaining("name.short is 31 characters, at most 30")
        .hasMessageContaining("developer.privacyUrl must be an https URL")
        .hasMessageContaining("color.png: must be 192×192 pixels, is 32×32")
        .hasMessageContaining("outline.png: must be 32×32 pixels");
    assertThat(output).doesNotExist();
  }

  @Test
  void refusesAnOutlineIconThatIsNotWhiteOnTransparent() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("teams"));
    Files.copy(SHIPPED.resolve("manifest.json"), dir.resolve("manifest.json"));
    Files.copy(SHIPPED.resolve("color.png"), dir.resolve("color.png"));
    BufferedImage grey = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
    grey.setRGB(5, 7, 0xff808080);
    ImageIO.write(grey, "png", dir.resolve("outline.png").toFile());

    assertThatThrownBy(() -> TeamsAppPackage.build(dir, APP_ID, temp.resolve("x.zip")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("white on transparent, see pixel 5,7");
  }

  @Test
  void shipsAnOutlineIconThatTeamsAccepts() throws IOException {
    BufferedImage outline = ImageIO.read(SHIPPED.resolve("outline.png").toFile());
    int visible = 0;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        int argb = outline.getRGB(x, y);
        if ((argb >>> 24) != 0) {
          visible++;
          assertThat(argb & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(0xffffff);
        }
      }
    }
    assertThat(visible).isGreaterThan(50);
  }
}
