package dev.cimanager.app.connectors;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.storage.MongoDocuments;
import dev.cimanager.contracts.connectors.ConnectorResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Connectors in Mongo, {@code _id} = {@code <scope key>:<identifier>}. The spec is stored as
 * submitted (after validation) and re-validated into a {@link Connector} when read.
 */
@Singleton
public final class ConnectorStore {
  private final MongoCollection<Document> connectors;

  @Inject
  ConnectorStore(MongoDatabase database) {
    this.connectors = database.getCollection("connectors");
  }

  void insert(Connector connector, String description, Map<String, Object> spec) {
    Scope scope = connector.scope();
    Document doc =
        new Document("_id", scope.idOf(connector.identifier()))
            .append("accountId", scope.accountId())
            .append("orgId", scope.orgId())
            .append("projectId", scope.projectId())
            .append("scopeKey", scope.key())
            .append("identifier", connector.identifier())
            .append("name", connector.name())
            .append("description", description)
            .append("type", connector.type())
            .append("spec", new Document(spec))
            .append("createdAt", new Date());
    try {
      connectors.insertOne(doc);
    } catch (MongoWriteException e) {
      if (MongoDocuments.isDuplicateKey(e)) {
        throw new ConnectorException(
            ConnectorException.Reason.DUPLICATE,
            "connector '"
                + connector.identifier()
                + "' already exists at "
                + scope.level().jsonName()
                + " scope");
      }
      throw e;
    }
  }

  /**
   * Replaces name, description and spec; the identifier, type and creation time stay. @return false
   * if missing
   */
  boolean replace(Connector connector, String description, Map<String, Object> spec) {
    Scope scope = connector.scope();
    return connectors
            .updateOne(
                Filters.eq("_id", scope.idOf(connector.identifier())),
                com.mongodb.client.model.Updates.combine(
                    com.mongodb.client.model.Updates.set("name", connector.name()),
                    com.mongodb.client.model.Updates.set("description", description),
                    com.mongodb.client.model.Updates.set("spec", new Document(spec)),
                    com.mongodb.client.model.Updates.set("updatedAt", new Date())))
            .getMatchedCount()
        == 1;
  }

  /**
   * @return false when there was no such connector
   */
  boolean delete(Scope scope, String identifier) {
    return connectors.deleteOne(Filters.eq("_id", scope.idOf(identifier))).getDeletedCount() == 1;
  }

  Optional<Document> find(Scope scope, String identifier) {
    return Optional.ofNullable(connectors.find(Filters.eq("_id", scope.idOf(identifier))).first());
  }

  /** A scope's connectors by identifier (a scan on the embedded server; listing is rare). */
  List<Document> list(Scope scope) {
    List<Document> result = new ArrayList<>();
    connectors.find(Filters.eq("scopeKey", scope.key())).forEach(result::add);
    result.sort(Comparator.comparing(doc -> doc.getString("identifier")));
    return result;
  }

  static Connector toConnector(Scope scope, Document doc) {
    return ConnectorSpecs.parse(
        scope,
        doc.getString("identifier"),
        doc.getString("name"),
        doc.getString("type"),
        doc.get("spec", Document.class));
  }

  static ConnectorResponse toResponse(Scope scope, Document doc) {
    String identifier = doc.getString("identifier");
    return new ConnectorResponse(
        identifier,
        doc.getString("name"),
        doc.getString("description"),
        doc.getString("type"),
        doc.get("spec", Document.class),
        scope.level().jsonName(),
        scope.referenceTo(identifier),
        scope.orgId(),
        scope.projectId());
  }
}
