package fi.luotsi.reminder;

import fi.luotsi.chat.ChatCommand;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Reply;
import fi.luotsi.config.Roles;
import fi.luotsi.delivery.DeliveryReport;
import fi.luotsi.knowledge.Language;
import fi.luotsi.session.Programme;
import fi.luotsi.session.ProgrammeFile;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Organisers' broadcast commands in chat (the same text in Slack, Teams and the web chat):
 *
 * <ul>
 *   <li>{@code tiedote <groups>: <text>} – a draft and its preview ({@code kaikki} = all groups)
 *   <li>{@code tiedote lähetä <n> [1.12.2026 klo 9.00]} – send now or at a time
 *   <li>{@code tiedote peru <n>} – cancel before sending
 *   <li>{@code tiedote raportti [<n>]} – delivery report (reached / failed / pending)
 *   <li>{@code tiedote muokkaa <n>: <text>} – edit, also after sending
 *   <li>{@code tiedote poista <n>} – retract a sent announcement
 * </ul>
 *
 * Swedish ({@code meddelande}, {@code skicka}, {@code avbryt}, {@code rapport}, {@code redigera},
 * {@code radera}) and English ({@code announce}, {@code send}, {@code cancel}, {@code report},
 * {@code edit}, {@code retract}) words work too. Anyone else gets a polite refusal.
 */
public final class BroadcastCommands implements ChatCommand {
  private static final Logger log = LoggerFactory.getLogger(BroadcastCommands.class);
  private static final Set<String> KEYWORDS =
      Set.of("tiedote", "meddelande", "announce", "announcement", "broadcast");
  private static final Set<String> SEND = Set.of("lähetä", "skicka", "send");
  private static final Set<String> CANCEL = Set.of("peru", "avbryt", "cancel");
  private static final Set<String> REPORT = Set.of("raportti", "rapport", "report");
  private static final Set<String> EDIT = Set.of("muokkaa", "redigera", "edit");
  private static final Set<String> RETRACT = Set.of("poista", "radera", "retract", "delete");
  private static final Set<String> ALL = Set.of("kaikki", "alla", "all");
  private static final Pattern FINNISH_TIME =
      Pattern.compile(
          "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\s+(?:klo\\s*|kl\\.?\\s*|at\\s+)?(\\d{1,2})[.:](\\d{2})");
  private static final Pattern ISO_TIME =
      Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ]\\s*(\\d{1,2}):(\\d{2})");

  private final BroadcastService broadcasts;
  private final ProgrammeFile programmes;
  private final Roles roles;
  private final Clock clock;

  public BroadcastCommands(
      BroadcastService broadcasts, ProgrammeFile programmes, Roles roles, Clock clock) {
    this.broadcasts = Objects.requireNonNull(broadcasts, "broadcasts");
    this.programmes = Objects.requireNonNull(programmes, "programmes");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Reply> handle(IncomingMessage message, Language language) {
    if (message.action() != fi.luotsi.chat.Button.Action.NONE
        && message.action() != fi.luotsi.chat.Button.Action.COMMAND) {
      return Optional.empty();
    }
    String text = message.text().strip();
    if (text.toLowerCase(Locale.ROOT).startsWith("/luotsi")) {
      text = text.substring("/luotsi".length()).strip();
    }
    String[] head = text.split("\\s+", 2);
    if (!KEYWORDS.contains(head[0].toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    if (!roles.isOrganiser(message.platform(), message.userId())) {
      log.info(
          "Broadcast refused for {}:{} (not an organiser)", message.platform(), message.userId());
      return Optional.of(
          Reply.error(
              language,
              BroadcastTexts.t(
                  language,
                  "Tiedotteita voivat lähettää vain koulutuksen järjestäjät. Jos sinun pitäisi"
                      + " voida lähettää niitä, ota yhteyttä ylläpitoon.",
                  "Endast utbildningens arrangörer kan skicka meddelanden. Kontakta"
                      + " administratören om du borde kunna göra det.",
                  "Only the programme's organisers can send announcements. If you should be able"
                      + " to, please contact the administrators.")));
    }
    String rest = head.length > 1 ? head[1].strip() : "";
    BroadcastService.Actor actor = actor(message);
    try {
      return Optional.of(dispatch(actor, rest, language));
    } catch (BroadcastRefused e) {
      return Optional.of(BroadcastTexts.refused(e, language));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(
          Reply.error(
              language,
              BroadcastTexts.t(
                  language,
                  "Toiminto keskeytyi. Kokeile hetken päästä uudelleen.",
                  "Åtgärden avbröts. Försök igen om en stund.",
                  "The operation was interrupted. Please try again shortly.")));
    }
  }

  private Reply dispatch(BroadcastService.Actor actor, String rest, Language language)
      throws InterruptedException {
    String[] parts = rest.split("\\s+", 2);
    String sub = parts[0].toLowerCase(Locale.ROOT);
    String args = parts.length > 1 ? parts[1].strip() : "";
    if (SEND.contains(sub)) {
      return send(actor, args, language);
    }
    if (CANCEL.contains(sub)) {
      Broadcast b = broadcasts.cancel(actor, id(args));
      return Reply.info(
          language,
          BroadcastTexts.t(
                  language,
                  "Tiedote #%d peruttu.",
                  "Meddelande #%d avbrutet.",
                  "Announcement #%d cancelled.")
              .formatted(b.id()));
    }
    if (REPORT.contains(sub)) {
      Broadcast b =
          args.isBlank()
              ? broadcasts
                  .latest(actor)
                  .orElseThrow(
                      () -> new BroadcastRefused(BroadcastRefused.Problem.NO_SUCH_BROADCAST, "–"))
              : broadcasts.find(id(args));
      return BroadcastTexts.report(b, broadcasts.report(b.id()), language);
    }
    if (EDIT.contains(sub)) {
      int colon = args.indexOf(':');
      if (colon < 0) {
        return usage(language);
      }
      long id = id(args.substring(0, colon));
      DeliveryReport r = broadcasts.edit(actor, id, args.substring(colon + 1));
      Broadcast b = broadcasts.find(id);
      return b.status().equals("SENT")
          ? Reply.info(
              language,
              BroadcastTexts.t(
                      language,
                      "Tiedote #%d muokattu: päivitetty %d vastaanottajalle.",
                      "Meddelande #%d ändrat: uppdaterat hos %d mottagare.",
                      "Announcement #%d edited: updated for %d recipients.")
                  .formatted(id, r.reached()))
          : preview(b);
    }
    if (RETRACT.contains(sub)) {
      long id = id(args);
      DeliveryReport r = broadcasts.retract(actor, id);
      return Reply.info(
          language,
          BroadcastTexts.t(
                  language,
                  "Tiedote #%d poistettu %d vastaanottajalta%s.",
                  "Meddelande #%d borttaget hos %d mottagare%s.",
                  "Announcement #%d retracted from %d recipients%s.")
              .formatted(
                  id,
                  r.retracted(),
                  r.reached() > 0
                      ? BroadcastTexts.t(
                              language,
                              "; %d poisto epäonnistui",
                              "; %d misslyckades",
                              "; %d could not be deleted")
                          .formatted(r.reached())
                      : ""));
    }
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      return usage(language);
    }
    List<String> groups = new ArrayList<>();
    for (String g : rest.substring(0, colon).split("[,\\s]+")) {
      if (!g.isBlank()) {
        groups.add(
            ALL.contains(g.toLowerCase(Locale.ROOT))
                ? BroadcastService.ALL
                : g.toLowerCase(Locale.ROOT));
      }
    }
    Broadcast draft = broadcasts.compose(actor, groups, rest.substring(colon + 1), language);
    return preview(draft);
  }

  private Reply preview(Broadcast b) {
    Programme p = programmes.current();
    List<String> names =
        b.groupIds().stream().map(g -> p.group(g).map(x -> x.name()).orElse(g)).toList();
    return BroadcastTexts.preview(b, broadcasts.message(b), names, broadcasts.recipients(b).size());
  }

  private Reply send(BroadcastService.Actor actor, String args, Language language) {
    String[] parts = args.split("\\s+", 2);
    long id = id(parts[0]);
    Instant now = clock.instant();
    Instant at = now;
    ZoneId zone = programmes.current().zone();
    if (parts.length > 1 && !parts[1].isBlank()) {
      Optional<Instant> parsed = parseTime(parts[1], zone);
      if (parsed.isEmpty()) {
        return Reply.error(
            language,
            BroadcastTexts.t(
                    language,
                    "En ymmärrä aikaa \"%s\". Kirjoita esim. 1.12.2026 klo 9.00.",
                    "Jag förstår inte tiden \"%s\". Skriv t.ex. 1.12.2026 kl. 9.00.",
                    "I do not understand the time \"%s\". Write e.g. 2026-12-01 09:00.")
                .formatted(parts[1]));
      }
      if (!parsed.get().isAfter(now)) {
        throw new BroadcastRefused(BroadcastRefused.Problem.TIME_IN_PAST, parts[1]);
      }
      at = parsed.get();
    }
    Broadcast b = broadcasts.schedule(actor, id, at);
    return BroadcastTexts.scheduled(b, broadcasts.recipients(b).size(), at.equals(now), zone)
        .withButtons(List.of());
  }

  static Optional<Instant> parseTime(String text, ZoneId zone) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = FINNISH_TIME.matcher(t);
    Matcher iso = ISO_TIME.matcher(t);
    try {
      LocalDateTime local;
      if (m.matches()) {
        local =
            LocalDateTime.of(
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)));
      } else if (iso.matches()) {
        local =
            LocalDateTime.of(
                Integer.parseInt(iso.group(1)),
                Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3)),
                Integer.parseInt(iso.group(4)),
                Integer.parseInt(iso.group(5)));
      } else {
        return Optional.empty();
      }
      return Optional.of(local.atZone(zone).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static long id(String text) {
    String t = text.strip();
    if (t.startsWith("#")) {
      t = t.substring(1);
    }
    try {
      return Long.parseLong(t.split("\\s+")[0]);
    } catch (NumberFormatException e) {
      throw new BroadcastRefused(BroadcastRefused.Problem.NO_SUCH_BROADCAST, "\"" + text + "\"");
    }
  }

  private static BroadcastService.Actor actor(IncomingMessage m) {
    String address =
        switch (m.platform()) {
          case SLACK -> m.userId();
          case TEAMS -> m.direct() ? m.conversationId() : "";
          case WEB, CONSOLE -> "";
        };
    return new BroadcastService.Actor(m.platform(), m.userId(), address);
  }

  private static Reply usage(Language language) {
    return Reply.error(
        language,
        BroadcastTexts.t(
            language,
            "Kirjoita esim. \"tiedote valtuusto, hallitus: Huomisen sparraus alkaa klo 17.\""
                + " (\"kaikki\" = kaikki ryhmät). Muut: tiedote lähetä <n> [aika], tiedote peru"
                + " <n>, tiedote raportti [<n>], tiedote muokkaa <n>: <teksti>, tiedote poista <n>.",
            "Skriv t.ex. \"meddelande valtuusto: Sparrningen i morgon börjar kl. 17.\" (\"alla\" ="
                + " alla grupper). Övriga: skicka <n> [tid], avbryt <n>, rapport [<n>], redigera"
                + " <n>: <text>, radera <n>.",
            "Write e.g. \"announce valtuusto, hallitus: Tomorrow's sparring starts at 17.\""
                + " (\"all\" = every group). Others: announce send <n> [time], cancel <n>, report"
                + " [<n>], edit <n>: <text>, retract <n>."));
  }

  /** Only organisers see the broadcast commands in their help: everyone else is refused them. */
  @Override
  public List<String> helpLines(IncomingMessage asker, Language language) {
    return roles.isOrganiser(asker.platform(), asker.userId()) ? helpLines(language) : List.of();
  }

  @Override
  public List<String> helpLines(Language language) {
    return List.of(
        BroadcastTexts.t(
            language,
            "tiedote <ryhmät>: <teksti> – tiedote ryhmille (järjestäjät); myös lähetä, peru,"
                + " raportti, muokkaa, poista",
            "meddelande <grupper>: <text> – meddelande till grupper (arrangörer); även skicka,"
                + " avbryt, rapport, redigera, radera",
            "announce <groups>: <text> – announcement to groups (organisers); also send, cancel,"
                + " report, edit, retract"));
  }
}
