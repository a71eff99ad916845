package dev.cimanager.app.triggers;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.pipelines.Pipeline;
import dev.cimanager.app.pipelines.PipelineParser;
import dev.cimanager.app.pipelines.PipelineProblem;
import dev.cimanager.app.pipelines.PipelineRepository;
import dev.cimanager.app.pipelines.PipelineResource;
import dev.cimanager.app.pipelines.StoredPipeline;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.triggers.DeliveryResponse;
import dev.cimanager.contracts.triggers.TriggerListResponse;
import dev.cimanager.contracts.triggers.TriggerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/**
 * A pipeline's triggers: {@code PUT} the YAML (the content types pipelines take), read one or all
 * back with their webhook URL, next due times and last fire, and delete one.
 */
@Path("/api/v1/orgs/{org}/projects/{project}/pipelines/{pipeline}/triggers")
@Produces(MediaType.APPLICATION_JSON)
public final class TriggerResource {

  private final ScopeResolver scopes;
  private final PipelineRepository pipelines;
  private final PipelineParser pipelineParser;
  private final TriggerParser parser;
  private final TriggerReferences references;
  private final TriggerRepository repository;
  private final WebhookDeliveries deliveries;
  private final Clock clock;

  @Inject
  TriggerResource(
      ScopeResolver scopes,
      PipelineRepository pipelines,
      PipelineParser pipelineParser,
      TriggerParser parser,
      TriggerReferences references,
      TriggerRepository repository,
      WebhookDeliveries deliveries,
      Clock clock) {
    this.scopes = scopes;
    this.pipelines = pipelines;
    this.pipelineParser = pipelineParser;
    this.parser = parser;
    this.references = references;
    this.repository = repository;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  static final int MAX_SCHEDULES_PER_ACCOUNT = 100;

  @PUT
  @Path("{trigger}")
  @Consumes({PipelineResource.YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
  public Response save(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String pipelineId,
      @PathParam("trigger") String triggerId,
      String yaml) {
    Scope scope = scopes.project(caller, org, project);
    Pipeline pipeline = pipeline(scope, pipelineId);
    TriggerKey key = new TriggerKey(org, project, pipelineId, triggerId);
    TriggerDefinition trigger = parser.parse(key, yaml == null ? "" : yaml);
    List<PipelineProblem> problems = references.problems(scope, pipeline, trigger);
    if (!problems.isEmpty()) {
      throw new InvalidTriggerException(problems);
    }
    // every instance reads every enabled schedule each second on one thread: one account's
    // thousands would delay every other account's schedules
    if (trigger.enabled()
        && trigger.source() instanceof TriggerDefinition.Schedule
        && repository.enabledSchedulesOf(caller.accountId(), TriggerRepository.idOf(scope, key))
            >= MAX_SCHEDULES_PER_ACCOUNT) {
      throw ApiException.conflict(
          "TOO_MANY_SCHEDULES",
          "the account already has "
              + MAX_SCHEDULES_PER_ACCOUNT
              + " enabled schedules, the most it may have: disable or delete one first");
    }
    boolean created = repository.save(scope, trigger);
    StoredTrigger stored = repository.find(scope, key).orElseThrow();
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
        .entity(TriggerResponses.of(stored, trigger, clock.instant()))
        .build();
  }

  @GET
  public TriggerListResponse list(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String pipelineId) {
    Scope scope = scopes.project(caller, org, project);
    pipeline(scope, pipelineId);
    return new TriggerListResponse(
        repository.list(scope, pipelineId).stream().map(this::response).toList());
  }

  @GET
  @Path("{trigger}")
  public TriggerResponse get(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String pipelineId,
      @PathParam("trigger") String triggerId) {
    Scope scope = scopes.project(caller, org, project);
    return response(
        repository
            .find(scope, new TriggerKey(org, project, pipelineId, triggerId))
            .orElseThrow(() -> notFound(triggerId, pipelineId)));
  }

  /** One delivery's record, by the provider's delivery id: what it started, or why nothing. */
  @GET
  @Path("{trigger}/deliveries/{delivery}")
  public DeliveryResponse delivery(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String pipelineId,
      @PathParam("trigger") String triggerId,
      @PathParam("delivery") String deliveryId) {
    Scope scope = scopes.project(caller, org, project);
    TriggerKey key = new TriggerKey(org, project, pipelineId, triggerId);
    repository.find(scope, key).orElseThrow(() -> notFound(triggerId, pipelineId));
    WebhookDeliveries.Delivery delivery =
        deliveries
            .find(TriggerRepository.idOf(scope, key), deliveryId)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "DELIVERY_NOT_FOUND",
                        "trigger '" + triggerId + "' received no delivery '" + deliveryId + "'"));
    return new DeliveryResponse(
        delivery.deliveryId(),
        delivery.event(),
        delivery.result(),
        delivery.reason(),
        delivery.executionIds(),
        delivery.receivedAt() == null ? null : delivery.receivedAt().toString());
  }

  @DELETE
  @Path("{trigger}")
  public Response delete(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String pipelineId,
      @PathParam("trigger") String triggerId) {
    Scope scope = scopes.project(caller, org, project);
    if (!repository.delete(scope, new TriggerKey(org, project, pipelineId, triggerId))) {
      throw notFound(triggerId, pipelineId);
    }
    return Response.noContent().build();
  }

  private TriggerResponse response(StoredTrigger stored) {
    return TriggerResponses.of(stored, parser.parse(stored.key(), stored.yaml()), clock.instant());
  }

  private Pipeline pipeline(Scope scope, String pipelineId) {
    StoredPipeline stored =
        pipelines
            .find(scope, pipelineId)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "PIPELINE_NOT_FOUND",
                        "pipeline '"
                            + pipelineId
                            + "' not found in project '"
                            + scope.projectId()
                            + "' of org '"
                            + scope.orgId()
                            + "'"));
    return pipelineParser.parse(stored.key(), stored.yaml());
  }

  private static ApiException notFound(String triggerId, String pipelineId) {
    return ApiException.notFound(
        "TRIGGER_NOT_FOUND",
        "trigger '" + triggerId + "' not found on pipeline '" + pipelineId + "'");
  }
}
