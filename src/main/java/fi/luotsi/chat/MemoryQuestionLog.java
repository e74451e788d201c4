package fi.luotsi.chat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A question log in memory, for the console and one-off {@code ask} runs that keep no database.
 * Holds the most recent 10,000 questions; thread-safe.
 */
public final class MemoryQuestionLog implements QuestionLog {
  private static final int CAPACITY = 10_000;

  private final Map<String, Entry> entries =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, QuestionLog.Entry> eldest) {
          return size() > CAPACITY;
        }
      };
  private final Map<String, Boolean> votes = new LinkedHashMap<>();

  @Override
  public synchronized void record(Entry entry) {
    entries.put(entry.id(), entry);
  }

  @Override
  public synchronized Optional<Entry> find(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  @Override
  public synchronized boolean feedback(
      String questionId, String userRef, boolean helpful, Instant at) {
    if (!entries.containsKey(questionId)) {
      return false;
    }
    votes.put(questionId + "/" + userRef, helpful);
    return true;
  }
}
