package dev.cimanager.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit a webhook's run checks out: the push's {@code after} even when the branch moved on, a
 * pull request's head from {@code refs/pull/<n>/head}, a tag (annotated: peeled to its commit),
 * GitLab's merge request ref; and the trigger metadata on the execution and in {@code <+trigger.*>}
 * expressions.
 */
@IntegrationTest
class WebhookBuildApiTest {

  @RegisterExtension
  static final TestApp APP = new TestApp().with("insecureRegistries", "127.0.0.1:1");

  private static final String SECRET = TriggersApiTest.SECRET;
  private static final String PIPELINES = TriggersApiTest.PIPELINES;
  private static final Duration MAX_WAIT = Duration.ofMinutes(2);

  @TempDir static Path origin;

  private static ApiClient acme;
  private static RevCommit first;
  private static RevCommit second;
  private static RevCommit feature;
  private static String annotatedTag;

  @BeforeAll
  static void repositoryAccountAndPipeline() throws Exception {
    first = BuildFixtures.commitScratchImage(origin);
    try (Git git = Git.open(origin.toFile())) {
      PersonIdent dev = first.getAuthorIdent();
      Files.writeString(origin.resolve("hello.txt"), "second\n");
      git.add().addFilepattern(".").call();
      second = git.commit().setMessage("second").setAuthor(dev).setCommitter(dev).call();
      git.checkout().setCreateBranch(true).setName("feature").setStartPoint(first).call();
      Files.writeString(origin.resolve("hello.txt"), "feature\n");
      git.add().addFilepattern(".").call();
      feature = git.commit().setMessage("feature").setAuthor(dev).setCommitter(dev).call();
      git.checkout().setName("main").call();
      // what GitHub and GitLab keep for pull and merge requests
      for (String ref : new String[] {"refs/pull/7/head", "refs/merge-requests/3/head"}) {
        RefUpdate update = git.getRepository().updateRef(ref);
        update.setNewObjectId(feature);
        update.forceUpdate();
      }
      annotatedTag =
          git.tag()
              .setName("v1.0")
              .setObjectId(git.getRepository().parseCommit(first))
              .setAnnotated(true)
              .setMessage("release")
              .setTagger(dev)
              .call()
              .getObjectId()
              .name();
    }
    acme = APP.newAccount();
    BuildFixtures.demoProject(acme, URI.create("http://127.0.0.1:1"), origin.toUri());
    BuildFixtures.textSecret(acme, "github_webhook_secret", SECRET);
    acme.putYaml(PIPELINES + "build_app", TriggersApiTest.pipelineYaml("build_app")).expect(201);
  }

  private static String trigger(String identifier, String provider, String type) {
    ApiResponse saved =
        acme.putYaml(
            PIPELINES + "build_app/triggers/" + identifier,
            TriggersApiTest.webhookYaml(identifier, "build_app", provider, type, ""));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    return saved.json().get("webhookUrl").asText();
  }

  @Test
  void push_buildsTheEventsCommitEvenWhenTheBranchMovedOn() throws Exception {
    String url = trigger("on_push", "Github", "Push");

    ApiResponse delivered =
        WebhookFixtures.github(
            APP.anonymous(), url, "push", SECRET, TriggersApiTest.push("main", first.name()));

    JsonNode execution = awaitEnd(delivered);
    assertThat(execution.get("codebase").get("commitSha").asText())
        .isEqualTo(first.name())
        .isNotEqualTo(second.name());
    assertThat(execution.get("codebase").get("branch").asText()).isEqualTo("main");
    JsonNode trigger = execution.get("trigger");
    assertThat(trigger.get("type").asText()).isEqualTo("WEBHOOK");
    assertThat(trigger.get("triggeredBy").asText()).isEqualTo("octocat");
    assertThat(trigger.get("event").asText()).isEqualTo("push");
    assertThat(trigger.get("triggerIdentifier").asText()).isEqualTo("on_push");
    assertThat(trigger.get("commitSha").asText()).isEqualTo(first.name());
    // the step got as far as the Dockerfile, so its tag <+trigger.event>-<+trigger.branch> resolved
    assertThat(stepFailure(execution)).contains("no-such.Dockerfile");
    JsonNode listed = acme.get(PIPELINES + "build_app/triggers/on_push").json().get("lastFired");
    assertThat(listed.get("result").asText()).isEqualTo("STARTED");
    assertThat(listed.get("executionId").asText()).isEqualTo(execution.get("executionId").asText());
  }

  @Test
  void pullRequest_buildsTheHeadCommitOfRefsPull() throws Exception {
    String url = trigger("on_pr", "Github", "PullRequest");

    ApiResponse delivered =
        WebhookFixtures.githubPullRequest(
            APP.anonymous(), url, SECRET, "synchronize", "7", "feature", feature.name());
    ApiResponse closed =
        WebhookFixtures.githubPullRequest(
            APP.anonymous(), url, SECRET, "closed", "7", "feature", feature.name());

    JsonNode execution = awaitEnd(delivered);
    assertThat(execution.get("codebase").get("commitSha").asText()).isEqualTo(feature.name());
    assertThat(execution.get("codebase").get("branch").asText()).isEqualTo("feature");
    assertThat(execution.get("trigger").get("prNumber").asText()).isEqualTo("7");
    assertThat(execution.get("trigger").get("triggeredBy").asText()).isEqualTo("contributor");
    assertThat(execution.get("trigger").get("event").asText()).isEqualTo("pull_request");
    assertThat(closed.status()).isEqualTo(202);
    assertThat(closed.json().get("executionIds")).isEmpty();

    // a re-run asks the same pull request ref and commit again, as a MANUAL run
    ApiResponse rerun =
        acme.postJson("/api/v1/executions/" + execution.get("executionId").asText() + "/rerun", "");
    assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
    JsonNode again = awaitEnd(rerun.json().get("executionId").asText());
    assertThat(again.get("trigger").get("type").asText()).isEqualTo("MANUAL");
    assertThat(again.get("trigger").get("prNumber").asText()).isEqualTo("7");
    assertThat(again.get("codebase").get("commitSha").asText()).isEqualTo(feature.name());
  }

  @Test
  void tagPush_buildsTheTaggedCommit() throws Exception {
    String url = trigger("on_tag", "Github", "Tag");

    // GitHub's after for an annotated tag is the tag object; the build checks out the commit it
    // tags
    ApiResponse delivered =
        WebhookFixtures.github(
            APP.anonymous(),
            url,
            "push",
            SECRET,
            WebhookFixtures.payload(
                "github-push-tag.json", Map.of("TAG", "v1.0", "SHA", annotatedTag)));

    JsonNode execution = awaitEnd(delivered);
    assertThat(execution.get("codebase").get("commitSha").asText()).isEqualTo(first.name());
    assertThat(execution.get("codebase").get("tag").asText()).isEqualTo("v1.0");
    assertThat(execution.get("trigger").get("tag").asText()).isEqualTo("v1.0");
    assertThat(execution.get("trigger").get("triggeredBy").asText()).isEqualTo("release-bot");
  }

  @Test
  void gitlabMergeRequestAndTagPush_buildTheirCommits() throws Exception {
    String mrUrl = trigger("gl_mr", "Gitlab", "PullRequest");
    String tagUrl = trigger("gl_tag", "Gitlab", "Tag");

    ApiResponse mr =
        WebhookFixtures.gitlab(
            APP.anonymous(),
            mrUrl,
            "Merge Request Hook",
            SECRET,
            WebhookFixtures.payload(
                "gitlab-merge-request.json",
                Map.of(
                    "ACTION", "open", "NUMBER", "3", "SOURCE", "feature", "SHA", feature.name())));
    ApiResponse tag =
        WebhookFixtures.gitlab(
            APP.anonymous(),
            tagUrl,
            "Tag Push Hook",
            SECRET,
            WebhookFixtures.payload(
                "gitlab-tag-push.json", Map.of("TAG", "v1.0", "SHA", first.name())));

    JsonNode mrRun = awaitEnd(mr);
    assertThat(mrRun.get("codebase").get("commitSha").asText()).isEqualTo(feature.name());
    assertThat(mrRun.get("trigger").get("prNumber").asText()).isEqualTo("3");
    assertThat(mrRun.get("trigger").get("triggeredBy").asText()).isEqualTo("root");
    assertThat(mrRun.get("trigger").get("event").asText()).isEqualTo("merge_request");
    JsonNode tagRun = awaitEnd(tag);
    assertThat(tagRun.get("codebase").get("commitSha").asText()).isEqualTo(first.name());
    assertThat(tagRun.get("trigger").get("triggeredBy").asText()).isEqualTo("jsmith");
  }

  @Test
  void push_ofACommitTheBranchDoesNotContain_failsTheRunSayingSo() throws Exception {
    String url = trigger("on_push_foreign", "Github", "Push");

    ApiResponse delivered =
        WebhookFixtures.github(
            APP.anonymous(), url, "push", SECRET, TriggersApiTest.push("main", feature.name()));

    JsonNode execution = awaitEnd(delivered);
    assertThat(execution.get("status").asText()).isEqualTo("FAILED");
    assertThat(execution.get("stages").get(0).get("failureMessage").asText())
        .contains(feature.name())
        .contains("does not contain it");
  }

  private static String stepFailure(JsonNode execution) {
    return execution.get("stages").get(0).get("steps").get(0).get("failureMessage").asText();
  }

  private static JsonNode awaitEnd(ApiResponse delivered) {
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(202);
    assertThat(delivered.json().get("executionIds")).hasSize(1);
    return awaitEnd(delivered.json().get("executionIds").get(0).asText());
  }

  private static JsonNode awaitEnd(String executionId) {
    return ExecutionFixtures.awaitEnd(acme, executionId, MAX_WAIT);
  }
}
