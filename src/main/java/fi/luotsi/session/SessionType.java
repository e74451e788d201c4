package fi.luotsi.session;

import fi.luotsi.knowledge.Language;
import java.util.Locale;
import java.util.Optional;

/** The three kinds of event in the programme. */
public enum SessionType {
  SEMINAR("Teemaseminaari", "Temaseminarium", "Theme seminar"),
  SPARRING("Luottamushenkilösparraus", "Sparrning för förtroendevalda", "Trustee sparring"),
  WORKSHOP("Kuntatyöpaja", "Kommunverkstad", "Municipal workshop");

  private final String fi;
  private final String sv;
  private final String en;

  SessionType(String fi, String sv, String en) {
    this.fi = fi;
    this.sv = sv;
    this.en = en;
  }

  /** The name of the kind, in the given language. */
  public String label(Language language) {
    return switch (language) {
      case FI -> fi;
      case SV -> sv;
      case EN -> en;
    };
  }

  /** Parses the file's spelling ({@code seminar}, {@code sparring}, {@code workshop}). */
  static Optional<SessionType> parse(String text) {
    for (SessionType type : values()) {
      if (type.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
