package dev.cimanager.contracts.secrets;

/** Harness secret types; the JSON names are the enum names. */
public enum SecretType {
  SecretText,
  SecretFile
}
