package fi.luotsi.chat.slack;

import fi.luotsi.knowledge.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The language of each Slack user, from their Slack locale ({@code users.info} with {@code
 * include_locale}), cached for six hours so that a conversation costs one lookup. A failed lookup
 * is not cached, and yields empty: the chat core then uses the question's language. Thread-safe.
 */
final class UserLanguages {
  private static final Duration KEEP = Duration.ofHours(6);
  private static final int CAPACITY = 10_000;

  private record Cached(Optional<Language> language, Instant fetched) {}

  private final Function<String, Optional<String>> localeLookup;
  private final Clock clock;
  private final Map<String, Cached> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > CAPACITY;
        }
      };

  private final ConcurrentHashMap<String, CompletableFuture<Optional<Language>>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * @param localeLookup the user's Slack locale such as {@code fi-FI}; empty when Slack has none;
   *     throws {@link LookupFailed} when the lookup itself failed
   */
  UserLanguages(Function<String, Optional<String>> localeLookup, Clock clock) {
    this.localeLookup = Objects.requireNonNull(localeLookup, "localeLookup");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Optional<Language> languageOf(String userId) {
    Optional<Optional<Language>> cached = cached(userId);
    if (cached.isPresent()) {
      return cached.get();
    }
    // Messages from one user often come in bursts: one lookup answers them all.
    CompletableFuture<Optional<Language>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<Language>> running = inFlight.putIfAbsent(userId, mine);
    if (running != null) {
      return running.join();
    }
    Optional<Language> language = Optional.empty();
    try {
      language = cached(userId).orElseGet(() -> lookUp(userId));
      return language;
    } finally {
      mine.complete(language);
      inFlight.remove(userId, mine);
    }
  }

  private Optional<Optional<Language>> cached(String userId) {
    Instant now = clock.instant();
    synchronized (cache) {
      Cached entry = cache.get(userId);
      if (entry != null && entry.fetched().plus(KEEP).isAfter(now)) {
        return Optional.of(entry.language());
      }
    }
    return Optional.empty();
  }

  private Optional<Language> lookUp(String userId) {
    Optional<Language> language;
    try {
      language = localeLookup.apply(userId).flatMap(Language::fromTag);
    } catch (LookupFailed e) {
      return Optional.empty();
    }
    synchronized (cache) {
      cache.put(userId, new Cached(language, clock.instant()));
    }
    return language;
  }

  /** The locale lookup failed (network, rate limit, missing scope); already logged. */
  static final class LookupFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LookupFailed(String message) {
      super(message, null, false, false);
    }
  }
}
