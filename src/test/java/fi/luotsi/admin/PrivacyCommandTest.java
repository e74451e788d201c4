package fi.luotsi.admin;

import static fi.luotsi.admin.AdminFixture.pressed;
import static fi.luotsi.admin.AdminFixture.text;
import static fi.luotsi.admin.AdminFixture.typed;
import static org.assertj.core.api.Assertions.assertThat;

import fi.luotsi.chat.Button;
import fi.luotsi.chat.Platform;
import fi.luotsi.chat.Reply;
import fi.luotsi.knowledge.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrivacyCommandTest {
  private final AdminFixture db = new AdminFixture();
  private final List<PersonalData> stores =
      new ArrayList<>(List.of(new QuestionLogData(db.database.dataSource())));
  private final PrivacyCommand command =
      new PrivacyCommand(stores, db.pseudonyms, db.audit, Duration.ofDays(90), db.clock);

  @AfterEach
  void close() {
    db.close();
  }

  private Reply say(String user, String text) {
    return command.handle(typed(Platform.SLACK, user, text), Language.FI).orElseThrow();
  }

  private Reply press(String user, Button button) {
    return command.handle(pressed(Platform.SLACK, user, button), Language.FI).orElseThrow();
  }

  @Test
  void tellsWhatIsStoredAboutThePerson() {
    String q = db.ask(Platform.SLACK, "U1", "Olenko jäävi?", Duration.ofDays(3), "a.md#x");
    db.ask(Platform.SLACK, "U1", "Mikä on talousarvio?", Duration.ofDays(1), null);
    db.vote(q, Platform.SLACK, "U1", true, Duration.ofDays(3));
    db.ask(Platform.SLACK, "U2", "Toisen kysymys", Duration.ofDays(1), null);

    Reply reply = say("U1", "Mitä tiedät minusta?");

    assertThat(reply.paragraphs())
        .containsExactly(
            "Kysymyksiäsi on tallessa 2 (7.3.2027–9.3.2027) ja palautteitasi 1.",
            "Viimeisimmät kysymyksesi:\n• 9.3.2027 klo 14.00: Mikä on talousarvio?\n"
                + "• 7.3.2027 klo 14.00: Olenko jäävi?",
            "Tallennan kysymykset salanimellä: en tallenna nimeäsi enkä käyttäjätunnustasi."
                + " Kysymykset ja palautteet poistuvat 90 päivän kuluttua.",
            "Kirjoita \"poista tietoni\", niin poistan ne.");
  }

  @Test
  void saysSoWhenNothingIsStored() {
    Reply reply =
        command
            .handle(typed(Platform.TEAMS, "29:x", "what do you store about me"), Language.FI)
            .orElseThrow();

    assertThat(reply.language()).isEqualTo(Language.EN);
    assertThat(reply.paragraphs().get(0)).isEqualTo("I have no data stored about you.");
  }

  @Test
  void deletesThePersonsDataAfterConfirmationWithTheButton() {
    String own = db.ask(Platform.SLACK, "U1", "Olenko jäävi?", Duration.ofDays(3), "a.md#x");
    db.vote(own, Platform.SLACK, "U1", false, Duration.ofDays(3));
    String others = db.ask(Platform.SLACK, "U2", "Toisen kysymys", Duration.ofDays(1), "a.md#x");
    db.vote(others, Platform.SLACK, "U2", true, Duration.ofDays(1));

    Reply prompt = say("U1", "poista tietoni");

    assertThat(prompt.buttons())
        .extracting(Button::label)
        .containsExactly("Kyllä, poista", "Peruuta");
    assertThat(prompt.buttons()).extracting(Button::action).containsOnly(Button.Action.COMMAND);
    assertThat(db.count("SELECT COUNT(*) FROM question_log")).isEqualTo(2);

    Reply done = press("U1", prompt.buttons().get(0));

    assertThat(text(done)).isEqualTo("Poistin sinusta tallennetut tiedot (2 tietuetta).");
    assertThat(db.count("SELECT COUNT(*) FROM question_log")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM feedback")).isEqualTo(1);
    assertThat(db.questionLog.find(others)).isPresent();
    assertThat(text(say("U1", "mitä tiedät minusta")))
        .startsWith("Minulla ei ole sinusta tallennettuja tietoja.");
    AuditLog.Entry entry = db.audit.recent(1).get(0);
    assertThat(entry.action()).isEqualTo("privacy.erase");
    assertThat(entry.actor() + entry.detail())
        .doesNotContain("U1")
        .doesNotContain(db.pseudonyms.of(Platform.SLACK, "U1"));
  }

  @Test
  void acceptsTheTypedConfirmationInSwedish() {
    db.ask(Platform.SLACK, "U1", "När är jag jävig?", Duration.ofDays(3), null);
    Reply prompt = say("U1", "Radera mina uppgifter");
    Matcher code = Pattern.compile("radera mina uppgifter bekräfta (\\d{6})").matcher(text(prompt));
    assertThat(code.find()).isTrue();

    Reply done = say("U1", "radera mina uppgifter bekräfta " + code.group(1));

    assertThat(text(done)).isEqualTo("Jag raderade uppgifterna om dig (1 poster).");
    assertThat(db.count("SELECT COUNT(*) FROM question_log")).isZero();
  }

  @Test
  void keepsTheDataWhenCancelled() {
    db.ask(Platform.SLACK, "U1", "Kysymys", Duration.ofDays(3), null);
    Reply prompt = say("U1", "delete my data");

    Reply cancelled = press("U1", prompt.buttons().get(1));
    Reply late = press("U1", prompt.buttons().get(0));

    assertThat(text(cancelled)).isEqualTo("All right, nothing was deleted.");
    assertThat(late.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(db.count("SELECT COUNT(*) FROM question_log")).isEqualTo(1);
  }

  @Test
  void refusesAConfirmationAfterTenMinutes() {
    db.ask(Platform.SLACK, "U1", "Kysymys", Duration.ofDays(3), null);
    Reply prompt = say("U1", "poista tietoni");

    db.clock.advance(Duration.ofMinutes(11));
    Reply late = press("U1", prompt.buttons().get(0));

    assertThat(late.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(text(late)).startsWith("Tämä vahvistus ei ole enää voimassa.");
    assertThat(db.count("SELECT COUNT(*) FROM question_log")).isEqualTo(1);
  }

  @Test
  void refusesAWrongCodeAndAnotherPersonsButton() {
    db.ask(Platform.SLACK, "U1", "Kysymys", Duration.ofDays(3), null);
    Reply prompt = say("U1", "poista tietoni");

    String value = prompt.buttons().get(0).value();
    int code = Integer.parseInt(value.substring(value.length() - 6));
    String wrongCode = String.format("%06d", (code + 1) % 1_000_000);

    Reply wrong = say("U1", "poista tietoni vahvista " + wrongCode);
    Reply someoneElse = press("U2", prompt.buttons().get(0));

    assertThat(wrong.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(someoneElse.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(db.count("SELECT COUNT(*) FROM question_log")).isEqualTo(1);
    assertThat(press("U1", prompt.buttons().get(0)).kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(db.count("SELECT COUNT(*) FROM question_log")).isZero();
  }

  @Test
  void coversPersonalDataThatOtherFeaturesAdd() {
    List<PersonalData.Person> erased = new ArrayList<>();
    stores.add(
        new PersonalData() {
          @Override
          public List<String> describe(Person person, Language language) {
            return List.of("Tilaat muistutukset ryhmälle sysma.");
          }

          @Override
          public int erase(Person person) {
            erased.add(person);
            return 1;
          }
        });

    assertThat(say("U1", "omat tietoni").paragraphs())
        .contains("Tilaat muistutukset ryhmälle sysma.");
    Reply prompt = say("U1", "poista tietoni");
    assertThat(text(press("U1", prompt.buttons().get(0)))).contains("(1 tietuetta)");
    assertThat(erased).extracting(PersonalData.Person::userId).containsExactly("U1");
  }

  @Test
  void leavesOtherTextAndButtonsAlone() {
    assertThat(command.handle(typed(Platform.SLACK, "U1", "poista tietoni heti nyt"), Language.FI))
        .isEmpty();
    assertThat(
            command.handle(
                typed(Platform.SLACK, "U1", "Mitä tiedät esteellisyydestä?"), Language.FI))
        .isEmpty();
    assertThat(
            command.handle(
                pressed(
                    Platform.SLACK,
                    "U1",
                    new Button("👍", Button.Action.FEEDBACK_UP, "poista tietoni")),
                Language.FI))
        .isEmpty();
  }

  @Test
  void offersBothCommandsInTheHelp() {
    assertThat(command.helpLines(Language.SV))
        .containsExactly(
            "vad vet du om mig? – vad som har sparats om dig",
            "radera mina uppgifter – radera det som sparats om dig");
  }
}
