package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Identifiers;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.errors.ApiException;
import dev.cimanager.contracts.connectors.ConnectorRequest;
import dev.cimanager.contracts.connectors.ConnectorResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** Connector endpoints, identical at every scope; subclasses say where they are mounted. */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ConnectorEndpoints {
  private final ConnectorStore store;
  private final ScopeResolver scopes;
  private final ConnectorGuard guard;

  ConnectorEndpoints(ConnectorStore store, ScopeResolver scopes, ConnectorGuard guard) {
    this.store = store;
    this.scopes = scopes;
    this.guard = guard;
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
      throw ApiException.invalid("request body is required: {\"identifier\",\"name\",\"type\",\"spec\"}");
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
        "connectors", store.list(scope).stream().map(doc -> ConnectorStore.toResponse(scope, doc)).toList());
  }

  @GET
  @Path("{id}")
  public ConnectorResponse get(@Context Caller caller, @Context UriInfo uri, @PathParam("id") String id) {
    Scope scope = scope(caller, uri);
    return store
        .find(scope, id)
        .map(doc -> ConnectorStore.toResponse(scope, doc))
        .orElseThrow(
            () -> ApiException.notFound(
                "CONNECTOR_NOT_FOUND", "connector '" + id + "' not found at " + scope.level().jsonName() + " scope"));
  }
}
