package dev.cimanager.app.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.connectors.ConnectorException;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code file://} Git connectors: only under {@code <CI_MANAGER_GIT_LOCAL_ROOT>/<account>/}, links
 * resolved.
 */
class LocalGitRootApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static ApiClient acme;
  private static ApiClient other;
  private static Path acmeFolder;
  private static Path otherRepo;

  @BeforeAll
  static void accounts() throws Exception {
    acme = APP.newAccount();
    other = APP.newAccount();
    acmeFolder = TestApp.localGitFolder(acme.accountId());
    otherRepo =
        Files.createDirectories(TestApp.localGitFolder(other.accountId()).resolve("secret-repo"));
  }

  private static ApiResponse saveGit(ApiClient client, String identifier, String url) {
    return client.postJson("/api/v1/connectors", BuildFixtures.gitConnectorBody(identifier, url));
  }

  @Test
  void ownFolder_isAccepted_existingOrNot() throws Exception {
    Path repo = Files.createDirectories(acmeFolder.resolve("app.git"));

    assertThat(saveGit(acme, "own_repo", repo.toUri().toString()).status()).isEqualTo(201);
    assertThat(
            saveGit(acme, "later_repo", acmeFolder.resolve("not-yet").toUri().toString()).status())
        .isEqualTo(201);
  }

  @Test
  void anotherAccountsRepository_isRefused_withoutTellingWhetherItExists() {
    ApiResponse existing = saveGit(acme, "steal", otherRepo.toUri().toString());
    ApiResponse missing =
        saveGit(acme, "steal2", otherRepo.resolveSibling("nothing-here").toUri().toString());
    ApiResponse outside = saveGit(acme, "etc", "file:///etc/");

    for (ApiResponse response : new ApiResponse[] {existing, missing, outside}) {
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.code()).isEqualTo("GIT_URL_REFUSED");
      assertThat(response.message()).contains("spec.url").contains("/" + acme.accountId() + "/");
    }
    assertThat(existing.message().replace(otherRepo.toUri().toString(), "URL"))
        .isEqualTo(
            missing
                .message()
                .replace(otherRepo.resolveSibling("nothing-here").toUri().toString(), "URL"));
    assertThat(acme.get("/api/v1/connectors/steal").status()).isEqualTo(404);
  }

  @Test
  void dotDotAndSymlinks_areResolvedBeforeTheCheck() throws Exception {
    Path link = acmeFolder.resolve("innocent");
    Files.createSymbolicLink(link, otherRepo);
    String dotDot = "file://" + acmeFolder + "/../" + other.accountId() + "/secret-repo";
    String dotDotMissing =
        "file://" + acmeFolder + "/missing/../../" + other.accountId() + "/secret-repo";

    assertThat(saveGit(acme, "via_link", link.toUri().toString()).code())
        .isEqualTo("GIT_URL_REFUSED");
    assertThat(saveGit(acme, "via_dots", dotDot).code()).isEqualTo("GIT_URL_REFUSED");
    assertThat(saveGit(acme, "via_missing_dots", dotDotMissing).code())
        .isEqualTo("GIT_URL_REFUSED");
  }

  @Test
  void useTime_checksAgain_aLinkRepointedAfterSaving() throws Exception {
    Path target = Files.createDirectories(acmeFolder.resolve("real-repo"));
    Path link = acmeFolder.resolve("moving-link");
    Files.createSymbolicLink(link, target);
    assertThat(saveGit(acme, "moving", link.toUri().toString()).status()).isEqualTo(201);
    Files.delete(link);
    Files.createSymbolicLink(link, otherRepo);

    Scope scope = Scope.project(acme.accountId(), "default", "any");
    assertThatThrownBy(
            () -> APP.service(ConnectorService.class).resolveGit(scope, "account.moving"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.reason()).isEqualTo(ConnectorException.Reason.GIT_URL_REFUSED))
        .hasMessageContaining("connector account.moving");
  }
}
