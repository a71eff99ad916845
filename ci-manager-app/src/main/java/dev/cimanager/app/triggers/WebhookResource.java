package dev.cimanager.app.triggers;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.web.Unauthenticated;
import dev.cimanager.contracts.triggers.WebhookResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The URL Git providers post events to ({@code webhookUrl}). No bearer token: the provider proves
 * itself with the trigger's secret (see {@link WebhookService}). The body is bounded by the
 * server's body limit.
 */
@Path("/api/v1/webhooks/{account}/{org}/{project}/{pipeline}/{trigger}")
@Produces(MediaType.APPLICATION_JSON)
@Unauthenticated
public final class WebhookResource {

  static final String OUTCOME_HEADER = "X-Delivery-Outcome";

  private final WebhookService webhooks;

  @Inject
  WebhookResource(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response deliver(
      @PathParam("account") String account,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String pipeline,
      @PathParam("trigger") String trigger,
      @Context HttpHeaders headers,
      byte[] body) {
    Map<String, String> first = new HashMap<>();
    headers
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                first.put(name.toLowerCase(Locale.ROOT), values.get(0));
              }
            });
    MediaType type = headers.getMediaType();
    WebhookDelivery delivery =
        new WebhookDelivery(
            first,
            type == null ? null : type.getType() + "/" + type.getSubtype(),
            body == null ? new byte[0] : body);
    WebhookService.Outcome outcome =
        webhooks.handle(
            Scope.project(account, org, project),
            new TriggerKey(org, project, pipeline, trigger),
            delivery);
    // providers show response headers in their delivery logs: why a delivery started nothing is
    // visible there
    return Response.status(Response.Status.ACCEPTED)
        .header(OUTCOME_HEADER, headerSafe(outcome.summary()))
        .entity(new WebhookResponse(outcome.executionIds()))
        .build();
  }

  /**
   * Printable ASCII only (a condition value from YAML may hold anything), at most 500 characters.
   */
  static String headerSafe(String text) {
    StringBuilder safe = new StringBuilder();
    text.codePoints().limit(500).forEach(c -> safe.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
    return safe.toString();
  }
}
