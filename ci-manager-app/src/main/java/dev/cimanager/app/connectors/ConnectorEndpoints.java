package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Identifiers;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.connectors.ConnectorRequest;
import dev.cimanager.contracts.connectors.ConnectorResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Connector endpoints, identical at every scope; subclasses say where they are mounted. */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ConnectorEndpoints {
  private final ConnectorStore store;
  private final ScopeResolver scopes;
  private final ConnectorGuard guard;
  private final ConnectionTester tester;

  ConnectorEndpoints(
      ConnectorStore store, ScopeResolver scopes, ConnectorGuard guard, ConnectionTester tester) {
    this.store = store;
    this.scopes = scopes;
    this.guard = guard;
    this.tester = tester;
  }

  /** The scope named by the request path, checked to exist in the caller's account. */
  private Scope scope(Caller caller, UriInfo uri) {
    return scopes.fromPath(caller, uri);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context Caller caller, @Context UriInfo uri, ConnectorRequest request) {
    Scope scope = scope(caller, uri);
    if (request == null) {
      throw ApiException.invalid(
          "request body is required: {\"identifier\",\"name\",\"type\",\"spec\"}");
    }
    String identifier = Identifiers.require("identifier", request.identifier());
    String name = Identifiers.requireName("name", request.name());
    Map<String, Object> spec = request.spec();
    Connector connector = ConnectorSpecs.parse(scope, identifier, name, request.type(), spec);
    guard.check(connector);
    store.insert(connector, request.description(), spec);
    ConnectorResponse created =
        new ConnectorResponse(
            identifier,
            name,
            request.description(),
            connector.type(),
            spec,
            scope.level().jsonName(),
            scope.referenceTo(identifier),
            scope.orgId(),
            scope.projectId());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  public Map<String, List<ConnectorResponse>> list(@Context Caller caller, @Context UriInfo uri) {
    Scope scope = scope(caller, uri);
    return Map.of(
        "connectors",
        store.list(scope).stream().map(doc -> ConnectorStore.toResponse(scope, doc)).toList());
  }

  @GET
  @Path("{id}")
  public ConnectorResponse get(
      @Context Caller caller, @Context UriInfo uri, @PathParam("id") String id) {
    Scope scope = scope(caller, uri);
    return ConnectorStore.toResponse(scope, existing(scope, id));
  }

  /** Replaces the connector (same body as create); its type cannot change, pipelines rely on it. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ConnectorResponse update(
      @Context Caller caller,
      @Context UriInfo uri,
      @PathParam("id") String id,
      ConnectorRequest request) {
    Scope scope = scope(caller, uri);
    if (request == null) {
      throw ApiException.invalid(
          "request body is required: {\"identifier\",\"name\",\"type\",\"spec\"}");
    }
    if (request.identifier() != null
        && !request.identifier().isEmpty()
        && !request.identifier().equals(id)) {
      throw ApiException.invalid(
          "identifier '"
              + request.identifier()
              + "' does not match the connector '"
              + id
              + "' in the path");
    }
    Document current = existing(scope, id);
    String type = request.type() == null ? current.getString("type") : request.type();
    if (!type.equals(current.getString("type"))) {
      throw ApiException.invalid(
          "type: connector '"
              + id
              + "' is a "
              + current.getString("type")
              + " connector and cannot become a "
              + type
              + " connector; create a new one");
    }
    String name = Identifiers.requireName("name", request.name());
    Connector connector = ConnectorSpecs.parse(scope, id, name, type, request.spec());
    guard.check(connector);
    if (!store.replace(connector, request.description(), request.spec())) {
      throw notFound(scope, id);
    }
    return ConnectorStore.toResponse(scope, existing(scope, id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Context Caller caller, @Context UriInfo uri, @PathParam("id") String id) {
    Scope scope = scope(caller, uri);
    if (!store.delete(scope, id)) {
      throw notFound(scope, id);
    }
    return Response.noContent().build();
  }

  /**
   * Tries the connector as a run would and answers {@code {"ok","message"}} (200 whatever the
   * outcome).
   */
  @POST
  @Path("{id}/test")
  public ConnectionTester.Result test(
      @Context Caller caller, @Context UriInfo uri, @PathParam("id") String id) {
    Scope scope = scope(caller, uri);
    Connector connector = ConnectorStore.toConnector(scope, existing(scope, id));
    try {
      // where the operator's rules forbid a run to go, a test does not go either
      guard.check(connector);
    } catch (ConnectorException e) {
      return new ConnectionTester.Result(false, "Not tested: " + e.getMessage());
    }
    return tester.test(connector);
  }

  private Document existing(Scope scope, String id) {
    return store.find(scope, id).orElseThrow(() -> notFound(scope, id));
  }

  private static ApiException notFound(Scope scope, String id) {
    return ApiException.notFound(
        "CONNECTOR_NOT_FOUND",
        "connector '" + id + "' not found at " + scope.level().jsonName() + " scope");
  }
}
