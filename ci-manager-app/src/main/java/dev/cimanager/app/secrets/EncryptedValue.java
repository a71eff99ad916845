package dev.cimanager.app.secrets;

/**
 * A secret value encrypted at rest: {@code ciphertext} = nonce || AES-256-GCM(data key, value) and
 * {@code wrappedKey} = nonce || AES-256-GCM(master key, data key), both bound to the secret's id.
 */
record EncryptedValue(byte[] wrappedKey, byte[] ciphertext) {
  @Override
  public String toString() {
    return "EncryptedValue[" + ciphertext.length + " bytes]";
  }
}
