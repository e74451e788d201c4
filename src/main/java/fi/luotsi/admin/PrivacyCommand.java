package fi.luotsi.admin;

import fi.luotsi.admin.AdminTexts.Key;
import fi.luotsi.chat.Button;
import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Pseudonyms;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's own data: "mitä tiedät minusta?" describes what is stored about them, "poista tietoni"
 * deletes it after an explicit confirmation (a button, or typing the phrase with a one-time code
 * that expires after {@link #CONFIRMATION_TIME}). Swedish and English phrases work alike.
 */
final class PrivacyCommand implements ChatCommand {
  private static final Logger log = LoggerFactory.getLogger(PrivacyCommand.class);

  /** How long a deletion prompt can be confirmed. */
  static final Duration CONFIRMATION_TIME = Duration.ofMinutes(10);

  private static final Map<String, Language> DESCRIBE =
      Map.ofEntries(
          Map.entry("mitä tiedät minusta", Language.FI),
          Map.entry("mitä tietoja minusta on tallennettu", Language.FI),
          Map.entry("mitä minusta on tallennettu", Language.FI),
          Map.entry("omat tietoni", Language.FI),
          Map.entry("vad vet du om mig", Language.SV),
          Map.entry("vad har du sparat om mig", Language.SV),
          Map.entry("mina uppgifter", Language.SV),
          Map.entry("what do you store about me", Language.EN),
          Map.entry("what do you know about me", Language.EN),
          Map.entry("what data do you have about me", Language.EN),
          Map.entry("my data", Language.EN));
  private static final Map<Language, String> ERASE_PHRASE =
      Map.of(
          Language.FI, "poista tietoni",
          Language.SV, "radera mina uppgifter",
          Language.EN, "delete my data");
  private static final Map<Language, String> CONFIRM_WORD =
      Map.of(Language.FI, "vahvista", Language.SV, "bekräfta", Language.EN, "confirm");
  private static final Map<Language, String> CANCEL_WORD =
      Map.of(Language.FI, "peruuta", Language.SV, "avbryt", Language.EN, "cancel");
  private static final Pattern ERASE =
      Pattern.compile(
          "(poista tietoni|poista minun tietoni|radera mina uppgifter|delete my data)"
              + "(?: (vahvista|bekräfta|confirm) (\\d{6})| (peruuta|avbryt|cancel))?");

  private final List<PersonalData> stores;
  private final Pseudonyms pseudonyms;
  private final AuditLog audit;
  private final Duration retention;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  private record Pending(String code, Instant expires) {}

  /**
   * @param stores where personal data is kept; read at each request, so stores added later count
   */
  PrivacyCommand(
      List<PersonalData> stores,
      Pseudonyms pseudonyms,
      AuditLog audit,
      Duration retention,
      Clock clock) {
    this.stores = Objects.requireNonNull(stores, "stores");
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Reply> handle(IncomingMessage message, Language language) {
    if (message.isButtonPress() && message.action() != Button.Action.COMMAND) {
      return Optional.empty();
    }
    String text = CommandText.normalize(message.text());
    Language describeLanguage = DESCRIBE.get(text);
    if (describeLanguage != null) {
      return Optional.of(
          guarded(describeLanguage, () -> describe(person(message), describeLanguage)));
    }
    Matcher erase = ERASE.matcher(text);
    if (!erase.matches()) {
      return Optional.empty();
    }
    Language eraseLanguage = phraseLanguage(erase.group(1));
    PersonalData.Person person = person(message);
    if (erase.group(4) != null) {
      pending.remove(person.userRef());
      return Optional.of(
          Reply.info(eraseLanguage, AdminTexts.get(Key.ERASE_CANCELLED, eraseLanguage)));
    }
    if (erase.group(3) != null) {
      return Optional.of(
          guarded(eraseLanguage, () -> confirm(person, erase.group(3), eraseLanguage)));
    }
    return Optional.of(guarded(eraseLanguage, () -> prompt(person, eraseLanguage)));
  }

  private static Language phraseLanguage(String phrase) {
    return switch (phrase) {
      case "radera mina uppgifter" -> Language.SV;
      case "delete my data" -> Language.EN;
      default -> Language.FI;
    };
  }

  private PersonalData.Person person(IncomingMessage message) {
    return new PersonalData.Person(
        message.platform(), message.userId(), pseudonyms.of(message.platform(), message.userId()));
  }

  private Reply describe(PersonalData.Person person, Language language) {
    List<String> paragraphs = new ArrayList<>();
    for (PersonalData store : stores) {
      paragraphs.addAll(store.describe(person, language));
    }
    boolean nothing = paragraphs.isEmpty();
    if (nothing) {
      paragraphs.add(AdminTexts.get(Key.STORED_NOTHING, language));
    }
    paragraphs.add(AdminTexts.format(Key.STORED_HOW, language, retention.toDays()));
    if (!nothing) {
      paragraphs.add(AdminTexts.get(Key.STORED_DELETE_HINT, language));
    }
    return Reply.info(language, paragraphs.toArray(String[]::new));
  }

  private Reply prompt(PersonalData.Person person, Language language) {
    Instant now = clock.instant();
    pending.values().removeIf(p -> p.expires().isBefore(now));
    String code = String.format("%06d", random.nextInt(1_000_000));
    pending.put(person.userRef(), new Pending(code, now.plus(CONFIRMATION_TIME)));
    String phrase = ERASE_PHRASE.get(language);
    String confirm = phrase + " " + CONFIRM_WORD.get(language) + " " + code;
    return Reply.info(language, AdminTexts.format(Key.ERASE_CONFIRM, language, confirm))
        .withButtons(
            List.of(
                new Button(AdminTexts.get(Key.ERASE_YES, language), Button.Action.COMMAND, confirm),
                new Button(
                    AdminTexts.get(Key.ERASE_NO, language),
                    Button.Action.COMMAND,
                    phrase + " " + CANCEL_WORD.get(language))));
  }

  private Reply confirm(PersonalData.Person person, String code, Language language) {
    Pending expected = pending.get(person.userRef());
    if (expected == null
        || !expected.code().equals(code)
        || expected.expires().isBefore(clock.instant())) {
      return Reply.error(language, AdminTexts.get(Key.ERASE_EXPIRED, language));
    }
    pending.remove(person.userRef());
    int deleted = 0;
    List<String> perStore = new ArrayList<>();
    for (PersonalData store : stores) {
      int n = store.erase(person);
      deleted += n;
      perStore.add(store.getClass().getSimpleName() + "=" + n);
    }
    // No identifier: the entry proves that an erasure happened, not whose.
    audit.record("privacy", "privacy.erase", "deleted " + String.join(" ", perStore));
    return Reply.info(language, AdminTexts.format(Key.ERASE_DONE, language, deleted));
  }

  private Reply guarded(Language language, java.util.function.Supplier<Reply> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      log.error("A privacy request failed", e);
      return Reply.error(language, AdminTexts.get(Key.FAILED, language));
    }
  }

  @Override
  public List<String> helpLines(Language language) {
    return List.of(
        AdminTexts.get(Key.HELP_WHAT_STORED, language), AdminTexts.get(Key.HELP_DELETE, language));
  }
}
