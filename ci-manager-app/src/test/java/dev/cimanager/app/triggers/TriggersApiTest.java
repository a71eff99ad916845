package dev.cimanager.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trigger entities and webhook deliveries through the public API of the running application: saving
 * and validating the YAML, signatures, de-duplication and conditions. Runs started here check out
 * the source but do not build (see {@link WebhookBuildApiTest} for the commits they build).
 */
@IntegrationTest
class TriggersApiTest {

  @RegisterExtension static final TestApp APP = new TestApp();

  static final String SECRET = "It's a Secret to Everybody";
  static final String PIPELINES = "/api/v1/orgs/default/projects/demo/pipelines/";

  @TempDir static Path origin;

  private static ApiClient acme;

  @BeforeAll
  static void accountAndPipeline() throws Exception {
    BuildFixtures.commitScratchImage(origin);
    acme = APP.newAccount();
    BuildFixtures.demoProject(acme, URI.create("http://127.0.0.1:1"), origin.toUri());
    BuildFixtures.gitConnector(acme, "/orgs/default/projects/demo", "other_repo", origin.toUri());
    BuildFixtures.textSecret(acme, "github_webhook_secret", SECRET);
    BuildFixtures.fileSecret(acme, "a_file", "x".getBytes(StandardCharsets.UTF_8));
    assertThat(acme.putYaml(PIPELINES + "build_app", pipelineYaml("build_app")).status())
        .isEqualTo(201);
  }

  /** A pipeline whose only step fails at once (no Dockerfile) after the codebase was cloned. */
  static String pipelineYaml(String identifier) {
    return TestPipeline.buildAndPush(identifier)
        .tags("<+trigger.event>-<+trigger.branch>")
        .dockerfile("no-such.Dockerfile")
        .yaml();
  }

  static String webhookYaml(
      String identifier, String pipeline, String provider, String type, String conditions) {
    return """
        trigger:
          identifier: %s
          name: On push
          orgIdentifier: default
          projectIdentifier: demo
          pipelineIdentifier: %s
          enabled: true
          source:
            type: Webhook
            spec:
              type: %s
              spec:
                type: %s
                spec:
                  connectorRef: app_repo
                  secret: account.github_webhook_secret
                  payloadConditions:
        %s
        """
        .formatted(identifier, pipeline, provider, type, conditions.stripIndent().indent(12));
  }

  static final String MAIN_ONLY =
      """
                    - key: targetBranch
                      operator: Equals
                      value: main""";

  private static String saveWebhook(String identifier, String type, String conditions) {
    ApiResponse saved =
        acme.putYaml(
            PIPELINES + "build_app/triggers/" + identifier,
            webhookYaml(identifier, "build_app", "Github", type, conditions));
    assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
    return saved.json().get("webhookUrl").asText();
  }

  @Test
  void put_webhookTrigger_createsThenReplaces_andGetListDeleteWork() {
    String path = PIPELINES + "build_app/triggers/on_push_main";
    String yaml = webhookYaml("on_push_main", "build_app", "Github", "Push", MAIN_ONLY);

    ApiResponse created = acme.putYaml(path, yaml);
    ApiResponse replaced = acme.putYaml(path, yaml.replace("enabled: true", "enabled: false"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode json = created.json();
    assertThat(json.get("identifier").asText()).isEqualTo("on_push_main");
    assertThat(json.get("type").asText()).isEqualTo("Webhook");
    assertThat(json.get("enabled").asBoolean()).isTrue();
    assertThat(json.get("webhookUrl").asText())
        .startsWith("/api/")
        .isEqualTo("/api/v1/webhooks/" + acme.accountId() + "/default/demo/build_app/on_push_main");
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("enabled").asBoolean()).isFalse();
    ApiResponse got = acme.get(path);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().get("enabled").asBoolean()).isFalse();
    assertThat(got.json().get("provider").asText()).isEqualTo("Github");
    assertThat(got.json().get("event").asText()).isEqualTo("Push");
    ApiResponse list = acme.get(PIPELINES + "build_app/triggers");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("triggers").findValuesAsText("identifier")).contains("on_push_main");

    assertThat(acme.delete(path).status()).isEqualTo(204);
    assertThat(acme.get(path).status()).isEqualTo(404);
    assertThat(acme.get(path).code()).isEqualTo("TRIGGER_NOT_FOUND");
    assertThat(acme.delete(path).status()).isEqualTo(404);
  }

  @Test
  void put_contractCronExample_answersNextThreeDueTimesInItsZone() {
    String yaml =
        """
        trigger:
          identifier: nightly
          name: Nightly build
          orgIdentifier: default
          projectIdentifier: demo
          pipelineIdentifier: build_app
          enabled: true
          source:
            type: Scheduled
            spec:
              type: Cron
              spec:
                expression: "0 3 * * *"
                timezone: Europe/Berlin
        """;

    ApiResponse saved = acme.putYaml(PIPELINES + "build_app/triggers/nightly", yaml);

    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    assertThat(saved.json().get("type").asText()).isEqualTo("Scheduled");
    assertThat(saved.json().has("webhookUrl")).isFalse();
    JsonNode schedule = saved.json().get("schedule");
    assertThat(schedule.get("timezone").asText()).isEqualTo("Europe/Berlin");
    assertThat(schedule.get("nextDueTimes")).hasSize(3);
    // 03:00 in Berlin is 01:00 or 02:00 UTC
    assertThat(schedule.get("nextDueTimes").get(0).asText()).matches(".*T0[12]:00:00Z");
  }

  @Test
  void enabledSchedules_areCappedPerAccount_soOneAccountCannotSlowEveryonesScheduler() {
    ApiClient busy = APP.newAccount();
    BuildFixtures.demoProject(
        busy,
        URI.create("http://127.0.0.1:1"),
        dev.cimanager.app.testing.TestApp.localGitFolder(busy.accountId()).toUri());
    assertThat(busy.putYaml(PIPELINES + "build_app", pipelineYaml("build_app")).status())
        .isEqualTo(201);
    for (int i = 0; i < TriggerResource.MAX_SCHEDULES_PER_ACCOUNT; i++) {
      assertThat(
              busy.putYaml(
                      PIPELINES + "build_app/triggers/yearly_" + i, yearly("yearly_" + i, true))
                  .status())
          .isEqualTo(201);
    }

    ApiResponse refused =
        busy.putYaml(PIPELINES + "build_app/triggers/one_more", yearly("one_more", true));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("TOO_MANY_SCHEDULES");
    assertThat(
            busy.putYaml(PIPELINES + "build_app/triggers/yearly_0", yearly("yearly_0", true))
                .status())
        .isEqualTo(200);
    assertThat(
            busy.putYaml(PIPELINES + "build_app/triggers/paused", yearly("paused", false)).status())
        .isEqualTo(201);
    // another account is not affected
    assertThat(
            acme.putYaml(PIPELINES + "build_app/triggers/acme_yearly", yearly("acme_yearly", true))
                .status())
        .isEqualTo(201);
    assertThat(acme.delete(PIPELINES + "build_app/triggers/acme_yearly").status()).isEqualTo(204);
  }

  private static String yearly(String identifier, boolean enabled) {
    return """
        trigger:
          identifier: %s
          name: %s
          orgIdentifier: default
          projectIdentifier: demo
          pipelineIdentifier: build_app
          enabled: %s
          source:
            type: Scheduled
            spec:
              type: Cron
              spec:
                expression: "0 3 1 1 *"
        """
        .formatted(identifier, identifier, enabled);
  }

  @Test
  void put_badYaml_400ListsEachProblemWithItsPath() {
    String badCron =
        """
        trigger:
          identifier: bad
          orgIdentifier: default
          projectIdentifier: demo
          pipelineIdentifier: build_app
          source:
            type: Scheduled
            spec:
              type: Cron
              spec:
                expression: "61 * * * *"
                timezone: Mars/Olympus
        """;
    String badWebhook =
        webhookYaml(
                "bad",
                "build_app",
                "Github",
                "Push",
                """
                    - key: targetBranch
                      operator: Like
                      value: main
                    - key: sourceBranch
                      operator: Regex
                      value: "feature/(unclosed"
                    - key: tag
                      operator: Equals
                      value: v1""")
            .replace("connectorRef: app_repo", "connectorRef: other_repo")
            .replace("secret: account.github_webhook_secret", "secret: account.a_file");

    ApiResponse cron = acme.putYaml(PIPELINES + "build_app/triggers/bad", badCron);
    ApiResponse parsed = acme.putYaml(PIPELINES + "build_app/triggers/bad", badWebhook);
    ApiResponse references =
        acme.putYaml(
            PIPELINES + "build_app/triggers/bad",
            webhookYaml("bad", "build_app", "Github", "Push", MAIN_ONLY)
                .replace("connectorRef: app_repo", "connectorRef: other_repo")
                .replace("secret: account.github_webhook_secret", "secret: account.a_file"));
    ApiResponse mismatch =
        acme.putYaml(
            PIPELINES + "build_app/triggers/other",
            webhookYaml("bad", "build_app", "Github", "Push", MAIN_ONLY));
    ApiResponse noPipeline =
        acme.putYaml(
            PIPELINES + "nope/triggers/bad",
            webhookYaml("bad", "nope", "Github", "Push", MAIN_ONLY));
    ApiResponse malformed =
        acme.putYaml(PIPELINES + "build_app/triggers/bad", "trigger: [unclosed");

    assertThat(cron.status()).isEqualTo(400);
    assertThat(cron.code()).isEqualTo("INVALID_TRIGGER");
    assertThat(paths(cron))
        .containsExactlyInAnyOrder(
            "trigger.source.spec.spec.expression", "trigger.source.spec.spec.timezone");
    assertThat(cron.message()).contains("61").contains("Mars/Olympus");
    assertThat(parsed.status()).isEqualTo(400);
    assertThat(paths(parsed))
        .containsExactlyInAnyOrder(
            "trigger.source.spec.spec.spec.payloadConditions[0].operator",
            "trigger.source.spec.spec.spec.payloadConditions[1].value",
            "trigger.source.spec.spec.spec.payloadConditions[2].key");
    assertThat(references.status()).isEqualTo(400);
    assertThat(paths(references))
        .containsExactlyInAnyOrder(
            "trigger.source.spec.spec.spec.connectorRef", "trigger.source.spec.spec.spec.secret");
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(paths(mismatch)).containsExactly("trigger.identifier");
    assertThat(noPipeline.status()).isEqualTo(404);
    assertThat(noPipeline.code()).isEqualTo("PIPELINE_NOT_FOUND");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(paths(malformed)).containsExactly("$");
    assertThat(acme.get(PIPELINES + "build_app/triggers/bad").status()).isEqualTo(404);
  }

  @Test
  void webhook_unsignedOrWronglySigned_401StartsNothing() {
    String url = saveWebhook("signed", "Push", MAIN_ONLY);
    byte[] body = push("main", headOfMain());
    int before = executions("build_app").size();

    ApiResponse unsigned =
        WebhookFixtures.github(APP.anonymous(), url, "push", "d-unsigned", null, body);
    ApiResponse wrong =
        WebhookFixtures.github(
            APP.anonymous(),
            url,
            "push",
            "d-wrong",
            WebhookFixtures.githubSignature("not the secret", body),
            body);
    byte[] tampered = push("main", "1".repeat(40));
    ApiResponse replayed =
        WebhookFixtures.github(
            APP.anonymous(),
            url,
            "push",
            "d-tampered",
            WebhookFixtures.githubSignature(SECRET, body),
            tampered);
    ApiResponse garbage =
        WebhookFixtures.github(APP.anonymous(), url, "push", "d-garbage", "sha256=zz", body);

    for (ApiResponse response : List.of(unsigned, wrong, replayed, garbage)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(401);
      assertThat(response.code()).isEqualTo("INVALID_SIGNATURE");
    }
    assertThat(executions("build_app")).hasSize(before);
    // a correct delivery after all that still works: the refused ones claimed no delivery id
    ApiResponse good =
        WebhookFixtures.github(
            APP.anonymous(),
            url,
            "push",
            "d-unsigned",
            WebhookFixtures.githubSignature(SECRET, body),
            body);
    assertThat(good.status()).as(good.toString()).isEqualTo(202);
    assertThat(good.json().get("executionIds")).hasSize(1);
  }

  @Test
  void webhook_redelivery_startsNothingNewAndAnswersTheFirstExecutions() throws Exception {
    String url = saveWebhook("redelivered", "Push", MAIN_ONLY);
    byte[] body = push("main", headOfMain());
    String signature = WebhookFixtures.githubSignature(SECRET, body);
    int before = executions("build_app").size();

    ApiResponse first =
        WebhookFixtures.github(APP.anonymous(), url, "push", "delivery-1", signature, body);
    ApiResponse again =
        WebhookFixtures.github(APP.anonymous(), url, "push", "delivery-1", signature, body);
    // and a burst of concurrent deliveries of one new id
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ApiResponse>> burst = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Callable<ApiResponse> call =
          () -> WebhookFixtures.github(APP.anonymous(), url, "push", "delivery-2", signature, body);
      burst.add(pool.submit(call));
    }
    List<String> burstIds = new ArrayList<>();
    for (Future<ApiResponse> response : burst) {
      assertThat(response.get().status()).isEqualTo(202);
      response.get().json().get("executionIds").forEach(id -> burstIds.add(id.asText()));
    }
    pool.shutdown();

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().get("executionIds")).isEqualTo(first.json().get("executionIds"));
    assertThat(first.json().get("executionIds")).hasSize(1);
    assertThat(burstIds).hasSize(8).allMatch(id -> id.equals(burstIds.get(0)));
    assertThat(executions("build_app").size() - before).isEqualTo(2);
  }

  @Test
  void webhook_conditionsAndEventTypes_decideWhatStarts() {
    String url =
        saveWebhook(
            "conditional",
            "Push",
            """
                    - key: targetBranch
                      operator: In
                      value: main, release
                    - key: changedFiles
                      operator: StartsWith
                      value: src/
                    - key: sourceBranch
                      operator: Regex
                      value: "(a+)+b|main|release\"""");
    String sha = headOfMain();

    ApiResponse matching =
        WebhookFixtures.github(
            APP.anonymous(), url, "push", SECRET, push("main", sha, "src/App.java"));
    byte[] featurePush = push("feature", sha, "src/App.java");
    ApiResponse otherBranch =
        WebhookFixtures.github(
            APP.anonymous(),
            url,
            "push",
            "d-other-branch",
            WebhookFixtures.githubSignature(SECRET, featurePush),
            featurePush);
    ApiResponse otherFiles =
        WebhookFixtures.github(
            APP.anonymous(), url, "push", SECRET, push("main", sha, "README.md"));
    ApiResponse ping =
        WebhookFixtures.github(
            APP.anonymous(),
            url,
            "ping",
            SECRET,
            "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}"
                .getBytes(StandardCharsets.UTF_8));
    ApiResponse pullRequest =
        WebhookFixtures.githubPullRequest(
            APP.anonymous(), url, SECRET, "opened", "7", "feature", sha);
    ApiResponse catastrophic =
        WebhookFixtures.github(
            APP.anonymous(), url, "push", SECRET, push("a".repeat(40) + "c", sha, "src/App.java"));

    assertThat(matching.status()).as(matching.toString()).isEqualTo(202);
    assertThat(matching.json().get("executionIds")).hasSize(1);
    for (ApiResponse ignored : List.of(otherBranch, otherFiles, ping, pullRequest, catastrophic)) {
      assertThat(ignored.status()).as(ignored.toString()).isEqualTo(202);
      assertThat(ignored.json().get("executionIds")).isEmpty();
    }
    // why a delivery started nothing: in the answer's header (providers log it) and in its record
    assertThat(otherBranch.header("X-Delivery-Outcome"))
        .isEqualTo(
            "started nothing: condition 'targetBranch In main, release' does not hold (the event's"
                + " targetBranch is 'feature')");
    assertThat(pullRequest.header("X-Delivery-Outcome"))
        .contains("a Push trigger does not take PullRequest events");
    ApiResponse record =
        acme.get(PIPELINES + "build_app/triggers/conditional/deliveries/d-other-branch");
    assertThat(record.status()).as(record.toString()).isEqualTo(200);
    assertThat(record.json().get("result").asText()).isEqualTo("IGNORED");
    assertThat(record.json().get("event").asText()).isEqualTo("push");
    assertThat(record.json().get("reason").asText()).contains("targetBranch");
    assertThat(record.body()).doesNotContain("octocat").doesNotContain(SECRET);
    assertThat(acme.get(PIPELINES + "build_app/triggers/conditional/deliveries/nope").code())
        .isEqualTo("DELIVERY_NOT_FOUND");
    assertThat(
            APP.newAccount()
                .get(PIPELINES + "build_app/triggers/conditional/deliveries/d-other-branch")
                .status())
        .isEqualTo(404);
  }

  @Test
  void pullRequestActions_limitWhichActionsStartRuns() {
    String path = PIPELINES + "build_app/triggers/pr_opened";
    ApiResponse saved =
        acme.putYaml(
            path,
            webhookYaml("pr_opened", "build_app", "Github", "PullRequest", "")
                .replace(
                    "secret: account.github_webhook_secret",
                    "secret: account.github_webhook_secret\n" + "          actions: [Open]"));
    ApiResponse badAction =
        acme.putYaml(
            path,
            webhookYaml("pr_opened", "build_app", "Github", "PullRequest", "")
                .replace(
                    "secret: account.github_webhook_secret",
                    "secret: account.github_webhook_secret\n"
                        + "          actions: [Open, Close]"));
    ApiResponse pushWithActions =
        acme.putYaml(
            PIPELINES + "build_app/triggers/push_actions",
            webhookYaml("push_actions", "build_app", "Github", "Push", "")
                .replace(
                    "secret: account.github_webhook_secret",
                    "secret: account.github_webhook_secret\n" + "          actions: [Open]"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    String url = saved.json().get("webhookUrl").asText();
    String sha = headOfMain();

    ApiResponse opened =
        WebhookFixtures.githubPullRequest(
            APP.anonymous(), url, SECRET, "opened", "8", "feature", sha);
    ApiResponse synchronize =
        WebhookFixtures.githubPullRequest(
            APP.anonymous(), url, SECRET, "synchronize", "8", "feature", sha);

    assertThat(opened.json().get("executionIds")).hasSize(1);
    assertThat(synchronize.json().get("executionIds")).isEmpty();
    assertThat(synchronize.header("X-Delivery-Outcome"))
        .contains("Synchronize is not one of the trigger's actions");
    assertThat(badAction.status()).isEqualTo(400);
    assertThat(paths(badAction)).containsExactly("trigger.source.spec.spec.spec.actions[1]");
    assertThat(pushWithActions.status()).isEqualTo(400);
    assertThat(paths(pushWithActions)).containsExactly("trigger.source.spec.spec.spec.actions");
  }

  @Test
  void webhook_badDeliveries_4xxNeverServerErrors() {
    String url = saveWebhook("strict", "Push", MAIN_ONLY);
    byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
    byte[] noAfter =
        "{\"ref\":\"refs/heads/main\",\"pusher\":{\"name\":\"x\"}}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] badRef = push("bad..name", headOfMain());

    ApiResponse malformed = WebhookFixtures.github(APP.anonymous(), url, "push", SECRET, notJson);
    ApiResponse missingField =
        WebhookFixtures.github(APP.anonymous(), url, "push", SECRET, noAfter);
    ApiResponse invalidRef = WebhookFixtures.github(APP.anonymous(), url, "push", SECRET, badRef);
    ApiResponse noDeliveryId =
        APP.anonymous()
            .sendWithHeaders(
                "POST",
                url,
                Map.of(
                    "Content-Type",
                    "application/json",
                    "X-GitHub-Event",
                    "push",
                    "X-Hub-Signature-256",
                    WebhookFixtures.githubSignature(SECRET, noAfter)),
                noAfter);
    ApiResponse unknownTrigger =
        WebhookFixtures.github(APP.anonymous(), url + "_nope", "push", SECRET, noAfter);
    ApiResponse tooLarge =
        WebhookFixtures.github(APP.anonymous(), url, "push", SECRET, new byte[3 * 1024 * 1024]);

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.code()).isEqualTo("INVALID_PAYLOAD");
    assertThat(missingField.status()).isEqualTo(400);
    assertThat(missingField.message()).contains("after");
    assertThat(invalidRef.status()).isEqualTo(400);
    assertThat(noDeliveryId.status()).isEqualTo(400);
    assertThat(noDeliveryId.code()).isEqualTo("MISSING_DELIVERY_ID");
    assertThat(unknownTrigger.status()).isEqualTo(404);
    assertThat(tooLarge.status()).isEqualTo(413);
  }

  @Test
  void webhook_disabledTrigger_202StartsNothing() {
    String url = saveWebhook("disabled", "Push", MAIN_ONLY);
    acme.putYaml(
        PIPELINES + "build_app/triggers/disabled",
        webhookYaml("disabled", "build_app", "Github", "Push", MAIN_ONLY)
            .replace("enabled: true", "enabled: false"));

    ApiResponse delivered =
        WebhookFixtures.github(APP.anonymous(), url, "push", SECRET, push("main", headOfMain()));

    assertThat(delivered.status()).isEqualTo(202);
    assertThat(delivered.json().get("executionIds")).isEmpty();
  }

  @Test
  void webhook_gitlabToken_authenticates() {
    ApiResponse saved =
        acme.putYaml(
            PIPELINES + "build_app/triggers/gitlab_push",
            webhookYaml("gitlab_push", "build_app", "Gitlab", "Push", MAIN_ONLY));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    String url = saved.json().get("webhookUrl").asText();
    byte[] body =
        WebhookFixtures.payload(
            "gitlab-push.json",
            Map.of("BRANCH", "main", "SHA", headOfMain(), "CHANGED", "src/App.java"));

    ApiResponse noToken = WebhookFixtures.gitlab(APP.anonymous(), url, "Push Hook", null, body);
    ApiResponse wrongToken =
        WebhookFixtures.gitlab(APP.anonymous(), url, "Push Hook", "guess", body);
    ApiResponse good = WebhookFixtures.gitlab(APP.anonymous(), url, "Push Hook", SECRET, body);

    assertThat(noToken.status()).isEqualTo(401);
    assertThat(wrongToken.status()).isEqualTo(401);
    assertThat(wrongToken.code()).isEqualTo("INVALID_SIGNATURE");
    assertThat(good.status()).as(good.toString()).isEqualTo(202);
    assertThat(good.json().get("executionIds")).hasSize(1);
  }

  static byte[] push(String branch, String sha) {
    return push(branch, sha, "src/App.java");
  }

  static byte[] push(String branch, String sha, String changed) {
    return WebhookFixtures.payload(
        "github-push.json", Map.of("BRANCH", branch, "SHA", sha, "CHANGED", changed));
  }

  private static String headOfMain() {
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(origin.toFile())) {
      return git.getRepository().resolve("refs/heads/main").name();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> executions(String pipeline) {
    ApiResponse list = acme.get(PIPELINES + pipeline + "/executions");
    assertThat(list.status()).isEqualTo(200);
    return list.json().findValuesAsText("executionId");
  }

  private static List<String> paths(ApiResponse response) {
    return response.json().get("errors").findValuesAsText("path");
  }
}
