package fi.luotsi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small knowledge directory for behaviour tests: Finnish sections on disqualification, the
 * budget, meetings and public documents, one Swedish and one English section on disqualification.
 * The texts are written for the tests, so that the shipped knowledge can change freely.
 */
public final class KnowledgeFixture {
  public static final String GROUNDS =
      "esteellisyys/perusteet.md#milloin-luottamushenkilö-on-esteellinen";
  public static final String RELATIVES = "esteellisyys/perusteet.md#keitä-pidetään-läheisinä";
  public static final String BUDGET = "talous/talousarvio.md#mikä-on-talousarvio";
  public static final String TAX_RATE =
      "talous/talousarvio.md#miten-kunnan-tuloveroprosentti-päätetään";
  public static final String VOTING =
      "kokous/aanestys.md#miten-äänestetään-kun-ehdotuksia-on-useita";
  public static final String LEAVING = "kokous/aanestys.md#jäävin-poistuminen-kokouksesta";
  public static final String DOCUMENTS =
      "julkisuus/asiakirjat.md#milloin-asiakirja-tulee-julkiseksi";
  public static final String JAV = "sv/jav.md#när-är-en-förtroendevald-jävig";
  public static final String DISQUALIFIED = "en/disqualification.md#when-is-a-trustee-disqualified";

  /** The number of sections in the fixture, all languages. */
  public static final int SECTIONS = 9;

  private static final Map<String, String> FILES =
      Map.of(
          "esteellisyys/perusteet.md",
          """
          ---
          title: Esteellisyyden perusteet
          tags: [esteellisyys, jääviys]
          source: hallintolaki 434/2003 27–28 §
          ---
          # Esteellisyyden perusteet

          Esteellisyys arvioidaan aina asia kerrallaan.

          ## Milloin luottamushenkilö on esteellinen?
          Luottamushenkilö on esteellinen, jos hän itse tai hänen läheisensä on asianosainen tai \
          jos asian ratkaisusta koituu hänelle erityistä hyötyä tai vahinkoa. Esteellinen henkilö \
          ei saa osallistua asian käsittelyyn.
          Lähde: hallintolaki 434/2003 28 §

          ## Keitä pidetään läheisinä?
          <!-- questions
          kuka on sukulainen esteellisyydessä
          -->
          Läheisiä ovat puoliso, lapset, lapsenlapset, sisarukset, vanhemmat ja isovanhemmat sekä \
          puolison vastaavat sukulaiset.
          Lähde: hallintolaki 434/2003 28 § 2 mom.
          """,
          "talous/talousarvio.md",
          """
          ---
          title: Talousarvio
          tags: [talous]
          source: https://finlex.fi/fi/laki/ajantasa/2015/20150410
          ---
          ## Mikä on talousarvio?
          Valtuusto hyväksyy vuoden loppuun mennessä kunnalle seuraavan vuoden talousarvion ja \
          taloussuunnitelman. Talousarviossa hyväksytään toiminnalliset ja taloudelliset \
          tavoitteet.
          Lähde: kuntalaki 410/2015 110 §

          ## Miten kunnan tuloveroprosentti päätetään?
          Valtuusto päättää kunnan tuloveroprosentista talousarvion hyväksymisen yhteydessä. \
          Kunnat ilmoittavat tuloveroprosenttinsa Verohallinnolle marraskuun puoliväliin mennessä.
          """,
          "kokous/aanestys.md",
          """
          ---
          title: Äänestys kokouksessa
          tags: [kokous]
          ---
          ## Miten äänestetään, kun ehdotuksia on useita?
          Kun ehdotuksia on useita, puheenjohtaja esittää äänestysjärjestyksen. Ensin äänestetään \
          kahden ehdotuksen välillä, ja voittanut ehdotus asetetaan vastakkain seuraavan kanssa.

          ## Jäävin poistuminen kokouksesta
          Jäävi jäsen poistuu kokoushuoneesta ennen asian käsittelyä. Pöytäkirjaan merkitään, kuka \
          poistui ja millä perusteella.
          """,
          "julkisuus/asiakirjat.md",
          """
          ---
          title: Julkiset asiakirjat
          tags: [julkisuus]
          ---
          ## Milloin asiakirja tulee julkiseksi?
          Kunnan asiakirja tulee julkiseksi, kun toimielin on käsitellyt asian. Esityslistan \
          liitteet tulevat julkisiksi viimeistään pöytäkirjan tarkastamisen jälkeen.
          Lähde: laki viranomaisten toiminnan julkisuudesta 621/1999 6–7 §
          """,
          "sv/jav.md",
          """
          ---
          title: Jäv för förtroendevalda
          lang: sv
          tags: [jäv]
          ---
          ## När är en förtroendevald jävig?
          En förtroendevald är jävig om han eller hon själv eller en närstående är part i ärendet \
          eller om avgörandet medför särskild nytta eller skada för honom eller henne.
          Källa: förvaltningslagen 434/2003 28 §
          """,
          "en/disqualification.md",
          """
          ---
          title: Disqualification of trustees
          lang: en
          tags: [disqualification, conflict of interest]
          ---
          ## When is a trustee disqualified?
          A trustee is disqualified when the matter concerns them or a close relative personally, \
          or when the decision would bring them a special benefit or harm.
          Source: Administrative Procedure Act 434/2003 section 28
          """);

  private KnowledgeFixture() {}

  /** Writes the fixture into {@code directory} (created if needed) and returns it. */
  public static Path write(Path directory) {
    try {
      for (Map.Entry<String, String> file : FILES.entrySet()) {
        Path path = directory.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
