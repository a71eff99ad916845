package dev.cimanager.app.provenance;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Identifiers;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.secrets.SecretMetadata;
import dev.cimanager.app.secrets.SecretStore;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.secrets.SecretType;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a Cosign key pair on the server, as the {@code generate-key-pair} command does, and
 * stores it as three secrets of one scope: the encrypted private key (SecretFile), the public key
 * (SecretFile) and the key's password (SecretText). All three or none: a failure removes what was
 * already created. The answer carries the public key PEM, never the private key nor the password.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class CosignKeyPairEndpoints {
  private static final int MAX_PASSWORD_BYTES = 1024;

  private final SecretStore store;
  private final ScopeResolver scopes;
  private final SecureRandom random = new SecureRandom();

  CosignKeyPairEndpoints(SecretStore store, ScopeResolver scopes) {
    this.store = store;
    this.scopes = scopes;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response generate(
      @Context Caller caller, @Context UriInfo uri, CosignKeyPairRequest request) {
    Scope scope = scopes.fromPath(caller, uri);
    if (request == null) {
      throw ApiException.invalid(
          "request body is required: {\"privateKey\",\"publicKey\",\"password\"}");
    }
    Named privateKey = named("privateKey", request.privateKey());
    Named publicKey = named("publicKey", request.publicKey());
    Named password = named("password", request.password());
    if (new HashSet<>(List.of(privateKey.identifier, publicKey.identifier, password.identifier))
            .size()
        != 3) {
      throw ApiException.invalid(
          "privateKey, publicKey and password need three different identifiers");
    }
    for (Named secret : List.of(privateKey, publicKey, password)) {
      if (store.find(scope, secret.identifier).isPresent()) {
        throw ApiException.conflict(
            "DUPLICATE_IDENTIFIER",
            secret.field
                + ".identifier: secret '"
                + secret.identifier
                + "' already exists at "
                + scope.level().jsonName()
                + " scope");
      }
    }
    boolean generated = request.passwordValue() == null;
    byte[] passwordBytes =
        generated ? newPassword() : request.passwordValue().getBytes(StandardCharsets.UTF_8);
    if (passwordBytes.length > MAX_PASSWORD_BYTES) {
      throw ApiException.invalid("passwordValue is longer than " + MAX_PASSWORD_BYTES + " bytes");
    }
    CosignKeyPair pair;
    try {
      pair = KeyGenerationSlots.SHARED.run(() -> CosignKeys.generate(passwordBytes));
      Map<String, Object> body = new LinkedHashMap<>();
      List<SecretMetadata> created =
          createAll(
              scope,
              List.of(
                  new Value(privateKey, SecretType.SecretFile, pair.privateKeyPem()),
                  new Value(publicKey, SecretType.SecretFile, pair.publicKeyPem()),
                  new Value(password, SecretType.SecretText, passwordBytes)));
      body.put("privateKey", created.get(0).toResponse());
      body.put("publicKey", created.get(1).toResponse());
      body.put("password", created.get(2).toResponse());
      body.put("passwordGenerated", generated);
      body.put("publicKeyPem", new String(pair.publicKeyPem(), StandardCharsets.US_ASCII));
      Arrays.fill(pair.privateKeyPem(), (byte) 0);
      return Response.status(Response.Status.CREATED).entity(body).build();
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  /** Creates each secret in turn; if one fails, deletes the ones created before it and rethrows. */
  private List<SecretMetadata> createAll(Scope scope, List<Value> values) {
    List<SecretMetadata> created = new ArrayList<>();
    try {
      for (Value value : values) {
        created.add(
            store.create(scope, value.name.identifier, value.name.name, value.type, value.bytes));
      }
      return created;
    } catch (RuntimeException e) {
      for (SecretMetadata done : created) {
        try {
          store.delete(scope, done.identifier());
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
  }

  /** 24 random bytes as 32 URL-safe characters: typed nowhere, so long. */
  private byte[] newPassword() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(bytes)
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static Named named(String field, CosignKeyPairRequest.SecretName secret) {
    if (secret == null) {
      throw ApiException.invalid(field + " is required: {\"identifier\",\"name\"}");
    }
    String identifier = Identifiers.require(field + ".identifier", secret.identifier());
    String name =
        secret.name() == null || secret.name().isBlank()
            ? identifier
            : Identifiers.requireName(field + ".name", secret.name());
    return new Named(field, identifier, name);
  }

  private record Named(String field, String identifier, String name) {}

  private record Value(Named name, SecretType type, byte[] bytes) {}

  @Path("/api/v1/secrets/cosign-key-pair")
  public static final class AccountKeyPair extends CosignKeyPairEndpoints {
    @Inject
    AccountKeyPair(SecretStore store, ScopeResolver scopes) {
      super(store, scopes);
    }
  }

  @Path("/api/v1/orgs/{org}/secrets/cosign-key-pair")
  public static final class OrgKeyPair extends CosignKeyPairEndpoints {
    @Inject
    OrgKeyPair(SecretStore store, ScopeResolver scopes) {
      super(store, scopes);
    }
  }

  @Path("/api/v1/orgs/{org}/projects/{project}/secrets/cosign-key-pair")
  public static final class ProjectKeyPair extends CosignKeyPairEndpoints {
    @Inject
    ProjectKeyPair(SecretStore store, ScopeResolver scopes) {
      super(store, scopes);
    }
  }
}
