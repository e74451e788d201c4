package fi.luotsi.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.Application;
import fi.luotsi.KnowledgeFixture;
import fi.luotsi.MutableClock;
import fi.luotsi.config.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's view of the web chat: headless Chromium types a question into the page and reads the
 * answer. Uses Debian's chromium and chromedriver; skipped where they are not installed.
 */
class WebChatBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path tmp;

  private static Application app;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (apt-get install chromium chromium-driver)");
    Path knowledge = KnowledgeFixture.write(tmp.resolve("knowledge"));
    app =
        Application.start(
            new Environment(
                Map.of(
                    "LUOTSI_PORT",
                    "0",
                    "LUOTSI_DATA_DIR",
                    tmp.resolve("data").toString(),
                    "LUOTSI_KNOWLEDGE_DIR",
                    knowledge.toString(),
                    "LUOTSI_CONFIG_DIR",
                    "config")),
            MutableClock.at("2027-03-04T15:00:00Z"));

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=900,900",
        "--lang=fi-FI",
        "--user-data-dir=" + tmp.resolve("chromium-profile"));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fi-FI,fi"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  private static List<WebElement> botMessages() {
    return browser.findElements(By.cssSelector(".msg.bot"));
  }

  @Test
  void aPersonAsksAQuestionAndReadsTheAnswerWithItsSource() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://127.0.0.1:" + app.port() + "/");
    wait.until(d -> !botMessages().isEmpty());
    assertThat(botMessages().get(0).getText())
        .as("greeting in the browser's language")
        .startsWith("Hei! Olen Luotsi");

    WebElement input = browser.findElement(By.id("text"));
    input.sendKeys("Mikä on talousarvio?");
    browser.findElement(By.id("send")).click();

    WebElement answer =
        wait.until(
            d ->
                botMessages().stream()
                    .filter(m -> !m.findElements(By.cssSelector("h3")).isEmpty())
                    .filter(m -> !m.findElements(By.cssSelector(".source")).isEmpty())
                    .findFirst()
                    .orElse(null));

    assertThat(browser.findElements(By.cssSelector(".msg.me")))
        .extracting(WebElement::getText)
        .containsExactly("Mikä on talousarvio?");
    assertThat(answer.findElement(By.cssSelector("h3")).getText())
        .isEqualTo("Mikä on talousarvio?");
    assertThat(answer.getText()).contains("Valtuusto hyväksyy vuoden loppuun mennessä");
    WebElement source = answer.findElement(By.cssSelector(".source"));
    assertThat(source.getText()).contains("Talousarvio", "kuntalaki 410/2015 110 §");
    assertThat(source.findElement(By.tagName("a")).getAttribute("href"))
        .isEqualTo("https://finlex.fi/fi/laki/ajantasa/2015/20150410");
    assertThat(answer.findElement(By.cssSelector(".note")).getText()).startsWith("Yleistä tietoa");
    assertThat(input.getAttribute("value")).as("the input is cleared").isEmpty();

    Path screenshot = Path.of("target", "web-chat-answer.png");
    Files.createDirectories(screenshot.getParent());
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(screenshot)).isPositive();

    int before = botMessages().size();
    answer.findElements(By.cssSelector(".buttons button")).stream()
        .filter(b -> b.getText().contains("Hyödyllinen"))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(d -> botMessages().size() > before);
    assertThat(botMessages().get(before).getText()).isEqualTo("Kiitos palautteesta!");
  }
}
