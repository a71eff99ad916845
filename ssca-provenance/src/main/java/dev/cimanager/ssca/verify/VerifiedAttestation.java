package dev.cimanager.ssca.verify;

import dev.cimanager.ssca.spi.Digest;
import java.util.Objects;

/**
 * One {@code .att} layer that passed every check.
 *
 * @param layerIndex position in the manifest's layers, from 0
 * @param statementJson the signed in-toto Statement, exactly as signed
 */
public record VerifiedAttestation(
    int layerIndex, Digest layerDigest, byte[] statementJson, String predicateType) {
  public VerifiedAttestation {
    Objects.requireNonNull(layerDigest, "layerDigest");
    statementJson = Objects.requireNonNull(statementJson, "statementJson").clone();
    Objects.requireNonNull(predicateType, "predicateType");
  }

  @Override
  public byte[] statementJson() {
    return statementJson.clone();
  }
}
