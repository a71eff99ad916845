package dev.cimanager.app.triggers;

import java.util.List;
import java.util.Objects;

/**
 * A trigger as its YAML declares it: what starts runs of one pipeline (a Git provider's webhook, or
 * a cron schedule), and whether it is enabled. {@code yaml} is the document as it was saved.
 */
public record TriggerDefinition(
    String identifier,
    String name,
    String orgIdentifier,
    String projectIdentifier,
    String pipelineIdentifier,
    boolean enabled,
    Source source,
    String yaml) {

  public TriggerDefinition {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(yaml, "yaml");
  }

  /** {@code Webhook} or {@code Scheduled}, as {@code source.type} says. */
  public String type() {
    return source instanceof Webhook ? "Webhook" : "Scheduled";
  }

  /** What starts the runs. */
  public sealed interface Source permits Webhook, Schedule {}

  /**
   * {@code source.type: Webhook}.
   *
   * @param connectorRef the Git connector the events come from (the pipeline's codebase connector)
   * @param secretRef the text secret the provider signs with (GitHub) or sends (GitLab)
   * @param actions for PullRequest triggers, the pull request actions taken ({@code Open}, {@code
   *     Reopen}, {@code Synchronize}); empty for all of them
   */
  public record Webhook(
      GitProvider provider,
      WebhookEventType event,
      String connectorRef,
      String secretRef,
      List<PayloadCondition> conditions,
      List<String> actions)
      implements Source {

    public Webhook {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(connectorRef, "connectorRef");
      Objects.requireNonNull(secretRef, "secretRef");
      conditions = List.copyOf(conditions);
      actions = List.copyOf(actions);
    }
  }

  /** {@code source.type: Scheduled} with {@code spec.type: Cron}. */
  public record Schedule(CronSchedule cron) implements Source {

    public Schedule {
      Objects.requireNonNull(cron, "cron");
    }
  }
}
