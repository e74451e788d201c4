package fi.luotsi.chat.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsValidator;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SkillValidation;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The SDK's HTTP adapter, configured from {@link TeamsAdapter.Settings} instead of properties
 * files, with three changes:
 *
 * <ul>
 *   <li>outbound tokens come from the app's own tenant when {@code MICROSOFT_APP_TENANT_ID} is set
 *       (single-tenant registrations); the SDK would always ask {@code botframework.com};
 *   <li>Bot Connector clients make exactly one HTTP attempt per call: the SDK's built-in retry
 *       repeats 5xx three times with no delay and never retries 429, so retrying belongs to the
 *       delivery service, which backs off;
 *   <li>connections time out in seconds, not the SDK's one to two minutes;
 *   <li>tokens of other bots (skills) are refused.
 * </ul>
 */
final class TeamsBotAdapter extends BotFrameworkHttpAdapter {

  /** Makes the credentials for outbound calls; tests replace the Entra ID token service. */
  @FunctionalInterface
  interface CredentialsFactory {
    AppCredentials create(String appId, String password, String tenantId, String scope);

    CredentialsFactory ENTRA_ID =
        (appId, password, tenantId, scope) ->
            new MicrosoftAppCredentials(appId, password, tenantId, scope);
  }

  private static final RetryStrategy ONE_ATTEMPT =
      new RetryStrategy("one attempt", false) {
        @Override
        public boolean shouldRetry(int retryCount, okhttp3.Response response) {
          return false;
        }
      };

  private final TeamsAdapter.Settings settings;
  private final CredentialsFactory credentials;
  private final OkHttpClient http;
  private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

  TeamsBotAdapter(
      TeamsAdapter.Settings settings,
      Optional<String> openIdMetadataUrl,
      CredentialsFactory credentials,
      Duration httpTimeout) {
    super(configuration(settings, openIdMetadataUrl), noSkills());
    this.settings = settings;
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(32); // Teams allows 30 requests a second per tenant
    this.http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectTimeout(httpTimeout)
            .readTimeout(httpTimeout)
            .writeTimeout(httpTimeout)
            .build();
  }

  /**
   * Refuses tokens of other bots calling this one as a skill. Without a claims validator the SDK
   * builds a failed future for skill claims and then ignores it, so such tokens would pass; this
   * validator throws instead, which the SDK does not ignore.
   */
  static AuthenticationConfiguration noSkills() {
    AuthenticationConfiguration configuration = new AuthenticationConfiguration();
    configuration.setClaimsValidator(
        new ClaimsValidator() {
          @Override
          public CompletableFuture<Void> validateClaims(Map<String, String> claims) {
            if (SkillValidation.isSkillClaim(claims)) {
              throw new AuthenticationException("calls from other bots (skills) are not accepted");
            }
            return CompletableFuture.completedFuture(null);
          }
        });
    return configuration;
  }

  private static Configuration configuration(
      TeamsAdapter.Settings settings, Optional<String> openIdMetadataUrl) {
    Properties properties = new Properties();
    settings.appId().ifPresent(id -> properties.setProperty("MicrosoftAppId", id));
    settings.appPassword().ifPresent(pw -> properties.setProperty("MicrosoftAppPassword", pw));
    openIdMetadataUrl.ifPresent(url -> properties.setProperty("BotOpenIdMetadata", url));
    return new Configuration() {
      @Override
      public String getProperty(String key) {
        return properties.getProperty(key);
      }

      @Override
      public Properties getProperties() {
        return properties;
      }

      @Override
      public String[] getProperties(String key) {
        String value = properties.getProperty(key);
        return value == null ? null : value.split(",");
      }
    };
  }

  /** The app id to continue conversations as: empty in local mode. */
  String botAppId() {
    return settings.appId().orElse("");
  }

  @Override
  protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
    if (appId == null || appId.isBlank()) {
      return CompletableFuture.completedFuture(MicrosoftAppCredentials.empty());
    }
    String password =
        settings.appId().filter(appId::equals).flatMap(id -> settings.appPassword()).orElse(null);
    return CompletableFuture.completedFuture(
        credentials.create(appId, password, settings.tenantId().orElse(null), scope));
  }

  @Override
  protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(
      String serviceUrl, AppCredentials usingAppCredentials) {
    AppCredentials appCredentials =
        usingAppCredentials == null ? MicrosoftAppCredentials.empty() : usingAppCredentials;
    String key = serviceUrl + "|" + appCredentials.getAppId() + "|" + appCredentials.oAuthScope();
    try {
      String baseUrl =
          URI.create(Objects.requireNonNull(serviceUrl, "serviceUrl")).toURL().toString();
      return CompletableFuture.completedFuture(
          clients.computeIfAbsent(key, k -> newClient(baseUrl, appCredentials)));
    } catch (RuntimeException | java.net.MalformedURLException e) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("invalid serviceUrl: " + serviceUrl, e));
    }
  }

  private ConnectorClient newClient(String baseUrl, AppCredentials appCredentials) {
    RestClient rest =
        new RestClient.Builder(http.newBuilder(), new Retrofit.Builder())
            .withBaseUrl(baseUrl)
            .withCredentials(appCredentials)
            .withSerializerAdapter(new JacksonAdapter())
            .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
            .withRetryStrategy(ONE_ATTEMPT)
            .withConnectionTimeout(http.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
            .withReadTimeout(http.readTimeoutMillis(), TimeUnit.MILLISECONDS)
            .build();
    return new RestConnectorClient(rest);
  }

  /** Releases connections and the HTTP client's threads. */
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
