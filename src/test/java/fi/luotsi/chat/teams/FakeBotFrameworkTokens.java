package fi.luotsi.chat.teams;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * Plays the Bot Framework's token issuer: serves OpenID metadata and a JWKS with an endorsed key on
 * 127.0.0.1, and signs channel tokens (RS256) as the Bot Connector does for calls to a bot.
 */
final class FakeBotFrameworkTokens implements AutoCloseable {
  static final String ISSUER = "https://api.botframework.com";
  static final String KEY_ID = "test-key-1";

  private final HttpServer server;
  private final KeyPair key;
  private final KeyPair otherKey;

  FakeBotFrameworkTokens() throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair();
    otherKey = generator.generateKeyPair();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
    String metadata =
        "{\"issuer\":\""
            + ISSUER
            + "\",\"jwks_uri\":\""
            + base
            + "/v1/.well-known/keys\","
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    String jwks =
        "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\""
            + KEY_ID
            + "\",\"n\":\""
            + base64Url(unsigned(publicKey.getModulus()))
            + "\",\"e\":\""
            + base64Url(unsigned(publicKey.getPublicExponent()))
            + "\",\"endorsements\":[\"msteams\"]}]}";
    server.createContext("/v1/.well-known/openidconfiguration", e -> answer(e, metadata));
    server.createContext("/v1/.well-known/keys", e -> answer(e, jwks));
    server.start();
  }

  String metadataUrl() {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/v1/.well-known/openidconfiguration";
  }

  /**
   * A token as the Bot Connector sends it, valid for an hour from now (the SDK reads the system
   * clock).
   */
  String channelToken(String appId, String serviceUrl) {
    return sign(key, ISSUER, appId, serviceUrl, Instant.now().plusSeconds(3600));
  }

  String expiredToken(String appId, String serviceUrl) {
    return sign(key, ISSUER, appId, serviceUrl, Instant.now().minusSeconds(3600));
  }

  /** Same key id, but signed with a key the issuer never published. */
  String forgedToken(String appId, String serviceUrl) {
    return sign(otherKey, ISSUER, appId, serviceUrl, Instant.now().plusSeconds(3600));
  }

  String tokenFromIssuer(String issuer, String appId, String serviceUrl) {
    return sign(key, issuer, appId, serviceUrl, Instant.now().plusSeconds(3600));
  }

  private static String sign(
      KeyPair signer, String issuer, String audience, String serviceUrl, Instant expires) {
    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
    String payload =
        "{\"iss\":\""
            + issuer
            + "\",\"aud\":\""
            + audience
            + "\",\"serviceurl\":\""
            + serviceUrl
            + "\",\"nbf\":"
            + (now - 300)
            + ",\"iat\":"
            + (now - 300)
            + ",\"exp\":"
            + expires.getEpochSecond()
            + "}";
    String signingInput =
        base64Url(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + base64Url(payload.getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(signer.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64Url(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return bytes;
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json)
      throws IOException {
    try (exchange) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
