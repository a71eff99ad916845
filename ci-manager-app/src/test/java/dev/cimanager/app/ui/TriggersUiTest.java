package dev.cimanager.app.ui;

import static dev.cimanager.app.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pipeline page's Triggers tab in Chromium: the list, enable/disable and a new schedule from
 * its template.
 */
@IntegrationTest
class TriggersUiTest {

  @RegisterExtension static final TestApp APP = new TestApp();

  private static final String PIPELINES = "/api/v1/orgs/default/projects/demo/pipelines/";

  @TempDir static Path origin;

  private static ApiClient acme;
  private static Browser browser;

  @BeforeAll
  static void accountPipelineTriggersAndBrowser() throws Exception {
    BuildFixtures.commitScratchImage(origin);
    acme = APP.newAccount();
    BuildFixtures.demoProject(acme, URI.create("http://127.0.0.1:1"), origin.toUri());
    BuildFixtures.textSecret(acme, "github_webhook_secret", "s");
    acme.putYaml(PIPELINES + "build_app", TestPipeline.buildAndPush("build_app").tags("1").yaml())
        .expect(201);
    assertThat(
            acme.putYaml(
                    PIPELINES + "build_app/triggers/on_push_main",
                    """
        trigger:
          identifier: on_push_main
          name: On push to main
          orgIdentifier: default
          projectIdentifier: demo
          pipelineIdentifier: build_app
          enabled: true
          source:
            type: Webhook
            spec:
              type: Github
              spec:
                type: Push
                spec:
                  connectorRef: app_repo
                  secret: account.github_webhook_secret
        """)
                .status())
        .isEqualTo(201);
    browser = Browser.start(APP.baseUrl());
    browser.signIn(acme.token());
    browser.visible("pipelines-table");
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void triggersTab_listsTogglesAndCreatesASchedule() {
    browser.open("#/orgs/default/projects/demo/pipelines/build_app/triggers");
    By webhookRow = By.cssSelector("[data-testid='trigger-row'][data-trigger='on_push_main']");
    WebElement row = browser.visible(webhookRow);

    assertThat(row.findElement(testId("trigger-webhook-url")).getText())
        .endsWith("/api/v1/webhooks/" + acme.accountId() + "/default/demo/build_app/on_push_main");
    assertThat(row.findElement(testId("trigger-last-fired")).getText()).isEqualTo("never");
    browser.screenshot("20-triggers");

    row.findElement(testId("trigger-toggle")).click();
    browser.awaitAttribute(webhookRow, "data-enabled", "false", Duration.ofSeconds(15));
    assertThat(
            acme.get(PIPELINES + "build_app/triggers/on_push_main")
                .json()
                .get("enabled")
                .asBoolean())
        .isFalse();

    browser.visible("new-schedule-trigger").click();
    browser.visible("trigger-editor");
    browser.visible("trigger-save").click();
    WebElement schedule =
        browser.visible(By.cssSelector("[data-testid='trigger-row'][data-trigger='nightly']"));

    assertThat(schedule.findElements(By.cssSelector("[data-testid='trigger-next-due'] li")))
        .hasSize(3);
    assertThat(acme.get(PIPELINES + "build_app/triggers/nightly").status()).isEqualTo(200);
    browser.screenshot("21-triggers-with-schedule");
  }
}
