package dev.cimanager.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without CI_MANAGER_ADMIN_TOKEN the admin tasks are off. */
class AdminTasksDisabledApiTest {
  @RegisterExtension static final TestApp APP = new TestApp().with("security.adminToken", "");

  @Test
  void adminTasks_areOff() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            APP.adminUrl() + "/tasks/log-level?logger=dev.cimanager&level=OFF"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer anything")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("ADMIN_TASKS_DISABLED").contains("CI_MANAGER_ADMIN_TOKEN");
  }
}
