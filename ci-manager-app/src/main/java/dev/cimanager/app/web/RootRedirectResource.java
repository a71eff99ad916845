package dev.cimanager.app.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code GET /} sends browsers to the web UI. */
@Path("/")
@Unauthenticated
public final class RootRedirectResource {
  @GET
  public Response root() {
    return Response.seeOther(URI.create("/ui/")).build();
  }
}
