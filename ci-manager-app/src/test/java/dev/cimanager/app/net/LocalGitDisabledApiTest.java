package dev.cimanager.app.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without CI_MANAGER_GIT_LOCAL_ROOT no {@code file://} Git URL is accepted. */
class LocalGitDisabledApiTest {
  @RegisterExtension static final TestApp APP = new TestApp().with("gitLocalRoot", "");

  @Test
  void fileUrls_areRefused() {
    ApiClient acme = APP.newAccount();
    String url = TestApp.localGitFolder(acme.accountId()).resolve("app.git").toUri().toString();

    ApiResponse response =
        acme.postJson(
            "/api/v1/connectors",
            Map.of(
                "identifier",
                "repo",
                "name",
                "repo",
                "type",
                "Git",
                "spec",
                Map.of(
                    "url",
                    url,
                    "connectionType",
                    "Repo",
                    "authentication",
                    Map.of("type", "Anonymous"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("GIT_URL_REFUSED");
    assertThat(response.message())
        .contains("spec.url")
        .contains("CI_MANAGER_GIT_LOCAL_ROOT is not set");
  }
}
