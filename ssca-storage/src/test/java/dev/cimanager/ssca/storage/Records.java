package dev.cimanager.ssca.storage;

import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Provenance records for storage tests. */
final class Records {
  static final Instant T0 = Instant.parse("2026-11-26T05:00:00.123Z");

  private Records() {}

  static String digest(int n) {
    return "sha256:" + String.format("%064x", n);
  }

  static ProvenanceRecord pending(
      String id, String account, String execution, String digest, Instant createdAt) {
    // an envelope with bytes a text round trip would change: non-ASCII, CRLF, trailing whitespace
    byte[] envelope =
        ("{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"e30=\",\"signatures\":"
                + "[{\"keyid\":\"\",\"sig\":\""
                + id
                + "\"}]}\r\n  é\u0000")
            .getBytes(StandardCharsets.UTF_8);
    return new ProvenanceRecord(
        id,
        account,
        "default",
        "demo",
        "build_app",
        execution,
        "build",
        "BuildAndPush",
        "127.0.0.1:5000/demo/app",
        List.of("1.0", "7"),
        digest,
        "https://slsa.dev/provenance/v1",
        "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8),
        envelope,
        ProvenanceStatus.PENDING,
        null,
        null,
        createdAt,
        createdAt);
  }
}
