package dev.cimanager.app.execution;

import dev.cimanager.app.execution.Execution.ImageOutcome;
import dev.cimanager.app.execution.Execution.StageRun;
import dev.cimanager.app.execution.Execution.StepRun;
import dev.cimanager.app.execution.Execution.Trigger;
import dev.cimanager.app.execution.tools.ClonedSource;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** {@link Execution} to and from its MongoDB document ({@code _id} = execution id). */
final class ExecutionDocuments {

  private ExecutionDocuments() {}

  static Document toDocument(Execution execution) {
    return new Document("_id", execution.executionId())
        .append("accountId", execution.accountId())
        .append("orgIdentifier", execution.orgIdentifier())
        .append("projectIdentifier", execution.projectIdentifier())
        .append("pipelineIdentifier", execution.pipelineIdentifier())
        .append("sequenceId", execution.sequenceId())
        .append("status", execution.status().name())
        .append(
            "trigger",
            new Document("type", execution.trigger().type().name())
                .append("triggeredBy", execution.trigger().triggeredBy())
                .append("event", execution.trigger().event())
                .append("triggerIdentifier", execution.trigger().triggerIdentifier())
                .append("codebase", toDocument(execution.trigger().codebase())))
        .append("branch", execution.branch())
        .append("pipelineYaml", execution.pipelineYaml())
        .append("startedAt", date(execution.startedAt()))
        .append("endedAt", date(execution.endedAt()))
        .append("failureMessage", execution.failureMessage())
        .append(
            "codebase",
            execution.codebaseIfPresent().map(ExecutionDocuments::toDocument).orElse(null))
        .append("stages", execution.stages().stream().map(ExecutionDocuments::toDocument).toList())
        .append("abortedBy", execution.abortedBy());
  }

  static Execution fromDocument(Document doc) {
    Document trigger = doc.get("trigger", Document.class);
    Document codebase = doc.get("codebase", Document.class);
    return new Execution(
        doc.getString("_id"),
        doc.getString("accountId"),
        doc.getString("orgIdentifier"),
        doc.getString("projectIdentifier"),
        doc.getString("pipelineIdentifier"),
        ((Number) doc.get("sequenceId")).longValue(),
        ExecutionStatus.valueOf(doc.getString("status")),
        new Trigger(
            TriggerType.valueOf(trigger.getString("type")),
            trigger.getString("triggeredBy"),
            trigger.getString("event"),
            trigger.getString("triggerIdentifier"),
            codebaseRefFrom(trigger.get("codebase", Document.class))),
        doc.getString("branch"),
        doc.getString("pipelineYaml"),
        instant(doc.getDate("startedAt")),
        instant(doc.getDate("endedAt")),
        doc.getString("failureMessage"),
        codebase == null ? null : codebaseFrom(codebase),
        doc.getList("stages", Document.class).stream().map(ExecutionDocuments::stageFrom).toList(),
        doc.getString("abortedBy"));
  }

  private static Document toDocument(CodebaseRef ref) {
    return ref == null
        ? null
        : new Document("branch", ref.branch())
            .append("tag", ref.tag())
            .append("prNumber", ref.prNumber())
            .append("commitSha", ref.commitSha())
            .append("fetchRef", ref.fetchRef());
  }

  private static CodebaseRef codebaseRefFrom(Document doc) {
    return doc == null
        ? null
        : new CodebaseRef(
            doc.getString("branch"),
            doc.getString("tag"),
            doc.getString("prNumber"),
            doc.getString("commitSha"),
            doc.getString("fetchRef"));
  }

  private static Document toDocument(ClonedSource source) {
    return new Document("repositoryUrl", source.repositoryUrl())
        .append("branch", source.branch())
        .append("tag", source.tag())
        .append("commitSha", source.commitSha())
        .append("commitTime", date(source.commitTime()));
  }

  private static ClonedSource codebaseFrom(Document doc) {
    return new ClonedSource(
        doc.getString("repositoryUrl"),
        doc.getString("branch"),
        doc.getString("tag"),
        doc.getString("commitSha"),
        instant(doc.getDate("commitTime")));
  }

  private static Document toDocument(StageRun stage) {
    return new Document("identifier", stage.identifier())
        .append("name", stage.name())
        .append("status", stage.status().name())
        .append("failureMessage", stage.failureMessage())
        .append("startedAt", date(stage.startedAt()))
        .append("endedAt", date(stage.endedAt()))
        .append("steps", stage.steps().stream().map(ExecutionDocuments::toDocument).toList());
  }

  private static StageRun stageFrom(Document doc) {
    return new StageRun(
        doc.getString("identifier"),
        doc.getString("name"),
        ExecutionStatus.valueOf(doc.getString("status")),
        doc.getString("failureMessage"),
        instant(doc.getDate("startedAt")),
        instant(doc.getDate("endedAt")),
        doc.getList("steps", Document.class).stream().map(ExecutionDocuments::stepFrom).toList());
  }

  private static Document toDocument(StepRun step) {
    ImageOutcome outcome = step.outcome();
    return new Document("identifier", step.identifier())
        .append("name", step.name())
        .append("type", step.type())
        .append("status", step.status().name())
        .append("failureMessage", step.failureMessage())
        .append("startedAt", date(step.startedAt()))
        .append("endedAt", date(step.endedAt()))
        .append(
            "outcome",
            outcome == null
                ? null
                : new Document("image", outcome.image())
                    .append("tags", outcome.tags())
                    .append("digest", outcome.digest())
                    .append(
                        "provenance",
                        outcome.provenance() == null ? null : outcome.provenance().name()));
  }

  private static StepRun stepFrom(Document doc) {
    Document outcome = doc.get("outcome", Document.class);
    return new StepRun(
        doc.getString("identifier"),
        doc.getString("name"),
        doc.getString("type"),
        ExecutionStatus.valueOf(doc.getString("status")),
        doc.getString("failureMessage"),
        instant(doc.getDate("startedAt")),
        instant(doc.getDate("endedAt")),
        outcome == null
            ? null
            : new ImageOutcome(
                outcome.getString("image"),
                List.copyOf(outcome.getList("tags", String.class)),
                outcome.getString("digest"),
                outcome.getString("provenance") == null
                    ? null
                    : ProvenanceStatus.valueOf(outcome.getString("provenance"))));
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
