package dev.cimanager.ssca.signing;

import java.util.Objects;

/** An envelope whose {@code signature} verified over its PAE; read the payload from here, not before. */
public record VerifiedEnvelope(Envelope envelope, Envelope.Signature signature) {
  public VerifiedEnvelope {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(signature, "signature");
  }

  public String payloadType() {
    return envelope.payloadType();
  }

  public byte[] payload() {
    return envelope.payload();
  }
}
