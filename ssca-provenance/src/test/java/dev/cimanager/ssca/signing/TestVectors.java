package dev.cimanager.ssca.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;

/** Reads the Cosign/DSSE vectors copied from /work/shared/testdata/cosign into test resources. */
final class TestVectors {

  private TestVectors() {}

  /**
   * {@code path} relative to {@code src/test/resources/cosign/}, e.g. {@code
   * dsse/cosign-blob-test.pub}.
   */
  static byte[] read(String path) {
    return resource("/cosign/" + path);
  }

  /** A key made with OpenSSL, in {@code src/test/resources/keys/} (see its README). */
  static byte[] openssl(String file) {
    return resource("/keys/" + file);
  }

  private static byte[] resource(String path) {
    try (InputStream in = TestVectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test vector " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh JDK key pair: "EC" with a curve name, "RSA" with a bit size, or "Ed25519". */
  static KeyPair generate(String algorithm, Object parameter) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (parameter instanceof String curve) {
        generator.initialize((AlgorithmParameterSpec) new ECGenParameterSpec(curve));
      } else if (parameter instanceof Integer bits) {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
      throw new IllegalStateException(e);
    }
  }
}
