package dev.cimanager.app.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.app.config.AllowedPrivateHosts;
import dev.cimanager.app.config.InsecureRegistries;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressesTest {
  private static final OutboundAddresses STRICT =
      new OutboundAddresses(AllowedPrivateHosts.none(), InsecureRegistries.parse(""));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::a9fe:a9fe"
      })
  void internalAddresses(String address) throws Exception {
    assertThat(OutboundAddresses.isInternal(InetAddress.getByName(address))).as(address).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"8.8.8.8", "203.0.113.5", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
  void publicAddresses(String address) throws Exception {
    assertThat(OutboundAddresses.isInternal(InetAddress.getByName(address))).as(address).isFalse();
  }

  @Test
  void check_refusesLoopbackNamesAndLiterals() {
    for (String url :
        new String[] {
          "http://127.0.0.1:8081/healthcheck",
          "http://localhost:5000",
          "http://[::1]:5000",
          "http://169.254.169.254/latest/meta-data",
          "https://10.0.0.1"
        }) {
      assertThatThrownBy(() -> STRICT.check(URI.create(url)))
          .as(url)
          .isInstanceOf(AddressRefusedException.class)
          .hasMessageContaining("CI_MANAGER_ALLOWED_PRIVATE_HOSTS");
    }
  }

  @Test
  void check_allowsListedHostsAndInsecureRegistries() {
    OutboundAddresses allowing =
        new OutboundAddresses(
            AllowedPrivateHosts.parse("git.internal, 10.0.0.5:8443,localhost"),
            InsecureRegistries.parse("127.0.0.1:5000"));

    allowing.check(URI.create("http://127.0.0.1:5000/v2/"));
    allowing.check(URI.create("https://10.0.0.5:8443/repo.git"));
    allowing.check(URI.create("http://localhost:1234/"));
    allowing.check(URI.create("https://203.0.113.5/repo.git"));
    allowing.check(URI.create("https://no-such-host.invalid/repo.git"));
    assertThatThrownBy(() -> allowing.check(URI.create("https://10.0.0.5/repo.git")))
        .isInstanceOf(AddressRefusedException.class);
    assertThatThrownBy(() -> allowing.check(URI.create("http://127.0.0.1:5001/")))
        .isInstanceOf(AddressRefusedException.class);
  }

  @Test
  void parse_namesTheBadEntry() {
    assertThatThrownBy(() -> AllowedPrivateHosts.parse("ok.host, bad host"))
        .hasMessageContaining("CI_MANAGER_ALLOWED_PRIVATE_HOSTS")
        .hasMessageContaining("'bad host'");
  }
}
