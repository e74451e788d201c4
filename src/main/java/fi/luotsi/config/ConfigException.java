package fi.luotsi.config;

/** Configuration is invalid; the message names the file or variable and what is wrong. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
