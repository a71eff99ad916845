package dev.cimanager.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InsecureRegistriesTest {
  @Test
  void parse_commaSeparatedHostPorts() {
    InsecureRegistries registries =
        InsecureRegistries.parse(" 127.0.0.1:5000, Registry.local:443 ,");

    assertThat(registries.isInsecure("127.0.0.1:5000")).isTrue();
    assertThat(registries.isInsecure("registry.local:443")).isTrue();
    assertThat(registries.isInsecure("127.0.0.1:5001")).isFalse();
  }

  @Test
  void parse_empty() {
    assertThat(InsecureRegistries.parse("").hostPorts()).isEmpty();
  }

  @Test
  void parse_withoutPort_namesTheSettingAndEntry() {
    assertThatThrownBy(() -> InsecureRegistries.parse("127.0.0.1:5000,localhost"))
        .hasMessageContaining("CI_MANAGER_INSECURE_REGISTRIES")
        .hasMessageContaining("'localhost'");
    assertThatThrownBy(() -> InsecureRegistries.parse("http://x:5000"))
        .hasMessageContaining("host:port");
  }
}
