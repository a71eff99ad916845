package dev.cimanager.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  @Test
  void mask_replacesEveryOccurrence() {
    SecretMasker masker = SecretMasker.ofValues(List.of("hunter2"));

    assertThat(masker.mask("login hunter2 ok hunter2"))
        .isEqualTo("login ************** ok **************");
  }

  @Test
  void mask_longerValueFirst() {
    SecretMasker masker = SecretMasker.ofValues(List.of("abc", "abcdef"));

    assertThat(masker.mask("x abcdef y")).isEqualTo("x ************** y");
  }

  @Test
  void mask_multiLineValueLineByLine() {
    SecretMasker masker =
        SecretMasker.ofValues(
            List.of("-----BEGIN KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END KEY-----\n"));

    assertThat(masker.mask("read line MIGHAgEAMBMGByqGSM49")).isEqualTo("read line **************");
  }

  @Test
  void mask_emptyValueIgnored() {
    SecretMasker masker = SecretMasker.ofValues(List.of(""));

    assertThat(masker.mask("unchanged")).isEqualTo("unchanged");
  }
}
