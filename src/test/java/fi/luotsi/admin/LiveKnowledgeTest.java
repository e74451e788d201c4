package fi.luotsi.admin;

import static fi.luotsi.admin.KnowledgeFiles.file;
import static fi.luotsi.admin.KnowledgeFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fi.luotsi.knowledge.KnowledgeProblem;
import fi.luotsi.knowledge.Language;
import fi.luotsi.knowledge.Section;
import fi.luotsi.knowledge.lucene.LuceneKnowledgeIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LiveKnowledgeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(null);
  private final Clock clock = Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private LiveKnowledge live;

  @BeforeEach
  void setUp() {
    write(dir, "kokous.md", file("Kokous", "Mikä on pyöräkellari?", "Pyöräkellari on varasto."));
    logs.start();
    ((Logger) LoggerFactory.getLogger(LiveKnowledge.class)).addAppender(logs);
  }

  @AfterEach
  void tearDown() {
    ((Logger) LoggerFactory.getLogger(LiveKnowledge.class)).detachAppender(logs);
    if (live != null) {
      live.close();
    }
    index.close();
  }

  private LiveKnowledge start() {
    live =
        new LiveKnowledge(dir, index, clock).watch(Duration.ofMillis(100), Duration.ofSeconds(5));
    return live;
  }

  @Test
  void servesTheDirectoryFromTheStart() {
    start();

    assertThat(live.status().revision()).isEqualTo(1);
    assertThat(live.status().sections()).isEqualTo(1);
    assertThat(live.status().loadedAt()).isEqualTo(clock.instant());
    assertThat(index.section("kokous.md#mikä-on-pyöräkellari")).isPresent();
  }

  @Test
  void servesAnAddedFile() {
    start();

    write(dir, "uusi/talous.md", file("Talous", "Mikä on kassavaranto?", "Rahaa tilillä."));

    await()
        .atMost(WAIT)
        .until(() -> index.section("uusi/talous.md#mikä-on-kassavaranto").isPresent());
    assertThat(live.status().revision()).isEqualTo(2);
    assertThat(live.status().files()).isEqualTo(2);
  }

  @Test
  void watchesAFolderCreatedAfterStart() throws Exception {
    // No re-scan within the test: only file system events can bring the change in.
    live = new LiveKnowledge(dir, index, clock).watch(Duration.ofMillis(100), Duration.ofHours(1));
    AtomicInteger reloads = new AtomicInteger();
    live.onReload(s -> reloads.incrementAndGet());
    Files.createDirectories(dir.resolve("a/b"));
    await().atMost(WAIT).until(() -> reloads.get() >= 1);

    write(dir, "a/b/syva.md", file("Syvä", "Mikä on kaivo?", "Kaivo on syvä."));

    await().atMost(WAIT).until(() -> index.section("a/b/syva.md#mikä-on-kaivo").isPresent());
  }

  @Test
  void servesAnEditedFile() {
    start();

    write(dir, "kokous.md", file("Kokous", "Mikä on pyöräkellari?", "Pyöräkellari on kellari."));

    await()
        .atMost(WAIT)
        .until(
            () ->
                index
                    .section("kokous.md#mikä-on-pyöräkellari")
                    .orElseThrow()
                    .body()
                    .contains("kellari."));
  }

  @Test
  void forgetsADeletedFile() {
    write(dir, "pois.md", file("Pois", "Mikä on vintti?", "Vintti on ylhäällä."));
    start();
    assertThat(index.section("pois.md#mikä-on-vintti")).isPresent();

    KnowledgeFiles.delete(dir, "pois.md");

    await().atMost(WAIT).until(() -> index.section("pois.md#mikä-on-vintti").isEmpty());
    assertThat(live.status().sections()).isEqualTo(1);
  }

  @Test
  void refusesAMalformedEditLogsItsLineAndReasonAndKeepsTheEarlierVersion() {
    start();

    write(dir, "kokous.md", "---\ntitle: Kokous\nlang: xx\n---\n## Mikä on pyöräkellari?\nUusi.\n");
    write(dir, "muu.md", file("Muu", "Mikä on ullakko?", "Ullakko on ylhäällä."));

    await().atMost(WAIT).until(() -> index.section("muu.md#mikä-on-ullakko").isPresent());
    assertThat(index.section("kokous.md#mikä-on-pyöräkellari").orElseThrow().body())
        .isEqualTo("Pyöräkellari on varasto.");
    assertThat(live.status().keptFiles()).containsExactly("kokous.md");
    assertThat(live.status().problems())
        .extracting(KnowledgeProblem::toString)
        .containsExactly("kokous.md:3: lang must be fi, sv or en, was 'xx'");
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .contains(
            "Knowledge file refused: kokous.md:3: lang must be fi, sv or en, was 'xx'"
                + " (its earlier version keeps answering)");
  }

  @Test
  void servesTheFixedFileOnceItIsRepaired() {
    start();
    write(dir, "kokous.md", "---\ntitle: Kokous\n## Mikä on pyöräkellari?\nUusi.\n");
    await().atMost(WAIT).until(() -> !live.status().problems().isEmpty());

    write(dir, "kokous.md", file("Kokous", "Mikä on pyöräkellari?", "Korjattu teksti."));

    await()
        .atMost(WAIT)
        .until(
            () ->
                index
                    .section("kokous.md#mikä-on-pyöräkellari")
                    .orElseThrow()
                    .body()
                    .equals("Korjattu teksti."));
    assertThat(live.status().problems()).isEmpty();
    assertThat(live.status().keptFiles()).isEmpty();
  }

  @Test
  void anEditedOutOfScopeFileTakesEffectWithoutARestart() {
    start();
    String question = "montako polkupyörää pyöräkellariin mahtuu talvella";
    double before = index.search(question, Language.FI, 5).outside();

    write(dir, "out-of-scope.txt", "# ei tietoa\nmontako polkupyörää pyöräkellariin mahtuu\n");

    await().atMost(WAIT).until(() -> live.status().revision() == 2);
    assertThat(before).isLessThan(0.5);
    assertThat(index.search(question, Language.FI, 5).outside()).isGreaterThan(0.8);
    assertThat(live.status().problems()).isEmpty();
  }

  @Test
  void refusesSynonymRulesThatDoNotParseAndServesTheRest() {
    write(dir, "synonyms.txt", "pyöräkellari, fillarikellari\n");
    start();

    write(dir, "synonyms.txt", "pyöräkellari => \n");
    write(dir, "muu.md", file("Muu", "Mikä on ullakko?", "Ullakko on ylhäällä."));

    await().atMost(WAIT).until(() -> index.section("muu.md#mikä-on-ullakko").isPresent());
    assertThat(live.status().problems())
        .extracting(KnowledgeProblem::file)
        .contains("synonyms.txt");
  }

  @Test
  void doesNotCountATouchWithoutChangeAsANewRevision() throws Exception {
    start();

    Files.setLastModifiedTime(
        dir.resolve("kokous.md"), FileTime.from(Instant.now().plusSeconds(5)));
    live.reload();

    assertThat(live.status().revision()).isEqualTo(1);
  }

  @Test
  void tellsListenersAfterEveryReload() {
    start();
    List<KnowledgeStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    live.onReload(seen::add);

    write(dir, "muu.md", file("Muu", "Mikä on ullakko?", "Ullakko on ylhäällä."));

    await().atMost(WAIT).until(() -> seen.stream().anyMatch(s -> s.sections() == 2));
  }

  @Test
  void keepsServingWhenTheDirectoryDisappears() throws Exception {
    start();
    Path moved = dir.resolveSibling(dir.getFileName() + "-moved");
    Files.move(dir, moved);
    try {
      live.reload();

      assertThat(index.sections())
          .extracting(Section::id)
          .containsExactly("kokous.md#mikä-on-pyöräkellari");
    } finally {
      Files.move(moved, dir);
    }
  }
}
