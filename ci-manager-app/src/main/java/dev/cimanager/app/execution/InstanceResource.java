package dev.cimanager.app.execution;

import dev.cimanager.app.accounts.AdminToken;
import dev.cimanager.app.web.Unauthenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/v1/admin/instances} with the admin token: every CI manager instance that shares
 * this MongoDB, with its last heartbeat and how many executions it runs. An instance that stopped
 * cleanly is gone from the list; one that died stays with {@code alive: false} (no heartbeat for a
 * lease duration).
 */
@Path("/api/v1/admin/instances")
@Unauthenticated
@Produces(MediaType.APPLICATION_JSON)
public final class InstanceResource {

  /** One instance. Times are RFC 3339 UTC. */
  public record InstanceResponse(
      String instanceId,
      String host,
      String startedAt,
      String lastHeartbeat,
      int running,
      int workers,
      boolean alive,
      boolean self) {}

  public record InstanceListResponse(List<InstanceResponse> instances) {}

  private final AdminToken adminToken;
  private final InstanceRegistry registry;
  private final ExecutionEngine engine;
  private final Clock clock;

  @Inject
  InstanceResource(
      AdminToken adminToken, InstanceRegistry registry, ExecutionEngine engine, Clock clock) {
    this.adminToken = adminToken;
    this.registry = registry;
    this.engine = engine;
    this.clock = clock;
  }

  @GET
  public InstanceListResponse list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    adminToken.check(authorization);
    Instant aliveSince = clock.instant().minus(engine.leaseDuration());
    String self = engine.identity().id();
    return new InstanceListResponse(
        registry.list().stream()
            .sorted(Comparator.comparing(InstanceRegistry.InstanceStatus::instanceId))
            .map(
                status ->
                    new InstanceResponse(
                        status.instanceId(),
                        status.host(),
                        time(status.startedAt()),
                        time(status.lastHeartbeat()),
                        status.running(),
                        status.workers(),
                        status.lastHeartbeat().isAfter(aliveSince),
                        status.instanceId().equals(self)))
            .toList());
  }

  private static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
