package fi.luotsi.admin;

import fi.luotsi.admin.KnowledgeTexts.Key;
import fi.luotsi.knowledge.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words of the administrators' knowledge commands in Finnish, Swedish and English ({@code
 * tietopankki näytä …}, {@code kunskapsbank visa …}, {@code knowledge show …}): parsing a typed
 * command, and writing one back for a button or a usage hint.
 */
final class KnowledgeCommandSyntax {
  private KnowledgeCommandSyntax() {}

  enum Verb {
    ADD(0, 1),
    FILES(0, 0),
    SHOW(1, 1),
    REMOVE(1, 1),
    HISTORY(1, 1),
    ROLLBACK(2, 2),
    PUBLISH(1, 1),
    CANCEL(1, 1);

    final int minArgs;
    final int maxArgs;

    Verb(int minArgs, int maxArgs) {
      this.minArgs = minArgs;
      this.maxArgs = maxArgs;
    }
  }

  private static final Map<Language, String> PREFIX =
      Map.of(Language.FI, "tietopankki", Language.SV, "kunskapsbank", Language.EN, "knowledge");
  private static final Map<Language, Map<String, Verb>> VERBS =
      Map.of(
          Language.FI,
          Map.of(
              "lisää", Verb.ADD,
              "tiedostot", Verb.FILES,
              "näytä", Verb.SHOW,
              "poista", Verb.REMOVE,
              "historia", Verb.HISTORY,
              "palauta", Verb.ROLLBACK,
              "julkaise", Verb.PUBLISH,
              "peru", Verb.CANCEL),
          Language.SV,
          Map.of(
              "lägg till", Verb.ADD,
              "filer", Verb.FILES,
              "visa", Verb.SHOW,
              "ta bort", Verb.REMOVE,
              "historik", Verb.HISTORY,
              "återställ", Verb.ROLLBACK,
              "publicera", Verb.PUBLISH,
              "avbryt", Verb.CANCEL),
          Language.EN,
          Map.of(
              "add", Verb.ADD,
              "files", Verb.FILES,
              "show", Verb.SHOW,
              "remove", Verb.REMOVE,
              "history", Verb.HISTORY,
              "rollback", Verb.ROLLBACK,
              "publish", Verb.PUBLISH,
              "cancel", Verb.CANCEL));

  record Parsed(Verb verb, Language language, List<String> args) {}

  static Optional<Parsed> parse(String text) {
    for (Map.Entry<Language, String> prefix : PREFIX.entrySet()) {
      if (!text.startsWith(prefix.getValue() + " ")) {
        continue;
      }
      String rest = text.substring(prefix.getValue().length() + 1);
      for (Map.Entry<String, Verb> verb : VERBS.get(prefix.getKey()).entrySet()) {
        if (rest.equals(verb.getKey()) || rest.startsWith(verb.getKey() + " ")) {
          String args = rest.substring(verb.getKey().length()).strip();
          return Optional.of(
              new Parsed(
                  verb.getValue(),
                  prefix.getKey(),
                  args.isEmpty() ? List.of() : Arrays.asList(args.split(" "))));
        }
      }
    }
    return Optional.empty();
  }

  static String usage(Verb verb, Language language) {
    Key help =
        switch (verb) {
          case ADD, PUBLISH, CANCEL -> Key.HELP_UPLOAD;
          case FILES -> Key.HELP_FILES;
          case SHOW -> Key.HELP_SHOW;
          case REMOVE -> Key.HELP_REMOVE;
          case HISTORY -> Key.HELP_HISTORY;
          case ROLLBACK -> Key.HELP_ROLLBACK;
        };
    return KnowledgeTexts.format(Key.USAGE, language, KnowledgeTexts.get(help, language));
  }

  static String command(Verb verb, Language language, String argument) {
    return PREFIX.get(language) + " " + verbWord(verb, language) + " " + argument;
  }

  private static String verbWord(Verb verb, Language language) {
    return VERBS.get(language).entrySet().stream()
        .filter(e -> e.getValue() == verb)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }
}
