package dev.cimanager.app.accounts;

import dev.cimanager.app.web.ApiException;
import dev.cimanager.app.web.Unauthenticated;
import dev.cimanager.contracts.accounts.AccountUser;
import dev.cimanager.contracts.accounts.CreateAccountRequest;
import dev.cimanager.contracts.accounts.CreateAccountResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/accounts} with the admin token: a new account, its org {@code default} and a
 * user token.
 */
@Path("/api/v1/accounts")
@Unauthenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class AccountResource {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final AdminToken adminToken;
  private final AccountStore accounts;
  private final OrgStore orgs;
  private final TokenStore tokens;

  @Inject
  AccountResource(AdminToken adminToken, AccountStore accounts, OrgStore orgs, TokenStore tokens) {
    this.adminToken = adminToken;
    this.accounts = accounts;
    this.orgs = orgs;
    this.tokens = tokens;
  }

  @POST
  public Response create(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, CreateAccountRequest request) {
    adminToken.check(authorization);
    if (request == null) {
      throw ApiException.invalid(
          "request body is required: {\"identifier\",\"name\",\"user\":{\"name\",\"email\"}}");
    }
    String identifier = Identifiers.require("identifier", request.identifier());
    String name = Identifiers.requireName("name", request.name());
    AccountUser user = request.user();
    if (user == null) {
      throw ApiException.invalid("user is required: {\"name\",\"email\"}");
    }
    String userName = Identifiers.requireName("user.name", user.name());
    if (user.email() == null || user.email().isBlank()) {
      throw ApiException.invalid("user.email is required");
    }
    if (!EMAIL.matcher(user.email()).matches()) {
      throw ApiException.invalid("user.email '" + user.email() + "' is not an email address");
    }
    accounts.insert(identifier, name, userName, user.email());
    orgs.insertOrg(identifier, OrgStore.DEFAULT_ORG, "Default");
    String token = tokens.create(new Caller(identifier, userName, user.email()));
    return Response.status(Response.Status.CREATED)
        .entity(new CreateAccountResponse(identifier, token))
        .build();
  }
}
