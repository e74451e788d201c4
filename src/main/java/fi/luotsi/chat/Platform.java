package fi.luotsi.chat;

/** Where a message came from or goes to. */
public enum Platform {
  SLACK,
  TEAMS,
  WEB,
  CONSOLE
}
