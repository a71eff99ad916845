package dev.cimanager.app.policysets;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.storage.MongoDocuments;
import dev.cimanager.contracts.policysets.PolicyJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Policy sets in Mongo, {@code _id} {@code <scope key>:<identifier>} like secrets, so every
 * single-set operation is a unique-key lookup. {@code version} increments on every update.
 */
@Singleton
public final class PolicySetStore {
  private final MongoCollection<Document> sets;
  private final Clock clock;

  @Inject
  PolicySetStore(MongoDatabase database, Clock clock) {
    this.sets = database.getCollection("policy_sets");
    this.clock = clock;
  }

  StoredPolicySet create(Scope scope, String identifier, String name, List<PolicyJson> policies) {
    Date now = Date.from(clock.instant());
    Document doc =
        new Document("_id", scope.idOf(identifier))
            .append("scopeKey", scope.key())
            .append("identifier", identifier)
            .append("name", name)
            .append("policies", policies.stream().map(PolicySetStore::toDocument).toList())
            .append("version", 1L)
            .append("createdAt", now)
            .append("updatedAt", now);
    try {
      sets.insertOne(doc);
    } catch (MongoWriteException e) {
      if (MongoDocuments.isDuplicateKey(e)) {
        throw new PolicySetException(
            PolicySetException.Reason.DUPLICATE,
            "policy set '"
                + identifier
                + "' already exists at "
                + scope.level().jsonName()
                + " scope");
      }
      throw e;
    }
    return fromDocument(scope, doc);
  }

  StoredPolicySet update(Scope scope, String identifier, String name, List<PolicyJson> policies) {
    Document updated =
        sets.findOneAndUpdate(
            Filters.eq("_id", scope.idOf(identifier)),
            Updates.combine(
                Updates.set("name", name),
                Updates.set("policies", policies.stream().map(PolicySetStore::toDocument).toList()),
                Updates.set("updatedAt", Date.from(clock.instant())),
                Updates.inc("version", 1L)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (updated == null) {
      throw notFound(scope, identifier);
    }
    return fromDocument(scope, updated);
  }

  void delete(Scope scope, String identifier) {
    if (sets.deleteOne(Filters.eq("_id", scope.idOf(identifier))).getDeletedCount() == 0) {
      throw notFound(scope, identifier);
    }
  }

  public Optional<StoredPolicySet> find(Scope scope, String identifier) {
    return Optional.ofNullable(sets.find(Filters.eq("_id", scope.idOf(identifier))).first())
        .map(doc -> fromDocument(scope, doc));
  }

  /** The scope's sets by identifier. A scan on the embedded server: rare (the UI's list). */
  List<StoredPolicySet> list(Scope scope) {
    List<StoredPolicySet> result = new ArrayList<>();
    sets.find(Filters.eq("scopeKey", scope.key()))
        .forEach(doc -> result.add(fromDocument(scope, doc)));
    result.sort(Comparator.comparing(StoredPolicySet::identifier));
    return result;
  }

  static PolicySetException notFound(Scope scope, String identifier) {
    return new PolicySetException(
        PolicySetException.Reason.NOT_FOUND,
        "policy set '" + identifier + "' not found at " + scope.level().jsonName() + " scope");
  }

  private static Document toDocument(PolicyJson policy) {
    return new Document("identifier", policy.identifier())
        .append("name", policy.name())
        .append("expression", policy.expression())
        .append("message", policy.message())
        .append("severity", policy.severity());
  }

  private static StoredPolicySet fromDocument(Scope scope, Document doc) {
    List<PolicyJson> policies =
        doc.getList("policies", Document.class).stream()
            .map(
                p ->
                    new PolicyJson(
                        p.getString("identifier"),
                        p.getString("name"),
                        p.getString("expression"),
                        p.getString("message"),
                        p.getString("severity")))
            .toList();
    return new StoredPolicySet(
        scope,
        doc.getString("identifier"),
        doc.getString("name"),
        policies,
        ((Number) doc.get("version")).longValue());
  }
}
