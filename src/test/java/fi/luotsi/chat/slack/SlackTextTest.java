package fi.luotsi.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

  @Test
  void escapesTheThreeControlCharacters() {
    assertThat(SlackText.escape("<!channel> & <@U1> ok"))
        .isEqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt; ok");
    assertThat(SlackText.escape("&amp;")).isEqualTo("&amp;amp;");
  }

  @Test
  void linksOnlyPlainHttpUrlsAndEscapesTheLabel() {
    assertThat(SlackText.link("https://finlex.fi/a?b=1&c=2", "Laki <uusi> | vanha"))
        .isEqualTo("<https://finlex.fi/a?b=1&amp;c=2|Laki &lt;uusi&gt; ¦ vanha>");
    assertThat(SlackText.link("javascript:alert(1)", "x")).isEqualTo("x");
    assertThat(SlackText.link("https://evil.example|<!channel>", "x")).isEqualTo("x");
  }

  @Test
  void reducesIncomingMarkupToPlainText() {
    assertThat(SlackText.toPlain("<@UBOT> mikä on <#C1|yleinen> &amp; <@U2|maija>?", "UBOT"))
        .isEqualTo("mikä on #yleinen & @maija?");
    assertThat(SlackText.toPlain("katso <https://kunta.fi|sivu> ja <https://x.fi>", null))
        .isEqualTo("katso sivu ja https://x.fi");
    assertThat(SlackText.toPlain("<!here> 1 &lt; 2", null)).isEqualTo("@here 1 < 2");
    assertThat(SlackText.toPlain(null, null)).isEmpty();
  }

  @Test
  void truncatesWithAnEllipsisAndKeepsSurrogatePairsWhole() {
    assertThat(SlackText.truncate("abcdef", 4)).isEqualTo("abc…");
    assertThat(SlackText.truncate("ab👍", 3)).isEqualTo("ab…");
    assertThat(SlackText.truncate("abc", 3)).isEqualTo("abc");
  }
}
