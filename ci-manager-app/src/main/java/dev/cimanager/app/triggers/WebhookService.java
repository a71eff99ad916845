package dev.cimanager.app.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.accounts.ReferenceException;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.execution.CodebaseRef;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ExecutionService;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.pipelines.InvalidPipelineException;
import dev.cimanager.app.secrets.SecretException;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.contracts.executions.TriggerType;
import dev.cimanager.contracts.secrets.SecretType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one webhook delivery: the trigger, the provider's proof (signature or token) before
 * anything is read, the event, the de-duplication by delivery id, the trigger's type and
 * conditions, and the start of a run of exactly the event's commit. It only queues the run, never
 * waits for it.
 */
@Singleton
public final class WebhookService {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
  private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final TriggerRepository triggers;
  private final TriggerParser parser;
  private final SecretService secrets;
  private final WebhookDeliveries deliveries;
  private final ExecutionService executions;
  private final ObjectMapper json;
  private final Clock clock;
  private final Executor bookkeeping =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(1_000),
          task -> {
            Thread thread = new Thread(task, "webhook-bookkeeping");
            thread.setDaemon(true);
            return thread;
          },
          (task, pool) ->
              LOG.warn("webhook bookkeeping is behind; a trigger's last fire was not recorded"));

  @Inject
  WebhookService(
      TriggerRepository triggers,
      TriggerParser parser,
      SecretService secrets,
      WebhookDeliveries deliveries,
      ExecutionService executions,
      ObjectMapper json,
      Clock clock) {
    this.triggers = triggers;
    this.parser = parser;
    this.secrets = secrets;
    this.deliveries = deliveries;
    this.executions = executions;
    this.json = json;
    this.clock = clock;
  }

  /**
   * What a delivery did: the executions it started (the first time, for a redelivery; empty when
   * none) and, for the provider's delivery log, a sentence saying so or why nothing started.
   */
  public record Outcome(List<String> executionIds, String summary) {}

  /**
   * @throws WebhookException for an unknown trigger, a bad signature or delivery; {@link
   *     dev.cimanager.app.execution.ExecutionException} {@code QUEUE_FULL} when the queue is full
   */
  public Outcome handle(Scope project, TriggerKey key, WebhookDelivery delivery) {
    StoredTrigger stored = triggers.find(project, key).orElseThrow(() -> notFound(key));
    TriggerDefinition trigger = parser.parse(stored.key(), stored.yaml());
    if (!(trigger.source() instanceof TriggerDefinition.Webhook webhook)) {
      throw notFound(key);
    }
    String triggerId = TriggerRepository.idOf(project, key);
    authenticate(project, triggerId, webhook, delivery);
    if (delivery.contentType() != null
        && !delivery.contentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new WebhookException(
          WebhookException.Reason.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type '"
              + delivery.contentType()
              + "' is not accepted: configure the webhook to send application/json");
    }
    String eventHeader =
        webhook.provider() == GitProvider.GITHUB ? "X-GitHub-Event" : "X-Gitlab-Event";
    String eventName = delivery.header(eventHeader);
    if (eventName == null || eventName.isBlank() || eventName.length() > 64) {
      throw new WebhookException(
          WebhookException.Reason.MISSING_EVENT, "the " + eventHeader + " header is required");
    }
    String deliveryId = deliveryId(webhook.provider(), delivery);
    WebhookEvent event = event(webhook.provider(), eventName, delivery.body());

    Instant now = clock.instant();
    Optional<WebhookDeliveries.Delivery> first =
        deliveries.claim(triggerId, deliveryId, event.name(), now);
    if (first.isPresent()) {
      LOG.info(
          "webhook delivery {} to trigger {}: a redelivery; it started {} the first time",
          deliveryId,
          triggerId,
          first.get().executionIds());
      return new Outcome(
          first.get().executionIds(), "redelivery of " + deliveryId + ": started nothing new");
    }
    String ignored = whyIgnored(trigger, webhook, event);
    if (ignored != null) {
      deliveries.finish(triggerId, deliveryId, "IGNORED", ignored, List.of());
      LOG.info(
          "webhook delivery {} to trigger {}: {} event started nothing: {}",
          deliveryId,
          triggerId,
          event.name(),
          ignored);
      return new Outcome(List.of(), "started nothing: " + ignored);
    }
    Execution execution;
    try {
      execution =
          executions.start(
              project,
              key.pipelineIdentifier(),
              new Execution.Trigger(
                  TriggerType.WEBHOOK,
                  event.sender(),
                  event.name(),
                  key.triggerIdentifier(),
                  new CodebaseRef(
                      event.branch(),
                      event.tag(),
                      event.prNumber(),
                      event.commitSha(),
                      event.fetchRef())));
    } catch (DomainException | InvalidPipelineException e) {
      deliveries.release(triggerId, deliveryId);
      triggers.recordFire(
          project, key, new StoredTrigger.LastFire(now, null, "FAILED", e.getMessage()));
      LOG.warn(
          "webhook delivery {} to trigger {}: could not start a run: {}",
          deliveryId,
          triggerId,
          e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      // not started: let the provider's redelivery try again rather than find a claim that started
      // nothing
      deliveries.release(triggerId, deliveryId);
      throw e;
    }
    deliveries.finish(triggerId, deliveryId, "STARTED", null, List.of(execution.executionId()));
    // only the Triggers tab reads the last fire: it need not delay the provider's answer
    bookkeeping.execute(
        () ->
            triggers.recordFire(
                project,
                key,
                new StoredTrigger.LastFire(now, execution.executionId(), "STARTED", null)));
    LOG.info(
        "webhook delivery {} to trigger {}: {} event started execution {} of commit {}",
        deliveryId,
        triggerId,
        event.name(),
        execution.executionId(),
        event.commitSha());
    return new Outcome(
        List.of(execution.executionId()), "started execution " + execution.executionId());
  }

  private void authenticate(
      Scope project,
      String triggerId,
      TriggerDefinition.Webhook webhook,
      WebhookDelivery delivery) {
    byte[] secret;
    try {
      secret = secrets.resolve(project, webhook.secretRef(), SecretType.SecretText).value();
    } catch (SecretException | ReferenceException e) {
      LOG.warn(
          "webhook delivery to trigger {} refused: its secret cannot be read: {}",
          triggerId,
          e.getMessage());
      throw invalidSignature("the trigger's secret cannot be read, so no delivery can be verified");
    }
    boolean valid =
        webhook.provider() == GitProvider.GITHUB
            ? WebhookSignatures.githubValid(
                delivery.header("X-Hub-Signature-256"), delivery.body(), secret)
            : WebhookSignatures.gitlabValid(delivery.header("X-Gitlab-Token"), secret);
    Arrays.fill(secret, (byte) 0);
    if (!valid) {
      LOG.info(
          "webhook delivery to trigger {} refused: missing or wrong {}",
          triggerId,
          webhook.provider() == GitProvider.GITHUB ? "X-Hub-Signature-256" : "X-Gitlab-Token");
      throw invalidSignature(
          webhook.provider() == GitProvider.GITHUB
              ? "X-Hub-Signature-256 is missing or is not the HMAC-SHA256 of the body with the trigger's secret"
              : "X-Gitlab-Token is missing or is not the trigger's secret");
    }
  }

  /** GitHub's delivery GUID; GitLab's event UUID or idempotency key, else the body's digest. */
  private static String deliveryId(GitProvider provider, WebhookDelivery delivery) {
    String id =
        provider == GitProvider.GITHUB
            ? delivery.header("X-GitHub-Delivery")
            : Optional.ofNullable(delivery.header("X-Gitlab-Event-UUID"))
                .orElse(delivery.header("Idempotency-Key"));
    if (id == null && provider == GitProvider.GITLAB) {
      return "sha256-" + sha256Hex(delivery.body());
    }
    if (id == null) {
      throw new WebhookException(
          WebhookException.Reason.MISSING_DELIVERY_ID, "the X-GitHub-Delivery header is required");
    }
    if (!DELIVERY_ID.matcher(id).matches()) {
      throw new WebhookException(
          WebhookException.Reason.INVALID_DELIVERY_ID,
          "the delivery id must be 1 to 128 letters, digits," + " '.', '_', ':' or '-'");
    }
    return id;
  }

  private WebhookEvent event(GitProvider provider, String eventName, byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw invalidPayload("the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalidPayload("the body could not be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalidPayload("the body must be a JSON object");
    }
    try {
      return provider == GitProvider.GITHUB
          ? GithubEvents.parse(eventName, root)
          : GitlabEvents.parse(eventName, root);
    } catch (InvalidPayloadException e) {
      throw invalidPayload(e.getMessage());
    }
  }

  /** Why the trigger does not take {@code event}, or null when it does. */
  private static String whyIgnored(
      TriggerDefinition trigger, TriggerDefinition.Webhook webhook, WebhookEvent event) {
    if (!trigger.enabled()) {
      return "the trigger is disabled";
    }
    if (event.kind() == null) {
      return event.ignoredBecause();
    }
    if (event.kind() != webhook.event()) {
      return "a "
          + webhook.event().yamlName()
          + " trigger does not take "
          + event.kind().yamlName()
          + " events";
    }
    if (!webhook.actions().isEmpty() && !webhook.actions().contains(event.action())) {
      return "pull request action "
          + event.action()
          + " is not one of the trigger's actions "
          + String.join(", ", webhook.actions());
    }
    for (PayloadCondition condition : webhook.conditions()) {
      boolean holds =
          condition.key().equals("changedFiles")
              ? event.changedFiles() != null && condition.testAll(event.changedFiles())
              : condition.test(event.value(condition.key()));
      if (!holds) {
        return "condition '"
            + condition
            + "' does not hold"
            + (condition.key().equals("changedFiles")
                ? ""
                : " (the event's "
                    + condition.key()
                    + " is '"
                    + event.value(condition.key())
                    + "')");
      }
    }
    return null;
  }

  private static String sha256Hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static WebhookException invalidPayload(String message) {
    return new WebhookException(WebhookException.Reason.INVALID_PAYLOAD, message);
  }

  private static WebhookException invalidSignature(String message) {
    return new WebhookException(WebhookException.Reason.INVALID_SIGNATURE, message);
  }

  private static WebhookException notFound(TriggerKey key) {
    return new WebhookException(
        WebhookException.Reason.TRIGGER_NOT_FOUND,
        "no webhook trigger '"
            + key.triggerIdentifier()
            + "' on pipeline '"
            + key.pipelineIdentifier()
            + "'");
  }
}
