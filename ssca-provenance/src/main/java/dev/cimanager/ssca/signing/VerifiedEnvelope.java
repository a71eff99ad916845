package dev.cimanager.ssca.signing;

import java.util.Objects;

/**
 * An envelope whose {@code signature} verified over its PAE; read the payload from here, not
 * before. Only {@link DsseVerifier} makes one (a class, not a record, so no one else can construct
 * it).
 */
public final class VerifiedEnvelope {

  private final Envelope envelope;
  private final Envelope.Signature signature;

  VerifiedEnvelope(Envelope envelope, Envelope.Signature signature) {
    this.envelope = Objects.requireNonNull(envelope, "envelope");
    this.signature = Objects.requireNonNull(signature, "signature");
  }

  public Envelope envelope() {
    return envelope;
  }

  /** The first signature that verified. */
  public Envelope.Signature signature() {
    return signature;
  }

  public String payloadType() {
    return envelope.payloadType();
  }

  public byte[] payload() {
    return envelope.payload();
  }

  @Override
  public String toString() {
    return "VerifiedEnvelope[" + envelope + ", verified by " + signature + "]";
  }
}
