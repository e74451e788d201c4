package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.knowledge.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UserLanguagesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-04T08:00:00Z"));
  private final Map<String, String> locales = new HashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private boolean failing;
  private final UserLanguages languages =
      new UserLanguages(
          user -> {
            lookups.incrementAndGet();
            if (failing) {
              throw new UserLanguages.LookupFailed("ratelimited");
            }
            return Optional.ofNullable(locales.get(user));
          },
          clock);

  @Test
  void mapsSlackLocalesToLanguages() {
    locales.put("U1", "sv-SE");
    locales.put("U2", "en-GB");
    locales.put("U3", "de-DE");

    assertThat(languages.languageOf("U1")).contains(Language.SV);
    assertThat(languages.languageOf("U2")).contains(Language.EN);
    assertThat(languages.languageOf("U3")).isEmpty();
    assertThat(languages.languageOf("U4")).isEmpty();
  }

  @Test
  void looksEachUserUpOnceForSixHours() {
    locales.put("U1", "fi-FI");
    languages.languageOf("U1");
    clock.advance(Duration.ofHours(5));
    languages.languageOf("U1");
    assertThat(lookups).hasValue(1);

    locales.put("U1", "sv-FI");
    clock.advance(Duration.ofHours(2));
    assertThat(languages.languageOf("U1")).contains(Language.SV);
    assertThat(lookups).hasValue(2);
  }

  @Test
  void doesNotRememberAFailedLookup() {
    locales.put("U1", "en-US");
    failing = true;
    assertThat(languages.languageOf("U1")).isEmpty();

    failing = false;
    assertThat(languages.languageOf("U1")).contains(Language.EN);
  }

  @Test
  void concurrentMessagesFromOneUserShareOneLookup() throws Exception {
    var gate = new java.util.concurrent.CountDownLatch(1);
    var slow =
        new UserLanguages(
            user -> {
              lookups.incrementAndGet();
              try {
                gate.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Optional.of("sv-FI");
            },
            clock);
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
      var results =
          java.util.stream.IntStream.range(0, 3)
              .mapToObj(i -> pool.submit(() -> slow.languageOf("U1")))
              .toList();
      org.awaitility.Awaitility.await().until(() -> lookups.get() >= 1);
      gate.countDown();
      for (var result : results) {
        assertThat(result.get()).contains(Language.SV);
      }
    }
    assertThat(lookups).hasValue(1);
  }
}
