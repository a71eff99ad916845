package dev.cimanager.app.accounts;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.cimanager.app.storage.MongoDocuments;
import dev.cimanager.contracts.accounts.OrgResponse;
import dev.cimanager.contracts.accounts.ProjectResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Orgs ({@code _id} = {@code acct/org}) and projects ({@code _id} = {@code acct/org/project}).
 * Existence checks are unique-key reads; the listings filter on a non-unique field, which the
 * embedded server answers with a scan: fine for the handful of orgs and projects an account has.
 */
@Singleton
public final class OrgStore {
  public static final String DEFAULT_ORG = "default";
  private final MongoCollection<Document> orgs;
  private final MongoCollection<Document> projects;

  @Inject
  OrgStore(MongoDatabase database) {
    this.orgs = database.getCollection("orgs");
    this.projects = database.getCollection("projects");
  }

  public void insertOrg(String accountId, String identifier, String name) {
    Scope scope = Scope.org(accountId, identifier);
    insert(
        orgs,
        new Document("_id", scope.key())
            .append("accountId", accountId)
            .append("identifier", identifier)
            .append("name", name)
            .append("createdAt", new Date()),
        "org '" + identifier + "' already exists");
  }

  public void insertProject(String accountId, String orgId, String identifier, String name) {
    Scope scope = Scope.project(accountId, orgId, identifier);
    insert(
        projects,
        new Document("_id", scope.key())
            .append("accountId", accountId)
            .append("orgId", orgId)
            .append("identifier", identifier)
            .append("name", name)
            .append("createdAt", new Date()),
        "project '" + identifier + "' already exists in org '" + orgId + "'");
  }

  /**
   * Renames an org; its identifier (and so every reference to it) stays. @return false when it does
   * not exist
   */
  public boolean renameOrg(String accountId, String orgId, String name) {
    return orgs.updateOne(
                Filters.eq("_id", Scope.org(accountId, orgId).key()), Updates.set("name", name))
            .getMatchedCount()
        == 1;
  }

  /** Renames a project; its identifier stays. @return false when it does not exist */
  public boolean renameProject(String accountId, String orgId, String projectId, String name) {
    return projects
            .updateOne(
                Filters.eq("_id", Scope.project(accountId, orgId, projectId).key()),
                Updates.set("name", name))
            .getMatchedCount()
        == 1;
  }

  public Optional<OrgResponse> findOrg(String accountId, String orgId) {
    Document doc = orgs.find(Filters.eq("_id", Scope.org(accountId, orgId).key())).first();
    return Optional.ofNullable(doc).map(OrgStore::toOrg);
  }

  public Optional<ProjectResponse> findProject(String accountId, String orgId, String projectId) {
    Document doc =
        projects.find(Filters.eq("_id", Scope.project(accountId, orgId, projectId).key())).first();
    return Optional.ofNullable(doc).map(OrgStore::toProject);
  }

  public List<OrgResponse> listOrgs(String accountId) {
    List<OrgResponse> result = new ArrayList<>();
    orgs.find(Filters.eq("accountId", accountId)).forEach(doc -> result.add(toOrg(doc)));
    result.sort(Comparator.comparing(OrgResponse::identifier));
    return result;
  }

  public List<ProjectResponse> listProjects(String accountId, String orgId) {
    List<ProjectResponse> result = new ArrayList<>();
    projects
        .find(Filters.and(Filters.eq("accountId", accountId), Filters.eq("orgId", orgId)))
        .forEach(doc -> result.add(toProject(doc)));
    result.sort(Comparator.comparing(ProjectResponse::identifier));
    return result;
  }

  private static void insert(
      MongoCollection<Document> collection, Document doc, String duplicateMessage) {
    try {
      collection.insertOne(doc);
    } catch (MongoWriteException e) {
      if (MongoDocuments.isDuplicateKey(e)) {
        throw new AccountException(AccountException.Reason.DUPLICATE, duplicateMessage);
      }
      throw e;
    }
  }

  private static OrgResponse toOrg(Document doc) {
    return new OrgResponse(doc.getString("identifier"), doc.getString("name"));
  }

  private static ProjectResponse toProject(Document doc) {
    return new ProjectResponse(
        doc.getString("identifier"), doc.getString("name"), doc.getString("orgId"));
  }
}
