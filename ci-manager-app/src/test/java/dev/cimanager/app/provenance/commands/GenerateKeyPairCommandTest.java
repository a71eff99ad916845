package dev.cimanager.app.provenance.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.ssca.signing.PublicKeys;
import dev.cimanager.ssca.signing.Signer;
import dev.cimanager.ssca.signing.SigningKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateKeyPairCommandTest {
  @TempDir Path dir;

  @Test
  void run_writesACosignKeyPairThatSignsAndVerifiesWithThePasswordFromTheEnvironment()
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommandLine.Result result =
        CommandLine.run(
            command(out, Map.of("COSIGN_PASSWORD", "p@ss word "), ""),
            out,
            "generate-key-pair",
            "--output-prefix",
            dir.resolve("keys/cosign").toString());

    assertThat(result.succeeded()).as(result.toString()).isTrue();
    Path privateKey = dir.resolve("keys/cosign.key");
    Path publicKey = dir.resolve("keys/cosign.pub");
    assertThat(result.stdout())
        .contains("Private key written to " + privateKey, "Public key written to " + publicKey);
    String pem = Files.readString(privateKey);
    assertThat(pem).startsWith("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----");
    String json =
        new String(
            Base64.getMimeDecoder()
                .decode(
                    pem.lines()
                        .filter(line -> !line.startsWith("-----"))
                        .reduce("", String::concat)),
            StandardCharsets.UTF_8);
    assertThat(json).contains("\"N\":65536");
    assertThat(Files.getPosixFilePermissions(privateKey))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    Signer signer =
        SigningKeys.load(
            Files.readAllBytes(privateKey), "p@ss word ".getBytes(StandardCharsets.UTF_8));
    byte[] message = "payload".getBytes(StandardCharsets.UTF_8);
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(PublicKeys.parse(Files.readAllBytes(publicKey)));
    verifier.update(message);
    assertThat(verifier.verify(signer.sign(message))).isTrue();
  }

  @Test
  void run_withoutTheVariableReadsThePasswordFromStandardInput() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommandLine.Result result =
        CommandLine.run(
            command(out, Map.of(), ""),
            out,
            "generate-key-pair",
            "--output-prefix",
            dir.resolve("cosign").toString());

    assertThat(result.succeeded()).as(result.toString()).isTrue();
    assertThat(SigningKeys.load(Files.readAllBytes(dir.resolve("cosign.key")), new byte[0]))
        .isNotNull();
  }

  @Test
  void run_refusesToOverwriteAKey() throws Exception {
    Files.writeString(dir.resolve("cosign.key"), "precious");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    CommandLine.Result result =
        CommandLine.run(
            command(out, Map.of("COSIGN_PASSWORD", ""), ""),
            out,
            "generate-key-pair",
            "--output-prefix",
            dir.resolve("cosign").toString());

    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr())
        .contains("error: tried to write " + dir.resolve("cosign.key") + " but it already exists");
    assertThat(Files.readString(dir.resolve("cosign.key"))).isEqualTo("precious");
    assertThat(dir.resolve("cosign.pub")).doesNotExist();
  }

  private static GenerateKeyPairCommand command(
      ByteArrayOutputStream out, Map<String, String> env, String stdin) {
    return new GenerateKeyPairCommand(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        env::get,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        null);
  }
}
