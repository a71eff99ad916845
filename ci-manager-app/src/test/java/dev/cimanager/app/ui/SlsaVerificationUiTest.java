package dev.cimanager.app.ui;

import static dev.cimanager.app.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.testing.ApiClient;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The Artifacts tab's SLSA Verification column in headless Chromium, for a run of the contract's
 * pipeline-verify.yaml whose policy set has a denying warning policy: Warning, the signature line,
 * and the policy detail opened with the keyboard.
 */
@IntegrationTest
class SlsaVerificationUiTest {
  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension static final TestApp APP = new TestApp().pushingTo(REGISTRY);

  private static final Path CONTRACT = Path.of("/work/shared/contract/examples");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  private static final String PASSWORD = "ui verify";

  @TempDir static Path origin;

  private static ApiClient acme;
  private static Browser browser;
  private static String executionId;

  @BeforeAll
  static void runTheContractPipeline() throws Exception {
    BuildFixtures.commitScratchImage(origin);
    acme = APP.newAccount();
    BuildFixtures.demoProject(acme, REGISTRY.url(), origin.toUri());
    CosignKeyPair keys = CosignKeys.generate(PASSWORD.getBytes(StandardCharsets.UTF_8));
    BuildFixtures.cosignSecrets(acme, keys.privateKeyPem(), PASSWORD);
    BuildFixtures.fileSecret(acme, "cosign_public_key", keys.publicKeyPem());
    @SuppressWarnings("unchecked")
    Map<String, Object> set =
        new ObjectMapper()
            .readValue(Files.readString(CONTRACT.resolve("policyset-release.json")), Map.class);
    @SuppressWarnings("unchecked")
    List<Object> policies = new java.util.ArrayList<>((List<Object>) set.get("policies"));
    policies.add(
        Map.of(
            "identifier",
            "signed_off",
            "name",
            "Signed off",
            "expression",
            "has(predicate.buildDefinition.externalParameters.signoff)",
            "message",
            "nobody signed the release off",
            "severity",
            "warning"));
    set.put("policies", policies);
    acme.postJson("/api/v1/policysets", set).expect(201);
    acme.putYaml(
            "/api/v1/orgs/default/projects/demo/pipelines/build_and_verify",
            Files.readString(CONTRACT.resolve("pipeline-verify.yaml")))
        .expect(201);
    executionId = ExecutionFixtures.started(acme, "build_and_verify");
    JsonNode execution = ExecutionFixtures.awaitEnd(acme, executionId, RUN_TIMEOUT);
    assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("SUCCESS");
    browser = Browser.start(APP.baseUrl());
    signIn();
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void artifactsTab_showsTheVerdictTheSignatureLineAndThePolicyDetail() {
    browser.open("#/executions/" + executionId + "/artifacts");
    WebElement row =
        browser.visible(
            By.cssSelector("[data-testid='artifact-row'][data-artifact-id='build.BuildAndPush']"));

    assertThat(row.getDomAttribute("data-verification-status")).isEqualTo("WARNING");
    WebElement cell = row.findElement(testId("verification-cell"));
    assertThat(cell.findElement(testId("verification-status")).getText()).isEqualTo("Warning");
    assertThat(cell.findElement(testId("signature-verification")).getText())
        .isEqualTo("Attestation signature verification: passed");
    assertThat(cell.findElements(testId("verification-failure"))).isEmpty();
    WebElement summary = cell.findElement(By.cssSelector("[data-testid='policy-detail'] summary"));
    assertThat(summary.getText()).isEqualTo("Policies: 4 evaluated, 1 denied");
    assertThat(cell.findElement(testId("policy-table")).isDisplayed())
        .as("closed until asked")
        .isFalse();

    browser.script("arguments[0].focus()", summary);
    summary.sendKeys(Keys.ENTER);
    WebElement denied =
        browser.visible(By.cssSelector("[data-testid='policy-row'][data-policy='signed_off']"));

    assertThat(denied.getDomAttribute("data-status")).isEqualTo("DENY");
    assertThat(denied.getDomAttribute("data-severity")).isEqualTo("warning");
    assertThat(denied.getText())
        .contains("account.release_policy")
        .contains("nobody signed the release off");
    assertThat(cell.findElements(testId("policy-row"))).hasSize(4);
    assertThat(browser.all("verification-cell").stream().map(WebElement::isDisplayed))
        .containsOnly(true);
    browser.screenshot("20-artifacts-slsa-verification");
  }

  @Test
  void policySetsPage_evaluatesAgainstARunThenSaves_andShowsCompileErrors() {
    browser.open("#/orgs/default/projects/demo/policysets");
    WebElement row =
        browser.visible(
            By.cssSelector("[data-testid='policy-set-row'][data-policy-set='release_policy']"));
    assertThat(row.getText()).contains("account.release_policy");
    browser.visible("policy-execution").sendKeys(executionId);

    browser.visible("policy-evaluate").click();
    assertThat(browser.visible("policy-evaluation").getDomAttribute("data-status"))
        .isEqualTo("PASSED");
    assertThat(browser.all("policy-row")).hasSize(2);

    row.findElement(testId("edit-policy-set")).click();
    assertThat(browser.focusedTestId()).isEqualTo("policy-json");
    browser.visible("policy-evaluate").click();
    browser.awaitAttribute(testId("policy-evaluation"), "data-status", "WARNING", Browser.WAIT);
    assertThat(
            browser
                .visible(By.cssSelector("[data-testid='policy-row'][data-policy='signed_off']"))
                .getDomAttribute("data-status"))
        .isEqualTo("DENY");
    browser.screenshot("21-policy-sets-evaluate");

    browser.visible("policy-save").click();
    assertThat(browser.visible("policy-saved").getText()).isEqualTo("Saved release_policy.");
    assertThat(acme.get("/api/v1/policysets/release_policy").json().get("version").asLong())
        .isEqualTo(2);

    WebElement editor = browser.visible("policy-json");
    editor.clear();
    editor.sendKeys(
        "{\"identifier\":\"broken\",\"name\":\"Broken\",\"policies\":[{\"identifier\":\"bad\","
            + "\"expression\":\"predicate.(\"}]}");
    browser.visible("policy-save").click();
    WebElement error = browser.visible("policy-error");
    assertThat(error.getDomAttribute("role")).isEqualTo("alert");
    assertThat(error.getText()).contains("policy 'bad' is invalid").contains("INVALID_POLICY");
  }

  private static void signIn() {
    browser.signIn(acme.token());
    browser.visible("user-name");
  }
}
