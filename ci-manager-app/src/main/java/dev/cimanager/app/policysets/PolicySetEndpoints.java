package dev.cimanager.app.policysets;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Identifiers;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.policysets.PolicyEvaluationRequest;
import dev.cimanager.contracts.policysets.PolicyEvaluationResponse;
import dev.cimanager.contracts.policysets.PolicySetListResponse;
import dev.cimanager.contracts.policysets.PolicySetRequest;
import dev.cimanager.contracts.policysets.PolicySetResponse;
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

/** Policy set endpoints, identical at every scope; subclasses say where they are mounted. */
@Produces(MediaType.APPLICATION_JSON)
public abstract class PolicySetEndpoints {
  private final PolicySetStore store;
  private final ScopeResolver scopes;
  private final PolicyTrial trial;

  PolicySetEndpoints(PolicySetStore store, ScopeResolver scopes, PolicyTrial trial) {
    this.store = store;
    this.scopes = scopes;
    this.trial = trial;
  }

  /**
   * Tries policies (not saved) on the stored provenance of an execution's artifact; see {@link
   * PolicyTrial}.
   */
  @POST
  @Path("evaluate")
  @Consumes(MediaType.APPLICATION_JSON)
  public PolicyEvaluationResponse evaluate(
      @Context Caller caller, @Context UriInfo uri, PolicyEvaluationRequest request) {
    scopes.fromPath(caller, uri);
    return trial.evaluate(caller, request);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context Caller caller, @Context UriInfo uri, PolicySetRequest request) {
    Scope scope = scopes.fromPath(caller, uri);
    PolicySetRequest body = requireBody(request);
    String identifier = Identifiers.require("identifier", body.identifier());
    String name = Identifiers.requireName("name", body.name());
    StoredPolicySet created =
        store.create(scope, identifier, name, PolicySetValidator.policies(body));
    return Response.status(Response.Status.CREATED).entity(created.toResponse()).build();
  }

  @GET
  public PolicySetListResponse list(@Context Caller caller, @Context UriInfo uri) {
    return new PolicySetListResponse(
        store.list(scopes.fromPath(caller, uri)).stream()
            .map(StoredPolicySet::toResponse)
            .toList());
  }

  @GET
  @Path("{id}")
  public PolicySetResponse get(
      @Context Caller caller, @Context UriInfo uri, @PathParam("id") String id) {
    Scope scope = scopes.fromPath(caller, uri);
    return store.find(scope, id).orElseThrow(() -> PolicySetStore.notFound(scope, id)).toResponse();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public PolicySetResponse update(
      @Context Caller caller,
      @Context UriInfo uri,
      @PathParam("id") String id,
      PolicySetRequest request) {
    Scope scope = scopes.fromPath(caller, uri);
    PolicySetRequest body = requireBody(request);
    if (body.identifier() != null
        && !body.identifier().isEmpty()
        && !body.identifier().equals(id)) {
      throw ApiException.invalid(
          "identifier '"
              + body.identifier()
              + "' does not match the policy set '"
              + id
              + "' in the path");
    }
    String name = Identifiers.requireName("name", body.name());
    return store.update(scope, id, name, PolicySetValidator.policies(body)).toResponse();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Context Caller caller, @Context UriInfo uri, @PathParam("id") String id) {
    store.delete(scopes.fromPath(caller, uri), id);
    return Response.noContent().build();
  }

  private static PolicySetRequest requireBody(PolicySetRequest request) {
    if (request == null) {
      throw ApiException.invalid(
          "request body is required: {\"identifier\",\"name\",\"policies\"}");
    }
    return request;
  }
}
