package fi.luotsi.chat.slack;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.ConversationHandler;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small chat core for the adapter's tests: records every message and answers by a fixed script,
 * with the buttons the real core offers (related topics, 👍/👎, share). Its answers carry text that
 * would mention and link if it were not escaped.
 */
final class ScriptedConversation implements ConversationHandler {
  static final String HOSTILE = "<!channel> & <@U999> <https://evil.example|klikkaa>";

  final List<IncomingMessage> received = new CopyOnWriteArrayList<>();
  final CountDownLatch slowGate = new CountDownLatch(1);
  private final AtomicInteger answers = new AtomicInteger();

  @Override
  public Reply handle(IncomingMessage message) {
    received.add(message);
    Language lang = message.userLanguage().orElse(Language.FI);
    return switch (message.action()) {
      case SHARE -> answer(lang, "Jaettu vastaus", message.text()).withButtons(List.of());
      case FEEDBACK_UP, FEEDBACK_DOWN -> Reply.info(lang, "Kiitos palautteesta!");
      case ASK -> answer(lang, message.text(), "ans-" + answers.incrementAndGet());
      default -> typed(message, lang);
    };
  }

  private Reply typed(IncomingMessage message, Language lang) {
    switch (message.text()) {
      case "apua", "hjälp", "help" -> {
        return new Reply(
            Reply.Kind.INFO,
            Optional.of("Ohje"),
            List.of("Kysy esimerkiksi esteellisyydestä tai talousarviosta."),
            List.of(),
            Optional.empty(),
            List.of(new Button("Esteellisyys", Button.Action.ASK, "Mitä on esteellisyys?")),
            lang,
            Optional.empty());
      }
      case "seuraavat", "nästa", "next sessions" -> {
        return Reply.info(
                lang, "Seuraavat tilaisuutesi:", "to 4.3.2027 klo 17.00 Eettisyys ja esteellisyys")
            .withButtons(
                List.of(new Button("Osallistun", Button.Action.RSVP_YES, "sparraus-esteellisyys")));
      }
      case "hidas" -> {
        try {
          slowGate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Reply.info(lang, "Hidas vastaus");
      }
      case "kaadu" -> throw new IllegalStateException("core broke");
      default -> {
        if (message.text().startsWith("tuntematon")) {
          return new Reply(
              Reply.Kind.NO_ANSWER,
              Optional.empty(),
              List.of(
                  "En tiedä. Osaan vastata esimerkiksi näistä aiheista.", "Kysy kouluttajalta."),
              List.of(),
              Optional.empty(),
              List.of(new Button("Talousarvio", Button.Action.ASK, "Mikä on talousarvio?")),
              lang,
              Optional.empty());
        }
        return answer(lang, message.text(), "ans-" + answers.incrementAndGet());
      }
    }
  }

  static Reply answer(Language lang, String question, String ref) {
    return new Reply(
        Reply.Kind.ANSWER,
        Optional.of("Esteellisyys"),
        List.of("Vastaus kysymykseen: " + question, HOSTILE),
        List.of(
            new Reply.Source(
                "hallinto/esteellisyys.md#esteellisyys",
                "Esteellisyys",
                Optional.of("kuntalaki 410/2015 97 §"),
                Optional.of("https://www.finlex.fi/fi/laki/ajantasa/2015/20150410"))),
        Optional.of("Tämä ei ole oikeudellinen neuvo."),
        List.of(
            new Button("Mitä on jääviys?", Button.Action.ASK, "Mitä on jääviys?"),
            new Button("👍 Hyödyllinen", Button.Action.FEEDBACK_UP, ref),
            new Button("👎 Ei auttanut", Button.Action.FEEDBACK_DOWN, ref),
            new Button("Jaa kanavalle", Button.Action.SHARE, ref)),
        lang,
        Optional.of(ref));
  }

  List<IncomingMessage> withText(String text) {
    return received.stream().filter(m -> m.text().equals(text)).toList();
  }
}
