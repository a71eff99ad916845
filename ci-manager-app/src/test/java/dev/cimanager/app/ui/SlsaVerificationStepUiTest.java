package dev.cimanager.app.ui;

import static dev.cimanager.app.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "Build stage settings" adds a SlsaVerification step next to the Build and Push step of the
 * contract's pipeline-slsa.yaml: required fields are reported, then the connector, image, tag,
 * public key and policy set chosen in the pickers are saved as the step of the contract's
 * pipeline-verify.yaml (what the API then stores). Every screenshot is checked with axe-core.
 */
@IntegrationTest
class SlsaVerificationStepUiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String PIPELINE = "/api/v1/orgs/default/projects/demo/pipelines/build_app";

  /** The step of examples/pipeline-verify.yaml, at the indentation of the build stage's steps. */
  private static final String CONTRACT_STEP =
      String.join(
          "\n",
          "              - step:",
          "                  identifier: VerifyProvenance",
          "                  name: Verify SLSA Provenance",
          "                  type: SlsaVerification",
          "                  spec:",
          "                    source:",
          "                      type: Docker",
          "                      spec:",
          "                        connector: account.local_registry",
          "                        image_path: demo/app",
          "                        tag: <+pipeline.sequenceId>",
          "                    verify_attestation:",
          "                      type: cosign",
          "                      spec:",
          "                        public_key: account.cosign_public_key",
          "                  enforce:",
          "                    policySets:",
          "                      - account.release_policy",
          "");

  @TempDir static Path origin;

  private static ApiClient acme;
  private static Browser browser;
  private static String saved;

  @BeforeAll
  static void accountWithTheContractPipelineAndWhatItsVerificationNeeds() throws Exception {
    BuildFixtures.commitScratchImage(origin);
    acme = APP.newAccount();
    BuildFixtures.demoProject(acme, URI.create("http://127.0.0.1:5999"), origin.toUri());
    CosignKeyPair keys = CosignKeys.generate("step editor".getBytes(StandardCharsets.UTF_8));
    BuildFixtures.cosignSecrets(acme, keys.privateKeyPem(), "step editor");
    BuildFixtures.fileSecret(acme, "cosign_public_key", keys.publicKeyPem());
    @SuppressWarnings("unchecked")
    Map<String, Object> set =
        new ObjectMapper()
            .readValue(Files.readString(EXAMPLES.resolve("policyset-release.json")), Map.class);
    acme.postJson("/api/v1/policysets", set).expect(201);
    saved = Files.readString(EXAMPLES.resolve("pipeline-slsa.yaml"));
    acme.putYaml(PIPELINE, saved).expect(201);
    browser = Browser.start(APP.baseUrl());
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void addingTheStepInTheEditor_storesTheContractStep() {
    browser.signIn(acme.token());
    browser
        .visible(
            By.cssSelector("[data-pipeline='build_app'] [data-testid='pipeline-settings-link']"))
        .click();
    WebElement stage =
        browser.visible(By.cssSelector("[data-testid='stage-settings'][data-stage='build']"));
    WebElement toggle = stage.findElement(testId("verify-toggle"));
    assertThat(toggle.isSelected()).isFalse();
    assertThat(stage.findElement(testId("verify-image-path")).isEnabled()).isFalse();

    toggle.click();
    browser.visible("settings-save").click();

    assertThat(browser.visible("settings-invalid").getText())
        .contains("Fix the highlighted fields");
    assertThat(stage.findElement(testId("verify-connector-error")).getText())
        .isEqualTo("Registry connector is required");
    assertThat(stage.findElement(testId("verify-image-path-error")).getText())
        .startsWith("Image path is required");
    assertThat(stage.findElement(testId("verify-reference-error")).getText())
        .isEqualTo("Tag or digest is required");
    assertThat(stage.findElement(testId("verify-public-key-error")).getText())
        .isEqualTo("Public key is required");
    assertThat(browser.focusedTestId()).isEqualTo("verify-connector");
    browser.screenshot("verify-step-01-required");

    new Select(stage.findElement(testId("verify-connector")))
        .selectByValue("account.local_registry");
    stage.findElement(testId("verify-image-path")).sendKeys("demo/app");
    stage.findElement(testId("verify-reference")).sendKeys("<+pipeline.sequenceId>");
    Select publicKey = new Select(stage.findElement(testId("verify-public-key")));
    assertThat(publicKey.getOptions().stream().map(o -> o.getDomAttribute("value")))
        .as("file secrets only")
        .contains("account.cosign_public_key")
        .doesNotContain("account.cosign_password");
    publicKey.selectByValue("account.cosign_public_key");
    WebElement policySet =
        browser.visible(
            By.cssSelector(
                "[data-testid='stage-settings'][data-stage='build'] [data-testid='verify-policy-set'][value='account.release_policy']"));
    browser.script("arguments[0].scrollIntoView({block: 'center'})", policySet);
    policySet.click();
    assertThat(browser.visible("yaml-preview-text").getText()).contains("type: SlsaVerification");
    assertThat(stage.findElements(By.cssSelector(".verify-step .field-error")))
        .as("each message went when its field was filled")
        .allSatisfy(e -> assertThat(e.getText()).isEmpty());
    browser.screenshot("verify-step-02-filled");
    browser.visible("settings-save").click();
    browser.visible("settings-saved");
    browser.screenshot("verify-step-03-saved");

    ApiResponse stored = acme.get(PIPELINE);
    stored.expect(200);
    // the step follows Build and Push, the last lines of the file; every other line stays as it was
    assertThat(stored.body()).isEqualTo(saved + CONTRACT_STEP);
  }
}
