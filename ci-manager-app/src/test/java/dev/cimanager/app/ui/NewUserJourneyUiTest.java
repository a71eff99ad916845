package dev.cimanager.app.ui;

import static dev.cimanager.app.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A new user's whole path in the browser, from an account with nothing but its {@code default} org:
 * create the first project, generate a Cosign key pair and upload a file secret, create and test
 * the registry and Git connectors, create the pipeline from the form, turn on SLSA provenance in
 * the Build stage settings, run it and watch its logs, open the Artifacts tab and download the
 * provenance, and re-run it. Every page and dialog shown is checked with axe-core (WCAG 2.1 AA)
 * when its screenshot is taken ({@code target/screenshots/journey-*.png}). Two builds in all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@IntegrationTest
class NewUserJourneyUiTest {
  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension static final TestApp APP = new TestApp().pushingTo(REGISTRY);

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

  private static Path origin;
  @TempDir static Path uploads;

  private static RevCommit commit;
  private static ApiClient newUser;
  private static Browser browser;
  private static String firstExecution;

  @BeforeAll
  static void emptyAccountAndARepository() throws Exception {
    newUser = APP.newAccount();
    // where CI_MANAGER_GIT_LOCAL_ROOT lets this account's file:// URLs point
    origin = TestApp.localGitFolder(newUser.accountId()).resolve("app");
    commit = BuildFixtures.commitScratchImage(origin);
    browser = Browser.start(APP.baseUrl());
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void signIn_theHomePageOffersTheFirstProject() {
    browser.open("#/signin");
    browser.visible("token-input").sendKeys(newUser.token());
    browser.visible("signin-submit").click();
    browser.visible("create-first-project");
    browser.screenshot("journey-01-welcome");

    browser.visible("create-first-project").click();
    browser.visible("project-dialog");
    browser.visible("project-name").sendKeys("Demo shop");
    assertThat(browser.visible("project-identifier").getDomProperty("value"))
        .isEqualTo("demo_shop");
    browser.screenshot("journey-02-new-project-dialog");
    browser.visible("project-dialog-submit").click();

    browser.visible("pipelines-page");
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/orgs/default/projects/demo_shop");
    assertThat(browser.visible("no-pipelines").getText()).contains("No pipelines");
    assertThat(newUser.get("/api/v1/orgs/default/projects/demo_shop").json().get("name").asText())
        .isEqualTo("Demo shop");
    browser.screenshot("journey-03-empty-project");
  }

  @Test
  @Order(2)
  void secrets_generateAKeyPairDownloadThePublicKeyAndUploadAFile() throws IOException {
    browser.visible("nav-secrets").click();
    browser.visible("no-secrets");
    browser.visible("generate-key-pair").click();
    browser.visible("keypair-dialog");
    browser.screenshot("journey-04-key-pair-dialog");
    browser.visible("keypair-dialog-submit").click();

    WebElement result = browser.visible("keypair-result");
    assertThat(result.findElement(testId("keypair-secrets")).getText())
        .contains("cosign_private_key")
        .contains("cosign_public_key")
        .contains("cosign_password");
    browser.screenshot("journey-05-key-pair-created");
    browser.visible("keypair-download").click();
    Path publicKey = browser.awaitDownload("cosign.pub");
    assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
    browser.visible("keypair-done").click();

    browser.await(d -> browser.all("secret-row").size() == 3, "the three key pair secrets listed");
    WebElement privateKey =
        browser.visible(
            By.cssSelector("[data-testid='secret-row'][data-secret='cosign_private_key']"));
    assertThat(privateKey.getDomAttribute("data-type")).isEqualTo("SecretFile");
    assertThat(privateKey.findElement(testId("secret-version")).getText()).isEqualTo("1");
    assertThat(privateKey.getText()).doesNotContain("PRIVATE KEY");

    // a file secret by upload
    Path file = uploads.resolve("ca.pem");
    Files.writeString(file, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    browser.visible("new-secret").click();
    browser.visible("secret-name").sendKeys("Registry CA");
    new Select(browser.visible("secret-type")).selectByValue("SecretFile");
    browser.visible("secret-file").sendKeys(file.toString());
    assertThat(browser.visible("secret-file-name").getText()).startsWith("ca.pem");
    browser.screenshot("journey-06-file-secret-dialog");
    browser.visible("secret-dialog-submit").click();
    browser.visible(
        By.cssSelector(
            "[data-testid='secret-row'][data-secret='registry_ca'][data-type='SecretFile']"));
    browser.await(
        d ->
            !browser
                .visible(By.cssSelector("[data-secret='registry_ca'] [data-testid='secret-usage']"))
                .getText()
                .equals("…"),
        "where-used loaded");
    assertThat(
            browser
                .visible(By.cssSelector("[data-secret='registry_ca'] [data-testid='secret-usage']"))
                .getText())
        .isEqualTo("Not used");
    browser.screenshot("journey-07-secrets");
  }

  @Test
  @Order(3)
  void connectors_createTheRegistryAndTheRepositoryAndTestThem() {
    browser.visible("nav-connectors").click();
    browser.visible("no-connectors");

    browser.visible("new-connector").click();
    browser.visible("connector-name").sendKeys("Local registry");
    browser.visible("connector-url").sendKeys(REGISTRY.url().toString());
    browser.screenshot("journey-08-connector-dialog");
    browser.visible("connector-dialog-submit").click();
    WebElement registry =
        browser.visible(
            By.cssSelector("[data-testid='connector-row'][data-connector='local_registry']"));
    registry.findElement(testId("test-connector")).click();
    browser.await(
        d -> browser.visible("connector-test-result").getDomAttribute("data-ok") != null,
        "test answered");
    assertThat(browser.visible("connector-test-result").getText())
        .contains("Reached the registry at " + REGISTRY.url());

    browser.visible("new-connector").click();
    new Select(browser.visible("connector-type")).selectByValue("Git");
    browser.visible("connector-name").sendKeys("App repo");
    browser.visible("connector-url").sendKeys(origin.toUri().toString());
    browser.visible("connector-dialog-submit").click();
    WebElement git =
        browser.visible(By.cssSelector("[data-testid='connector-row'][data-connector='app_repo']"));
    git.findElement(testId("test-connector")).click();
    browser.await(
        d ->
            browser.all("connector-test-result").stream()
                .anyMatch(r -> r.getText().contains("Reached the repository")),
        "git test answered");
    browser.screenshot("journey-09-connectors-tested");
  }

  @Test
  @Order(4)
  void newPipeline_theFormWritesTheYaml() {
    browser.visible("nav-pipelines").click();
    browser.visible("new-pipeline").click();
    browser.visible("new-pipeline-form");
    browser.visible("pipeline-name").sendKeys("Build app");
    assertThat(browser.visible("pipeline-identifier").getDomProperty("value"))
        .isEqualTo("build_app");
    select("codebase-connector", "app_repo");
    select("registry-connector", "local_registry");
    browser.visible("step-repo").sendKeys("demo/app");

    String yaml = browser.visible("new-pipeline-yaml").getText();
    assertThat(yaml)
        .contains("identifier: build_app")
        .contains("connectorRef: app_repo")
        .contains("connectorRef: local_registry")
        .contains("repo: demo/app")
        .doesNotContain("slsa_provenance");
    browser.screenshot("journey-10-new-pipeline-form");
    browser.visible("create-pipeline").click();

    browser.visible(By.cssSelector("[data-testid='pipeline-page'][data-pipeline='build_app']"));
    assertThat(browser.visible("pipeline-title").getText()).contains("Build app");
    assertThat(newUser.get("/api/v1/orgs/default/projects/demo_shop/pipelines/build_app").body())
        .isEqualTo(yaml + "\n");
  }

  @Test
  @Order(5)
  void settings_turnOnSlsaWithTheGeneratedKey() {
    browser.visible("tab-settings").click();
    browser.visible("slsa-toggle").click();
    new Select(browser.visible("private-key-select")).selectByValue("cosign_private_key");
    new Select(browser.visible("password-select")).selectByValue("cosign_password");
    browser.screenshot("journey-11-stage-settings");

    browser
        .visible("tab-executions")
        .click(); // unsaved: the page asks first, and staying keeps the edits
    var alert =
        browser.await(
            org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()::apply,
            "the unsaved-changes question");
    assertThat(alert.getText()).contains("unsaved changes");
    alert.dismiss();
    assertThat(browser.visible("slsa-toggle").isSelected()).isTrue();
    assertThat(browser.driver().getCurrentUrl()).endsWith("/settings");

    browser.visible("settings-save").click();
    browser.visible("settings-saved");

    assertThat(newUser.get("/api/v1/orgs/default/projects/demo_shop/pipelines/build_app").body())
        .contains("private_key: cosign_private_key")
        .contains("password: cosign_password");
  }

  @Test
  @Order(6)
  void run_theLogsStreamAndTheHeaderNamesTheCommit() {
    browser.visible("run-pipeline").click();
    assertThat(browser.visible("run-default-branch").getText()).contains("main");
    browser.screenshot("journey-12-run-dialog");
    browser.visible("run-submit").click();

    browser.visible("execution-page");
    firstExecution = browser.visible("execution-page").getDomAttribute("data-execution-id");
    // the running step's logs open by themselves and grow while it runs (unless the build was over
    // before the page first saw it running: then they are opened by hand)
    browser.await(
        d ->
            browser.all("step-logs").stream().anyMatch(l -> l.getText().contains("Cloning"))
                || !"RUNNING"
                        .equals(browser.visible("execution-status").getDomAttribute("data-status"))
                    && !"QUEUED"
                        .equals(browser.visible("execution-status").getDomAttribute("data-status")),
        "the logs of the running step, or the end of the run",
        RUN_TIMEOUT);
    browser.awaitAttribute(testId("execution-status"), "data-status", "SUCCESS", RUN_TIMEOUT);
    WebElement toggle = browser.visible("step-logs-toggle");
    if (!"true".equals(toggle.getDomAttribute("aria-expanded"))) {
      toggle.click();
    }
    browser.await(
        d -> browser.visible("step-logs").getText().contains("SLSA provenance: signed"),
        "the whole log");

    assertThat(browser.visible("execution-commit").getText())
        .isEqualTo(commit.name().substring(0, 7));
    assertThat(browser.visible("execution-branch").getText()).isEqualTo("main");
    assertThat(browser.visible("execution-pipeline").getText())
        .as("names over identifiers")
        .isEqualTo("Build app");
    assertThat(browser.visible("announcer").getAttribute("textContent")).contains("ended: Success");
    assertThat(browser.driver().getTitle()).isEqualTo("Build app #1 · Success · CI Manager");
    assertThat(browser.all("execution-failure")).isEmpty();
    String logs = browser.visible("step-logs").getText();
    assertThat(logs).contains("SLSA provenance: signed with cosign_private_key");
    browser.visible("log-search").sendKeys("SLSA provenance");
    assertThat(browser.visible("log-matches").getText()).matches("\\d+ matching lines?");
    browser.screenshot("journey-13-execution-logs");
  }

  @Test
  @Order(7)
  void artifacts_downloadTheProvenance() throws IOException {
    browser.visible("tab-artifacts").click();
    WebElement row =
        browser.visible(
            By.cssSelector("[data-testid='artifact-row'][data-provenance-status='PUSHED']"));
    assertThat(row.findElement(testId("attestation-ref")).getText()).endsWith(".att");
    row.findElement(testId("download-provenance")).click();

    Path provenance = browser.awaitDownload("slsa_provenance_build_BuildAndPush.json");
    assertThat(Files.readString(provenance, StandardCharsets.UTF_8))
        .contains("https://slsa.dev/provenance/v1");
    browser.screenshot("journey-14-artifacts");
  }

  @Test
  @Order(8)
  void rerun_startsTheNextRunOfTheSamePipeline() {
    browser.visible("rerun-execution").click();

    browser.await(
        d -> {
          String id = browser.visible("execution-page").getDomAttribute("data-execution-id");
          return id != null && !id.equals(firstExecution);
        },
        "the re-run's page");
    browser.awaitAttribute(testId("execution-status"), "data-status", "SUCCESS", RUN_TIMEOUT);
    assertThat(browser.visible("execution-sequence").getText()).isEqualTo("#2");
    browser.screenshot("journey-15-rerun");
  }

  @Test
  @Order(9)
  void deletingAUsedSecretWarnsAndAMissingExecutionShowsNoTabs() {
    browser.open("#/orgs/default/projects/demo_shop/secrets");
    browser
        .visible(By.cssSelector("[data-secret='cosign_password'] [data-testid='delete-secret']"))
        .click();
    WebElement warning = browser.visible("delete-warning");
    assertThat(warning.getText()).contains("Build app");
    browser.screenshot("journey-16-delete-warning");
    browser.visible("delete-dialog-cancel").click();
    assertThat(
            newUser.get("/api/v1/orgs/default/projects/demo_shop/secrets/cosign_password").status())
        .isEqualTo(200);

    browser.open("#/executions/no_such_execution");
    assertThat(browser.visible("execution-error").getText()).contains("not found");
    assertThat(browser.all("execution-tabs").get(0).isDisplayed())
        .as("no tabs for a missing execution")
        .isFalse();
    browser.screenshot("journey-17-missing-execution");

    browser.open("#/projects");
    browser
        .visible(
            By.cssSelector(
                "[data-testid='project-row'][data-project='demo_shop'] [data-testid='rename-project']"))
        .click();
    WebElement name = browser.visible("rename-name");
    name.clear();
    name.sendKeys("Demo store");
    browser.visible("rename-dialog-submit").click();
    browser.await(
        d ->
            browser
                .visible(By.cssSelector("[data-project='demo_shop']"))
                .getText()
                .contains("Demo store"),
        "renamed project listed");
    browser.screenshot("journey-18-projects");
  }

  private static void select(String testId, String value) {
    try {
      browser.await(
          d ->
              browser
                      .visible(testId)
                      .findElements(By.cssSelector("option[value='" + value + "']"))
                      .size()
                  == 1,
          testId + " offers " + value);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          testId
              + " does not offer "
              + value
              + ": "
              + browser.visible(testId).getDomProperty("outerHTML"),
          e);
    }
    new Select(browser.visible(testId)).selectByValue(value);
  }

  @Test
  @Order(10)
  void abort_aRunningBuildEndsAbortedAndSaysWho() throws Exception {
    Path slow = TestApp.localGitFolder(newUser.accountId()).resolve("slow");
    ExecutionFixtures.commitSleepingImage(slow, 120);
    BuildFixtures.gitConnector(newUser, "", "slow_repo", slow.toUri());
    BuildFixtures.registryConnector(newUser, "", "local_registry", REGISTRY.url());
    String pipelines = "/api/v1/orgs/default/projects/demo_shop/pipelines/";
    assertThat(
            newUser
                .putYaml(
                    pipelines + "slow_app",
                    ExecutionFixtures.pipeline("slow_app", "slow_repo", "demo/slow", false)
                        .yaml()
                        .replace("projectIdentifier: demo\n", "projectIdentifier: demo_shop\n"))
                .status())
        .isIn(200, 201);
    String executionId =
        newUser
            .postJson(pipelines + "slow_app/executions", java.util.Map.of())
            .json()
            .get("executionId")
            .asText();

    browser.open("#/executions/" + executionId);
    browser.awaitAttribute(testId("execution-status"), "data-status", "RUNNING", RUN_TIMEOUT);
    browser.click("abort-execution");

    browser.awaitAttribute(
        testId("execution-status"), "data-status", "ABORTED", Duration.ofSeconds(60));
    assertThat(browser.visible("execution-aborted-by").getText()).isNotBlank();
    assertThat(newUser.get("/api/v1/executions/" + executionId).json().get("status").asText())
        .isEqualTo("ABORTED");
    browser.screenshot("journey-19-aborted");
  }
}
