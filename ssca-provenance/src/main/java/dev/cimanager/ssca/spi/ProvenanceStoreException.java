package dev.cimanager.ssca.spi;

/** A provenance record could not be saved, found for an update, or read. */
public final class ProvenanceStoreException extends RuntimeException {
  public ProvenanceStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public ProvenanceStoreException(String message) {
    super(message);
  }
}
