package fi.luotsi.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The process environment as Luotsi reads it (ARCHITECTURE.md, "Environment and configuration").
 * Secrets come only from here, never from files, and {@link #toString()} never shows them.
 */
public record Environment(Map<String, String> variables) {

  public Environment {
    variables = Map.copyOf(variables);
  }

  public static Environment system() {
    return new Environment(System.getenv());
  }

  public Optional<String> get(String name) {
    String value = variables.get(Objects.requireNonNull(name, "name"));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String getOrDefault(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  public int port() {
    String raw = getOrDefault("LUOTSI_PORT", "3978");
    try {
      int port = Integer.parseInt(raw);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException("LUOTSI_PORT must be a port number 0-65535, was '" + raw + "'");
    }
  }

  public String host() {
    return getOrDefault("LUOTSI_HOST", "127.0.0.1");
  }

  public Path dataDir() {
    return Path.of(getOrDefault("LUOTSI_DATA_DIR", "data"));
  }

  public Path knowledgeDir() {
    return Path.of(getOrDefault("LUOTSI_KNOWLEDGE_DIR", "knowledge"));
  }

  public Path configDir() {
    return Path.of(getOrDefault("LUOTSI_CONFIG_DIR", "config"));
  }

  @Override
  public String toString() {
    return "Environment[" + variables.size() + " variables]";
  }
}
