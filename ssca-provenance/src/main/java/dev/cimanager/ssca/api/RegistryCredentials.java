package dev.cimanager.ssca.api;

/** Username/password for a registry; {@link #toString()} masks the password. */
public record RegistryCredentials(String username, String password) {
  @Override
  public String toString() {
    return "RegistryCredentials[username=" + username + ", password=**********]";
  }
}
