package fi.luotsi.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsBotAdapterTest {
  private final ClaimsValidator validator = TeamsBotAdapter.noSkills().getClaimsValidator();

  @Test
  void refusesTokensOfOtherBotsCallingAsSkills() {
    Map<String, String> skill = Map.of("ver", "1.0", "aud", "our-app", "appid", "other-bot");

    // Thrown, not returned as a failed future: the SDK ignores the future the validator returns.
    assertThatThrownBy(() -> validator.validateClaims(skill))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("skills");
  }

  @Test
  void acceptsChannelTokens() {
    Map<String, String> channel =
        Map.of("iss", "https://api.botframework.com", "aud", "our-app", "serviceurl", "https://s/");

    assertThat(validator.validateClaims(channel)).isCompleted();
  }
}
