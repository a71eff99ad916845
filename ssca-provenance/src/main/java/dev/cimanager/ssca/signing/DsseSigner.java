package dev.cimanager.ssca.signing;

import java.util.List;
import java.util.Objects;

/**
 * Signs payloads as DSSE envelopes: the wrapped {@link Signer} signs the PAE, never the bare
 * payload.
 */
public final class DsseSigner {

  private final Signer signer;

  public DsseSigner(Signer signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  /**
   * One-signature envelope over {@code Pae.encode(payloadType, payload)}; keyid is {@link
   * Signer#keyId()}.
   */
  public Envelope sign(String payloadType, byte[] payload) {
    byte[] signature = signer.sign(Pae.encode(payloadType, payload));
    return new Envelope(
        payloadType, payload, List.of(new Envelope.Signature(signer.keyId(), signature)));
  }
}
