package dev.cimanager.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
  @TempDir Path dataDir;

  @Test
  void load_malformedBase64_namesTheSetting() {
    assertThatThrownBy(() -> MasterKey.load("not base64 !!", dataDir))
        .hasMessageContaining("CI_MANAGER_MASTER_KEY")
        .hasMessageContaining("base64");
  }

  @Test
  void load_wrongLength_saysHowLong() {
    String sixteen = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> MasterKey.load(sixteen, dataDir))
        .hasMessageContaining("CI_MANAGER_MASTER_KEY")
        .hasMessageContaining("16 bytes");
  }

  @Test
  void load_empty_generatesDevKeyOnceAndReusesIt() throws Exception {
    MasterKey first = MasterKey.load("", dataDir);
    String stored = Files.readString(dataDir.resolve("master.key"));
    MasterKey second = MasterKey.load("", dataDir);

    assertThat(Base64.getDecoder().decode(stored.trim())).hasSize(32);
    assertThat(second.secretKey().getEncoded()).isEqualTo(first.secretKey().getEncoded());
    assertThat(first.toString()).doesNotContain(stored.trim());
  }

  @Test
  void cipher_wrongMasterKeyOrOtherSecretIdOrVersion_failsToDecrypt() {
    SecretCipher cipher =
        new SecretCipher(MasterKey.load(Base64.getEncoder().encodeToString(new byte[32]), dataDir));
    byte[] one = new byte[32];
    one[0] = 1;
    SecretCipher otherKey =
        new SecretCipher(MasterKey.load(Base64.getEncoder().encodeToString(one), dataDir));
    EncryptedValue encrypted = cipher.encrypt("v".getBytes(), "acct:a", 1);

    assertThat(cipher.decrypt(encrypted, "acct:a", 1)).isEqualTo("v".getBytes());
    assertThatThrownBy(() -> cipher.decrypt(encrypted, "acct:b", 1))
        .hasMessageContaining("acct:b version 1");
    assertThatThrownBy(() -> cipher.decrypt(encrypted, "acct:a", 2))
        .hasMessageContaining("acct:a version 2");
    assertThatThrownBy(() -> otherKey.decrypt(encrypted, "acct:a", 1))
        .hasMessageContaining("wrong master key");
  }
}
