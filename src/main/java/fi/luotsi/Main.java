package fi.luotsi;

public final class Main {
  public static void main(String[] args) {}
}
