package dev.cimanager.app.ui;

import static dev.cimanager.app.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real browser against the real application, registry, buildah and a {@code
 * file://} Git repository: one user journey from sign-in to a signed provenance, in order. The
 * pipeline is the contract's {@code pipeline-slsa.yaml}, created without {@code slsa_provenance}
 * and switched on in the UI. Three builds in all (each a few seconds): the happy run, shared by the
 * artifact tests; one whose {@code .att} push the registry refuses; one of a stage without
 * provenance. Screenshots land in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@IntegrationTest
class SlsaProvenanceUiTest {
  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension static final TestApp APP = new TestApp().pushingTo(REGISTRY);

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse battery staple";
  private static final String PIPELINES = "/api/v1/orgs/default/projects/demo/pipelines/";
  private static final String ARTIFACT = "build.BuildAndPush";

  /** The contract's stage block, which the UI must write (comments are the example's, not YAML). */
  private static final Pattern SLSA_BLOCK =
      Pattern.compile("(?m)^ {10}slsa_provenance:\\n(?: {12}.*\\n)+");

  @TempDir static Path origin;

  private static String contractYaml;
  private static String withoutProvenance;
  private static ApiClient acme;
  private static Browser browser;
  private static String executionId;

  @BeforeAll
  static void createAccountRepositoryConnectorsSecretsAndPipeline() throws Exception {
    BuildFixtures.commitScratchImage(origin);
    acme = APP.newAccount();
    // the connectors and secrets the contract example refers to, at the scopes it names
    BuildFixtures.demoProject(acme, REGISTRY.url(), origin.toUri());
    CosignKeyPair keys = CosignKeys.generate(PASSWORD.getBytes(StandardCharsets.UTF_8));
    BuildFixtures.cosignSecrets(acme, keys.privateKeyPem(), PASSWORD);

    contractYaml =
        BuildFixtures.contractPipeline()
            .replaceAll("(?m)^( +(?:private_key|password): \\S+) +#.*$", "$1");
    withoutProvenance = SLSA_BLOCK.matcher(contractYaml).replaceFirst("");
    assertThat(withoutProvenance).doesNotContain("slsa_provenance");
    acme.putYaml(PIPELINES + "build_app", withoutProvenance).expect(201);

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
  void signIn_wrongTokenIsRefusedAndTheUserTokenOpensThePipelines() {
    browser.open("#/signin");
    WebElement token = browser.visible("token-input");
    browser.screenshot("01-sign-in");

    token.sendKeys("not-a-token");
    browser.visible("signin-submit").click();
    WebElement error = browser.visible("signin-error");

    assertThat(error.getText()).contains("That token was not accepted");
    assertThat(browser.all("signin-page")).hasSize(1);
    assertThat(browser.all("account").get(0).isDisplayed())
        .as("signed out: no account shown")
        .isFalse();
    browser.screenshot("02-sign-in-wrong-token");

    token.clear();
    token.sendKeys(acme.token());
    browser.visible("signin-submit").click();
    WebElement row =
        browser.visible(By.cssSelector("[data-testid='pipeline-row'][data-pipeline='build_app']"));

    assertThat(row.getText()).contains("Build app");
    assertThat(browser.visible("user-name").getText()).isEqualTo("Test User");
    assertThat(browser.driver().getCurrentUrl())
        .endsWith("#/orgs/default/projects/demo")
        .doesNotContain(acme.token());
    browser.screenshot("03-pipelines");
  }

  @Test
  @Order(2)
  void stageSettings_enablingProvenanceValidatesThenSavesTheContractBlock() {
    browser.open("#/orgs/default/projects/demo");
    browser
        .visible(
            By.cssSelector("[data-pipeline='build_app'] [data-testid='pipeline-settings-link']"))
        .click();
    WebElement stage =
        browser.visible(By.cssSelector("[data-testid='stage-settings'][data-stage='build']"));
    WebElement toggle = stage.findElement(testId("slsa-toggle"));
    Select privateKey = new Select(stage.findElement(testId("private-key-select")));
    Select password = new Select(stage.findElement(testId("password-select")));

    assertThat(toggle.isSelected()).isFalse();
    assertThat(privateKey.getWrappedElement().isEnabled()).isFalse();
    toggle.click();
    browser.visible("settings-save").click();

    assertThat(browser.visible("settings-invalid").getText())
        .contains("Fix the highlighted fields");
    assertThat(stage.findElement(testId("private-key-error")).getText())
        .isEqualTo("Private key is required");
    assertThat(stage.findElement(testId("password-error")).getText())
        .isEqualTo("Password is required");
    assertThat(browser.focusedTestId()).isEqualTo("private-key-select");
    browser.screenshot("04-stage-settings-required");
    // file secrets for the key, text secrets for the password, as YAML references
    assertThat(optionValues(privateKey))
        .contains("account.cosign_private_key")
        .doesNotContain("account.cosign_password");
    assertThat(optionValues(password))
        .contains("account.cosign_password")
        .doesNotContain("account.cosign_private_key");

    privateKey.selectByValue("account.cosign_private_key");
    password.selectByValue("account.cosign_password");
    assertThat(stage.findElement(testId("private-key-error")).getText()).isEmpty();
    assertThat(stage.findElement(testId("password-error")).getText()).isEmpty();
    assertThat(browser.visible("yaml-preview-text").getText())
        .contains("private_key: account.cosign_private_key");
    WebElement save = browser.visible("settings-save");
    save.click();
    WebElement saved = browser.visible("settings-saved");

    assertThat(
            browser.script(
                "const m = arguments[0].getBoundingClientRect();"
                    + " return m.top >= 0 && m.bottom <= arguments[1].getBoundingClientRect().top",
                saved,
                save))
        .as("the outcome is in view, above the sticky Save bar")
        .isEqualTo(true);
    browser.screenshot("05-stage-settings-saved");

    ApiResponse stored = acme.get(PIPELINES + "build_app");
    stored.expect(200);
    assertThat(stored.body()).isEqualTo(contractYaml);
  }

  @Test
  @Order(3)
  void run_fromThePipelinePageRefreshesTheExecutionUntilSuccess() {
    browser.open("#/orgs/default/projects/demo/pipelines/build_app/executions");
    browser
        .visible(By.cssSelector("[data-testid='pipeline-page'] [data-testid='run-pipeline']"))
        .click();
    browser.visible("run-dialog");
    browser.visible("run-submit").click();
    WebElement page = browser.visible("execution-page");
    executionId = page.getDomAttribute("data-execution-id");
    browser.script("window.stillTheSamePage = true");
    String firstStatus = browser.visible("execution-status").getDomAttribute("data-status");

    assertThat(browser.driver().getCurrentUrl()).endsWith("#/executions/" + executionId);
    assertThat(firstStatus).as("the run has just been started").isIn("QUEUED", "RUNNING");
    assertThat(browser.visible("live-indicator").isDisplayed()).isTrue();
    browser.screenshot("06-execution-running");

    browser.awaitAttribute(testId("execution-status"), "data-status", "SUCCESS", RUN_TIMEOUT);

    assertThat(browser.script("return window.stillTheSamePage === true"))
        .as("refreshed in place")
        .isEqualTo(true);
    assertThat(browser.all("live-indicator").get(0).isDisplayed()).isFalse();
    assertThat(acme.get("/api/v1/executions/" + executionId).json().get("status").asText())
        .isEqualTo("SUCCESS");
    WebElement step =
        browser.visible(By.cssSelector("[data-testid='step-row'][data-step='BuildAndPush']"));
    assertThat(step.getDomAttribute("data-status")).isEqualTo("SUCCESS");
    assertThat(
            browser
                .visible(By.cssSelector("[data-testid='stage'][data-stage='build']"))
                .getDomAttribute("data-status"))
        .isEqualTo("SUCCESS");
    assertThat(browser.visible("execution-trigger").getText()).isEqualTo("Manual by Test User");
    browser.screenshot("07-execution-pipeline-tab");

    // the logs of the running step opened by themselves; open them if the run was too quick to be
    // seen running
    if (!"true"
        .equals(step.findElement(testId("step-logs-toggle")).getDomAttribute("aria-expanded"))) {
      step.findElement(testId("step-logs-toggle")).click();
    }
    String logs = browser.visible("step-logs").getText();

    assertThat(logs)
        .contains(
            "SLSA provenance: signed with account.cosign_private_key, pushed "
                + REGISTRY.hostPort()
                + "/demo/app:sha256-")
        .doesNotContain(PASSWORD);
    assertThat(browser.visible("step-logs-toggle").getDomAttribute("aria-expanded"))
        .isEqualTo("true");
    assertWithinItsStage(
        "step-logs-toggle"); // long log lines must not push the button out of the card
    browser.screenshot("08-execution-step-logs");
  }

  @Test
  @Order(4)
  void artifactsTab_showsTheImageWithTheApiDigestAndPushedProvenance() {
    JsonNode artifact = apiArtifact(happyExecution());
    openExecution(executionId, "pipeline");
    browser.visible("tab-artifacts").click();
    WebElement row = artifactRow();

    assertThat(browser.driver().getCurrentUrl())
        .endsWith("#/executions/" + executionId + "/artifacts");
    assertThat(row.getDomAttribute("data-provenance-status")).isEqualTo("PUSHED");
    assertThat(row.findElement(testId("artifact-image")).getText())
        .isEqualTo(REGISTRY.hostPort() + "/demo/app");
    assertThat(row.findElement(testId("artifact-digest")).getDomAttribute("data-digest"))
        .isEqualTo(artifact.get("digest").asText())
        .matches("sha256:[0-9a-f]{64}");
    assertThat(row.findElements(testId("artifact-tag")).stream().map(WebElement::getText))
        .containsExactly("1.0", browser.visible("execution-sequence").getText().substring(1));
    assertThat(row.findElement(testId("provenance-status")).getDomAttribute("data-status"))
        .isEqualTo("PUSHED");
    assertThat(row.findElement(testId("attestation-ref")).getText())
        .isEqualTo(artifact.at("/provenance/attestationRef").asText())
        .isEqualTo(
            REGISTRY.hostPort()
                + "/demo/app:sha256-"
                + artifact.get("digest").asText().substring(7)
                + ".att");
    assertThat(row.findElements(testId("retry-push"))).isEmpty();
    browser.screenshot("09-execution-artifacts-tab");
  }

  @Test
  @Order(5)
  void artifactsTab_narrowWindowStacksTheRowWithoutSideScrolling() {
    openExecution(happyExecution(), "artifacts");
    try {
      browser.viewport(400, 800);
      WebElement row = artifactRow();

      assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
          .as("no horizontal scrolling at 400 px")
          .isEqualTo(true);
      assertThat(row.findElement(testId("provenance-status")).isDisplayed()).isTrue();
      assertThat(row.findElement(testId("download-provenance")).isDisplayed()).isTrue();
      browser.screenshot("10-execution-artifacts-narrow");
    } finally {
      browser.viewport(1280, 800);
    }
  }

  @Test
  @Order(6)
  void viewProvenance_showsTheApiStatement() throws IOException {
    openExecution(happyExecution(), "artifacts");
    artifactRow().findElement(testId("view-provenance")).click();
    browser.visible("provenance-dialog");
    String shown = browser.visible("provenance-json").getText();

    JsonNode statement = JSON.readTree(shown);
    assertThat(statement).isEqualTo(acme.get(artifactPath(executionId) + "/provenance").json());
    assertThat(statement.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
    assertThat(
            statement
                .at("/predicate/buildDefinition/internalParameters/pipelineExecutionId")
                .asText())
        .isEqualTo(executionId);
    browser.screenshot("11-provenance-dialog");

    browser.visible("provenance-close").click();
    browser.await(
        d -> browser.all("provenance-dialog").isEmpty(), "the provenance dialog to close");
  }

  @Test
  @Order(7)
  void downloads_saveTheApiStatementAndEnvelopeUnderTheirNames() throws IOException {
    openExecution(happyExecution(), "artifacts");
    artifactRow().findElement(testId("download-provenance")).click();

    Path statement = browser.awaitDownload("slsa_provenance_build_BuildAndPush.json");

    assertThat(Files.readAllBytes(statement))
        .isEqualTo(acme.get(artifactPath(executionId) + "/provenance").bytes());
    browser.await(
        d ->
            artifactRow()
                .findElement(testId("artifact-message"))
                .getText()
                .equals("Downloaded slsa_provenance_build_BuildAndPush.json"),
        "the download to be confirmed in the row");

    artifactRow().findElement(testId("download-attestation")).click();
    Path envelope = browser.awaitDownload("slsa_attestation_build_BuildAndPush.json");

    assertThat(Files.readAllBytes(envelope))
        .isEqualTo(acme.get(artifactPath(executionId) + "/attestation").bytes());
  }

  @Test
  @Order(8)
  void executionTabs_areReachedAndSwitchedWithTheKeyboard() {
    openExecution(happyExecution(), "pipeline");
    browser.visible(By.cssSelector("[data-testid='step-row'][data-step='BuildAndPush']"));

    // Tab from the top of the page reaches the selected tab (the other one is out of the tab order)
    pressTabUntilFocused("tab-pipeline");
    keys(Keys.ARROW_RIGHT);

    browser.visible("panel-artifacts");
    artifactRow();
    assertThat(browser.driver().getCurrentUrl()).endsWith("/artifacts");
    assertThat(browser.focusedTestId()).isEqualTo("tab-artifacts");
    assertThat(browser.visible("tab-artifacts").getDomAttribute("aria-selected")).isEqualTo("true");
    assertThat(browser.visible("tab-pipeline").getDomAttribute("tabindex")).isEqualTo("-1");

    pressTabUntilFocused("view-provenance");
    keys(Keys.ENTER);
    browser.visible("provenance-json");
    assertThat(browser.focusedTestId()).isEqualTo("provenance-close");
    keys(Keys.ESCAPE);
    browser.await(
        d -> browser.all("provenance-dialog").isEmpty(), "Escape to close the provenance dialog");
    assertThat(browser.focusedTestId())
        .as("focus returns to the opener")
        .isEqualTo("view-provenance");
  }

  @Test
  @Order(9)
  void failedAttestationPush_showsTheReasonAndRetryPushesItOnceTheRegistryAccepts()
      throws IOException {
    String digest = apiArtifact(happyExecution()).get("digest").asText();
    // The registry refuses the .att tag of demo/flaky (and only it): a file sits where its tag
    // directory goes. The build of the same commit is reproducible, so the image digest is known in
    // advance.
    Path tagDir =
        REGISTRY.storageDir().resolve("docker/registry/v2/repositories/demo/flaky/_manifests/tags");
    Files.createDirectories(tagDir);
    Path blocker =
        Files.writeString(tagDir.resolve("sha256-" + digest.substring(7) + ".att"), "blocked");
    acme.putYaml(
            PIPELINES + "flaky_app",
            contractYaml
                .replace("identifier: build_app", "identifier: flaky_app")
                .replace("repo: demo/app", "repo: demo/flaky"))
        .expect(201);
    String flakyId = ExecutionFixtures.started(acme, "flaky_app");

    openExecution(flakyId, "artifacts");
    browser.awaitAttribute(testId("execution-status"), "data-status", "FAILED", RUN_TIMEOUT);
    browser.awaitAttribute(
        testId("artifact-row"), "data-provenance-status", "PUSH_FAILED", Browser.WAIT);
    JsonNode artifact = apiArtifact(flakyId);
    WebElement row = artifactRow();

    assertThat(artifact.at("/provenance/status").asText()).isEqualTo("PUSH_FAILED");
    assertThat(row.findElement(testId("provenance-status")).getText()).isEqualTo("Push failed");
    assertThat(row.findElement(testId("provenance-failure")).getText())
        .isEqualTo("Push failed: " + artifact.at("/provenance/failureMessage").asText())
        .contains(REGISTRY.hostPort());
    assertThat(row.findElement(testId("retry-push")).isEnabled()).isTrue();
    browser.screenshot("12-push-failed");

    row.findElement(testId("retry-push")).click(); // the registry still refuses
    browser.await(
        d -> !artifactRow().findElement(testId("artifact-message")).getText().isEmpty(),
        "the refused retry to be reported");

    assertThat(artifactRow().getDomAttribute("data-provenance-status")).isEqualTo("PUSH_FAILED");
    assertThat(browser.focusedTestId()).as("focus back on Retry").isEqualTo("retry-push");
    assertThat(artifactRow().findElement(testId("artifact-message")).getText())
        .isEqualTo(acme.postJson(artifactPath(flakyId) + "/provenance/push", "").message());
    browser.screenshot("13-push-failed-retry-refused");

    Files.delete(blocker);
    artifactRow().findElement(testId("retry-push")).click();
    browser.awaitAttribute(
        testId("artifact-row"), "data-provenance-status", "PUSHED", Browser.WAIT);

    row = artifactRow();
    assertThat(row.findElement(testId("artifact-message")).getText())
        .isEqualTo("Attestation pushed.");
    assertThat(row.findElement(testId("attestation-ref")).getText())
        .isEqualTo(REGISTRY.hostPort() + "/demo/flaky:sha256-" + digest.substring(7) + ".att");
    assertThat(row.findElements(testId("retry-push"))).isEmpty();
    assertThat(browser.focusedTestId()).as("focus stays in the row").isEqualTo("view-provenance");
    assertThat(apiArtifact(flakyId).at("/provenance/status").asText()).isEqualTo("PUSHED");
    browser.screenshot("14-push-retried");

    browser.visible("tab-pipeline").click();
    WebElement stepFailure = browser.visible("step-failure");

    assertThat(stepFailure.getText())
        .startsWith("SLSA provenance: ")
        .contains(REGISTRY.hostPort())
        .contains("has since been pushed")
        .doesNotContain("push it again");
    assertThat(stepFailure.getDomAttribute("data-resolved")).isEqualTo("true");
    assertWithinItsStage("step-failure");
    assertWithinItsStage("step-logs-toggle");
    browser.screenshot("15-execution-pipeline-failed");
  }

  @Test
  @Order(10)
  void artifactsTab_stageWithoutProvenanceSaysSoAndOffersNoProvenanceActions() {
    acme.putYaml(
            PIPELINES + "plain_app",
            withoutProvenance
                .replace("identifier: build_app", "identifier: plain_app")
                .replace("repo: demo/app", "repo: demo/plain"))
        .expect(201);
    openExecution(ExecutionFixtures.started(acme, "plain_app"), "artifacts");
    browser.awaitAttribute(testId("execution-status"), "data-status", "SUCCESS", RUN_TIMEOUT);
    WebElement row = artifactRow();

    assertThat(row.getDomAttribute("data-provenance-status")).isEqualTo("NONE");
    assertThat(row.findElement(testId("artifact-image")).getText())
        .isEqualTo(REGISTRY.hostPort() + "/demo/plain");
    assertThat(row.findElement(testId("provenance-not-enabled")).getText())
        .isEqualTo("SLSA provenance not enabled for this stage");
    assertThat(row.findElements(By.cssSelector("[data-testid='provenance-cell'] button")))
        .isEmpty();
    browser.screenshot("16-provenance-not-enabled");
  }

  /**
   * The happy run's id; the tests after {@link
   * #run_fromThePipelinePageRefreshesTheExecutionUntilSuccess} need it.
   */
  private static String happyExecution() {
    assertThat(executionId).as("the pipeline run of the run test").isNotNull();
    return executionId;
  }

  private static void openExecution(String id, String tab) {
    browser.open("#/executions/" + id + "/" + tab);
    browser.visible("panel-" + tab);
  }

  private static WebElement artifactRow() {
    return browser.visible(
        By.cssSelector("[data-testid='artifact-row'][data-artifact-id='" + ARTIFACT + "']"));
  }

  /**
   * The element lies inside its stage card horizontally (nothing clipped by the card's overflow).
   */
  private static void assertWithinItsStage(String testId) {
    WebElement element = browser.visible(testId);
    WebElement stage = browser.visible(testId("stage"));
    Rectangle inner = element.getRect();
    Rectangle outer = stage.getRect();
    assertThat(inner.getX() + inner.getWidth())
        .as(testId + " right edge inside the stage card " + outer)
        .isLessThanOrEqualTo(outer.getX() + outer.getWidth());
  }

  private static void pressTabUntilFocused(String testId) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 40 && !testId.equals(browser.focusedTestId()); i++) {
      keys(Keys.TAB);
      seen.add(browser.focusedTestId());
    }
    assertThat(browser.focusedTestId())
        .as("Tab reaches " + testId + "; focused on the way: " + seen)
        .isEqualTo(testId);
  }

  private static void keys(CharSequence key) {
    new Actions(browser.driver()).sendKeys(key).perform();
  }

  private static List<String> optionValues(Select select) {
    return select.getOptions().stream().map(o -> o.getDomProperty("value")).toList();
  }

  private static String artifactPath(String id) {
    return "/api/v1/executions/" + id + "/artifacts/" + ARTIFACT;
  }

  private static JsonNode apiArtifact(String id) {
    ApiResponse response = acme.get("/api/v1/executions/" + id + "/artifacts");
    response.expect(200);
    JsonNode artifacts = response.json().get("artifacts");
    assertThat(artifacts).as(response.toString()).hasSize(1);
    return artifacts.get(0);
  }
}
