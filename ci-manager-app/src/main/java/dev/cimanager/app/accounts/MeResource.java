package dev.cimanager.app.accounts;

import dev.cimanager.contracts.accounts.MeResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/me}: who the token acts as. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public final class MeResource {
  @GET
  public MeResponse me(@Context Caller caller) {
    return new MeResponse(caller.accountId(), caller.userName(), caller.userEmail());
  }
}
