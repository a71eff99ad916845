package dev.cimanager.app.verification;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.contracts.artifacts.VerificationSummary.PolicyResultJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Verification steps' verdicts in Mongo, {@code _id} {@code <executionId>/<stage>.<step>}: a step's
 * verdict replaces itself when the step runs again, and an execution's verdicts are read by the
 * {@code _id}s of its steps (the embedded server has only the unique {@code _id} index).
 */
@Singleton
public final class VerificationStore {
  private final MongoCollection<Document> verifications;
  private final Clock clock;

  @Inject
  VerificationStore(MongoDatabase database, Clock clock) {
    this.verifications = database.getCollection("verifications");
    this.clock = clock;
  }

  void save(StoredVerification verification) {
    Document doc =
        new Document(
                "_id",
                id(
                    verification.executionId(),
                    verification.stageIdentifier(),
                    verification.stepIdentifier()))
            .append("executionId", verification.executionId())
            .append("stageIdentifier", verification.stageIdentifier())
            .append("stepIdentifier", verification.stepIdentifier())
            .append("image", verification.image())
            .append("tag", verification.tag())
            .append("digest", verification.digest())
            .append("status", verification.status())
            .append("signature", verification.signature())
            .append(
                "policies",
                verification.policies().stream()
                    .map(
                        p ->
                            new Document("policySet", p.policySet())
                                .append("identifier", p.identifier())
                                .append("status", p.status())
                                .append("severity", p.severity())
                                .append("message", p.message()))
                    .toList())
            .append("failureMessage", verification.failureMessage())
            .append("createdAt", Date.from(clock.instant()));
    verifications.replaceOne(
        Filters.eq("_id", doc.getString("_id")), doc, new ReplaceOptions().upsert(true));
  }

  /** The verdicts of the execution's steps, in stage and step order. */
  public List<StoredVerification> of(Execution execution) {
    List<String> ids = new ArrayList<>();
    for (Execution.StageRun stage : execution.stages()) {
      for (Execution.StepRun step : stage.steps()) {
        ids.add(id(execution.executionId(), stage.identifier(), step.identifier()));
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, StoredVerification> found = new HashMap<>();
    verifications
        .find(Filters.in("_id", ids))
        .forEach(doc -> found.put(doc.getString("_id"), fromDocument(doc)));
    return ids.stream().filter(found::containsKey).map(found::get).toList();
  }

  private static String id(String executionId, String stage, String step) {
    return executionId + "/" + stage + "." + step;
  }

  private static StoredVerification fromDocument(Document doc) {
    List<PolicyResultJson> policies =
        doc.getList("policies", Document.class).stream()
            .map(
                p ->
                    new PolicyResultJson(
                        p.getString("policySet"),
                        p.getString("identifier"),
                        p.getString("status"),
                        p.getString("severity"),
                        p.getString("message")))
            .toList();
    return new StoredVerification(
        doc.getString("executionId"),
        doc.getString("stageIdentifier"),
        doc.getString("stepIdentifier"),
        doc.getString("image"),
        doc.getString("tag"),
        doc.getString("digest"),
        doc.getString("status"),
        doc.getString("signature"),
        policies,
        doc.getString("failureMessage"));
  }
}
