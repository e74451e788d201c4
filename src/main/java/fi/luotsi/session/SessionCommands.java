package fi.luotsi.session;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.ConfigException;
import fi.luotsi.config.Roles;
import fi.luotsi.knowledge.Language;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programme's chat commands: next sessions ("seuraavat", "mitä seuraavaksi?", "next sessions",
 * "nästa"), RSVP buttons, reminders off and on ("älä muistuta" / "muistuta", "påminn inte" /
 * "påminn", "stop reminders" / "remind me") and, for administrators, reloading the programme file.
 * Typed commands match whole messages only, so questions that merely mention a word still reach the
 * answer engine. Thread-safe.
 */
public final class SessionCommands implements ChatCommand {
  private static final Logger log = LoggerFactory.getLogger(SessionCommands.class);
  private static final int LISTED = 5;
  private static final int WITH_BUTTONS = 3;

  static final Set<String> NEXT =
      Set.of(
          "seuraavat",
          "seuraavat tilaisuudet",
          "mitä seuraavaksi",
          "mita seuraavaksi",
          "tulevat tilaisuudet",
          "ohjelma",
          "next",
          "next sessions",
          "upcoming sessions",
          "what's next",
          "whats next",
          "nästa",
          "nästa tillfällen",
          "kommande tillfällen",
          "vad händer härnäst");
  static final Set<String> REMINDERS_OFF =
      Set.of(
          "älä muistuta",
          "ala muistuta",
          "muistutukset pois",
          "påminn inte",
          "inga påminnelser",
          "stop reminders",
          "don't remind me",
          "dont remind me",
          "no reminders");
  static final Set<String> REMINDERS_ON =
      Set.of(
          "muistuta",
          "muistutukset päälle",
          "påminn",
          "påminn mig",
          "remind me",
          "reminders on",
          "start reminders");
  static final Set<String> RELOAD =
      Set.of(
          "lataa ohjelma",
          "päivitä ohjelma",
          "reload programme",
          "reload program",
          "ladda om programmet");

  private final ProgrammeFile programmes;
  private final Attendance attendance;
  private final Roles roles;
  private final Clock clock;
  private final String publicBaseUrl;

  /**
   * @param publicBaseUrl where people reach this instance ({@code LUOTSI_PUBLIC_URL}), for calendar
   *     links
   */
  public SessionCommands(
      ProgrammeFile programmes,
      Attendance attendance,
      Roles roles,
      Clock clock,
      String publicBaseUrl) {
    this.programmes = Objects.requireNonNull(programmes, "programmes");
    this.attendance = Objects.requireNonNull(attendance, "attendance");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
  }

  @Override
  public Optional<Reply> handle(IncomingMessage message, Language language) {
    switch (message.action()) {
      case RSVP_YES:
        return Optional.of(rsvp(message, language, true));
      case RSVP_NO:
        return Optional.of(rsvp(message, language, false));
      case NONE, COMMAND:
        break;
      default:
        return Optional.empty();
    }
    String text = normalise(message.text());
    if (NEXT.contains(text)) {
      return Optional.of(nextSessions(message, language));
    }
    if (REMINDERS_OFF.contains(text)) {
      return Optional.of(reminders(message, language, false));
    }
    if (REMINDERS_ON.contains(text)) {
      return Optional.of(reminders(message, language, true));
    }
    if (RELOAD.contains(text)) {
      return Optional.of(reload(message, language));
    }
    return Optional.empty();
  }

  @Override
  public List<String> helpLines(Language language) {
    return switch (language) {
      case FI ->
          List.of(
              "seuraavat – tulevat tilaisuudet, ilmoittautuminen ja kalenterilinkki",
              "älä muistuta / muistuta – muistutukset pois tai takaisin päälle");
      case SV ->
          List.of(
              "nästa – kommande tillfällen, anmälan och kalenderlänk",
              "påminn inte / påminn – påminnelser av eller på igen");
      case EN ->
          List.of(
              "next sessions – upcoming sessions, RSVP and calendar link",
              "stop reminders / remind me – turn reminders off or back on");
    };
  }

  /** Lower case, no leading "/luotsi", no trailing punctuation, single spaces. */
  static String normalise(String text) {
    String t = text.toLowerCase(Locale.ROOT).strip();
    if (t.startsWith("/luotsi")) {
      t = t.substring("/luotsi".length());
    }
    t = t.replaceAll("[?!.…]+$", "").replaceAll("\\s+", " ").strip();
    return t;
  }

  private Reply nextSessions(IncomingMessage message, Language language) {
    Programme programme = programmes.current();
    Instant now = clock.instant();
    Set<String> groups =
        programme.groupsOf(message.platform(), message.userId(), message.conversationId());
    boolean organiser = roles.isOrganiser(message.platform(), message.userId());
    List<Session> upcoming =
        groups.isEmpty() ? programme.upcoming(now) : programme.upcoming(now, groups);
    List<String> paragraphs = new ArrayList<>();
    if (groups.isEmpty()) {
      paragraphs.add(
          switch (language) {
            case FI -> "En löytänyt sinua ohjelman ryhmistä, joten näytän koko ohjelman.";
            case SV -> "Jag hittade dig inte i programmets grupper, så jag visar hela programmet.";
            case EN -> "I did not find you in the programme's groups, so here is all of it.";
          });
    }
    if (upcoming.isEmpty()) {
      paragraphs.add(
          switch (language) {
            case FI -> "Ohjelmassa ei ole tulevia tilaisuuksia.";
            case SV -> "Programmet har inga kommande tillfällen.";
            case EN -> "There are no upcoming sessions in the programme.";
          });
    }
    List<Button> buttons = new ArrayList<>();
    List<Session> shown = upcoming.subList(0, Math.min(LISTED, upcoming.size()));
    for (int i = 0; i < shown.size(); i++) {
      Session s = shown.get(i);
      paragraphs.add(describe(s, message, language, organiser));
      if (i < WITH_BUTTONS) {
        buttons.addAll(SessionFormat.rsvpButtons(s, language, true));
      }
    }
    if (upcoming.size() > shown.size()) {
      int more = upcoming.size() - shown.size();
      paragraphs.add(
          switch (language) {
            case FI -> "Lisäksi " + more + " myöhempää tilaisuutta – ne näkyvät kalenterissa.";
            case SV -> "Dessutom " + more + " senare tillfällen – de finns i kalendern.";
            case EN -> more + " more later sessions are in the calendar.";
          });
    }
    Set<String> calendarGroups = groups.isEmpty() ? programme.groups().keySet() : groups;
    List<String> links = new ArrayList<>();
    for (String g : calendarGroups) {
      links.add(
          programme.groups().get(g).name() + ": " + SessionFormat.calendarUrl(publicBaseUrl, g));
    }
    paragraphs.add(
        switch (language) {
              case FI -> "Lisää kalenteriin (.ics):\n";
              case SV -> "Lägg till i kalendern (.ics):\n";
              case EN -> "Add to calendar (.ics):\n";
            }
            + String.join("\n", links));
    if (calendarGroups.size() == 1) {
      String only = calendarGroups.iterator().next();
      buttons.add(
          new Button(
              switch (language) {
                case FI -> "Lisää kalenteriin";
                case SV -> "Lägg till i kalendern";
                case EN -> "Add to calendar";
              },
              Button.Action.LINK,
              SessionFormat.calendarUrl(publicBaseUrl, only)));
    }
    return new Reply(
        Reply.Kind.INFO,
        Optional.of(
            switch (language) {
              case FI -> "Seuraavat tilaisuudet";
              case SV -> "Kommande tillfällen";
              case EN -> "Upcoming sessions";
            }),
        paragraphs,
        List.of(),
        Optional.empty(),
        buttons,
        language,
        Optional.empty());
  }

  private String describe(
      Session s, IncomingMessage message, Language language, boolean organiser) {
    StringBuilder out = new StringBuilder();
    out.append(s.type().label(language)).append(": ").append(s.title());
    out.append('\n').append(SessionFormat.when(s, language));
    SessionFormat.where(s, language).ifPresent(w -> out.append('\n').append(w));
    SessionFormat.link(s, language).ifPresent(l -> out.append('\n').append(l));
    attendance
        .answerOf(s.id(), message.platform(), message.userId())
        .ifPresent(
            yes ->
                out.append('\n')
                    .append(
                        switch (language) {
                          case FI ->
                              yes ? "Olet ilmoittautunut." : "Olet ilmoittanut, ettet pääse.";
                          case SV ->
                              yes ? "Du har anmält dig." : "Du har meddelat att du inte kan.";
                          case EN -> yes ? "You are attending." : "You said you cannot attend.";
                        }));
    if (organiser) {
      Attendance.Counts c = attendance.counts(s.id());
      out.append('\n')
          .append(
              switch (language) {
                case FI -> "Ilmoittautuneet: " + c.attending() + ", ei pääse: " + c.declined();
                case SV -> "Anmälda: " + c.attending() + ", kan inte: " + c.declined();
                case EN -> "Attending: " + c.attending() + ", cannot attend: " + c.declined();
              });
    }
    return out.toString();
  }

  private Reply rsvp(IncomingMessage message, Language language, boolean attending) {
    Programme programme = programmes.current();
    Optional<Session> found = programme.session(message.text());
    if (found.isEmpty()) {
      return Reply.error(
          language,
          switch (language) {
            case FI -> "En löydä tätä tilaisuutta ohjelmasta. Se on ehkä peruttu.";
            case SV -> "Jag hittar inte tillfället i programmet. Det kan ha ställts in.";
            case EN -> "I cannot find that session in the programme. It may have been cancelled.";
          });
    }
    Session s = found.get();
    if (!s.isUpcoming(clock.instant())) {
      return Reply.error(
          language,
          switch (language) {
            case FI -> "Tilaisuus \"" + s.title() + "\" on jo alkanut, joten en kirjaa vastausta.";
            case SV -> "Tillfället \"" + s.title() + "\" har redan börjat.";
            case EN -> "The session \"" + s.title() + "\" has already started.";
          });
    }
    attendance.answer(
        s.id(),
        message.platform(),
        message.userId(),
        message.conversationId(),
        message.direct(),
        attending);
    String when = SessionFormat.when(s, language);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(
        attending
            ? switch (language) {
              case FI -> "Kiitos! Merkitsin, että osallistut: " + s.title() + ", " + when + ".";
              case SV -> "Tack! Jag antecknade att du deltar: " + s.title() + ", " + when + ".";
              case EN -> "Thank you! You are down as attending: " + s.title() + ", " + when + ".";
            }
            : switch (language) {
              case FI ->
                  "Kiitos tiedosta. Merkitsin, ettet pääse: "
                      + s.title()
                      + ". En muistuta sinua tästä tilaisuudesta enää.";
              case SV ->
                  "Tack för beskedet. Jag antecknade att du inte kan delta: "
                      + s.title()
                      + ". Jag påminner dig inte om det här tillfället.";
              case EN ->
                  "Thanks for letting us know that you cannot attend: "
                      + s.title()
                      + ". I will not remind you of this session again.";
            });
    if (roles.isOrganiser(message.platform(), message.userId())) {
      Attendance.Counts c = attendance.counts(s.id());
      paragraphs.add(
          switch (language) {
            case FI -> "Ilmoittautuneet nyt: " + c.attending() + ", ei pääse: " + c.declined();
            case SV -> "Anmälda nu: " + c.attending() + ", kan inte: " + c.declined();
            case EN -> "Attending now: " + c.attending() + ", cannot attend: " + c.declined();
          });
    }
    return new Reply(
        Reply.Kind.INFO,
        Optional.empty(),
        paragraphs,
        List.of(),
        Optional.empty(),
        List.of(),
        language,
        Optional.empty());
  }

  private Reply reminders(IncomingMessage message, Language language, boolean on) {
    attendance.setReminders(
        message.platform(), message.userId(), message.conversationId(), message.direct(), on);
    return Reply.info(
        language,
        on
            ? switch (language) {
              case FI -> "Selvä, muistutan sinua taas tilaisuuksista.";
              case SV -> "Okej, jag påminner dig om tillfällena igen.";
              case EN -> "All right, I will remind you of sessions again.";
            }
            : switch (language) {
              case FI ->
                  "Selvä, en lähetä sinulle enää henkilökohtaisia muistutuksia. Ryhmän kanavalle"
                      + " tulevat muistutukset näkyvät siellä edelleen. Saat muistutukset takaisin"
                      + " kirjoittamalla \"muistuta\".";
              case SV ->
                  "Okej, jag skickar inga personliga påminnelser till dig längre. Påminnelser i"
                      + " gruppens kanal syns där som förut. Skriv \"påminn\" för att få dem igen.";
              case EN ->
                  "All right, no more personal reminders for you. Reminders posted in your group's"
                      + " channel still appear there. Write \"remind me\" to get them back.";
            });
  }

  private Reply reload(IncomingMessage message, Language language) {
    if (!roles.isAdmin(message.platform(), message.userId())) {
      return Reply.error(
          language,
          switch (language) {
            case FI -> "Vain ylläpitäjät voivat ladata ohjelman uudelleen.";
            case SV -> "Endast administratörer kan ladda om programmet.";
            case EN -> "Only administrators can reload the programme.";
          });
    }
    try {
      Programme p = programmes.reload();
      return Reply.info(
          language,
          switch (language) {
            case FI -> "Ohjelma ladattu: " + p.sessions().size() + " tilaisuutta.";
            case SV -> "Programmet laddat: " + p.sessions().size() + " tillfällen.";
            case EN -> "Programme reloaded: " + p.sessions().size() + " sessions.";
          });
    } catch (ConfigException e) {
      log.warn("Programme reload refused: {}", e.getMessage());
      return Reply.error(
          language,
          switch (language) {
                case FI -> "Ohjelmatiedostossa on virheitä; vanha ohjelma on yhä voimassa.\n";
                case SV -> "Programfilen har fel; det gamla programmet gäller fortfarande.\n";
                case EN -> "The programme file has problems; the old programme stays in force.\n";
              }
              + e.getMessage());
    }
  }
}
