package fi.luotsi.chat.teams;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.ConversationHandler;
import fi.luotsi.chat.IncomingMessage;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the chat core: records messages and answers every question the same way. */
final class RecordingHandler implements ConversationHandler {
  final List<IncomingMessage> received = new CopyOnWriteArrayList<>();

  @Override
  public Reply handle(IncomingMessage message) {
    received.add(message);
    if (message.text().equals("boom")) {
      throw new IllegalStateException("the core failed");
    }
    Language language = message.userLanguage().orElse(Language.FI);
    if (message.isButtonPress() && message.action() != Button.Action.ASK) {
      return Reply.info(language, "Kiitos palautteesta!");
    }
    return answer(language, message.text());
  }

  static Reply answer(Language language, String question) {
    return new Reply(
        Reply.Kind.ANSWER,
        Optional.of("Esteellisyyden perusteet"),
        List.of("Kysyit: " + question, "Jäsen on *esteellinen*, jos [asianosainen] on läheinen."),
        List.of(
            new Reply.Source(
                "hallinto/esteellisyys.md#perusteet",
                "Esteellisyyden perusteet",
                Optional.of("hallintolaki 434/2003 28 §"),
                Optional.of("https://www.finlex.fi/fi/laki/ajantasa/2003/20030434"))),
        Optional.of("Tämä ei ole oikeudellinen neuvo."),
        List.of(new Button("Mitä on jääviys?", Button.Action.ASK, "Mitä on jääviys?")),
        language,
        Optional.of("q-1"));
  }

  IncomingMessage last() {
    return received.get(received.size() - 1);
  }
}
