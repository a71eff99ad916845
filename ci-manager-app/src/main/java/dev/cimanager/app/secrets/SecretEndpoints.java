package dev.cimanager.app.secrets;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Identifiers;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.secrets.SecretListResponse;
import dev.cimanager.contracts.secrets.SecretResponse;
import dev.cimanager.contracts.secrets.SecretType;
import dev.cimanager.contracts.secrets.TextSecretRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * The secret endpoints, identical at every scope; each subclass only says where it is mounted and
 * how the path names the scope. Responses carry metadata, never values.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class SecretEndpoints {
  static final int MAX_TEXT_BYTES = 64 * 1024;
  static final int MAX_FILE_BYTES = 1024 * 1024;

  private final SecretStore store;
  private final ScopeResolver scopes;

  SecretEndpoints(SecretStore store, ScopeResolver scopes) {
    this.store = store;
    this.scopes = scopes;
  }

  /** The scope named by the request path, checked to exist in the caller's account. */
  private Scope scope(Caller caller, UriInfo uri) {
    return scopes.fromPath(caller, uri);
  }

  @POST
  @Path("text")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createText(
      @Context Caller caller, @Context UriInfo uri, TextSecretRequest request) {
    Scope scope = scope(caller, uri);
    TextSecretRequest body = requireTextBody(request);
    String identifier = Identifiers.require("identifier", body.identifier());
    SecretMetadata created =
        store.create(
            scope,
            identifier,
            Identifiers.requireName("name", body.name()),
            SecretType.SecretText,
            textValue(body));
    return Response.status(Response.Status.CREATED).entity(created.toResponse()).build();
  }

  @POST
  @Path("file")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response createFile(
      @Context Caller caller,
      @Context UriInfo uri,
      @FormDataParam("identifier") String identifier,
      @FormDataParam("name") String name,
      @FormDataParam("file") InputStream file) {
    Scope scope = scope(caller, uri);
    String id = Identifiers.require("identifier", identifier);
    SecretMetadata created =
        store.create(
            scope,
            id,
            Identifiers.requireName("name", name),
            SecretType.SecretFile,
            fileValue(file));
    return Response.status(Response.Status.CREATED).entity(created.toResponse()).build();
  }

  @GET
  public SecretListResponse list(
      @Context Caller caller, @Context UriInfo uri, @QueryParam("type") String type) {
    Scope scope = scope(caller, uri);
    Optional<SecretType> filter =
        Optional.ofNullable(type).filter(t -> !t.isEmpty()).map(SecretEndpoints::parseType);
    return new SecretListResponse(
        store.list(scope, filter).stream().map(SecretMetadata::toResponse).toList());
  }

  @GET
  @Path("{id}")
  public SecretResponse get(
      @Context Caller caller, @Context UriInfo uri, @PathParam("id") String id) {
    Scope scope = scope(caller, uri);
    return store.find(scope, id).orElseThrow(() -> SecretStore.notFound(scope, id)).toResponse();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public SecretResponse updateText(
      @Context Caller caller,
      @Context UriInfo uri,
      @PathParam("id") String id,
      TextSecretRequest request) {
    Scope scope = scope(caller, uri);
    TextSecretRequest body = requireTextBody(request);
    requireSameIdentifier(id, body.identifier());
    return store
        .update(
            scope,
            id,
            Identifiers.requireName("name", body.name()),
            SecretType.SecretText,
            textValue(body))
        .toResponse();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public SecretResponse updateFile(
      @Context Caller caller,
      @Context UriInfo uri,
      @PathParam("id") String id,
      @FormDataParam("identifier") String identifier,
      @FormDataParam("name") String name,
      @FormDataParam("file") InputStream file) {
    Scope scope = scope(caller, uri);
    requireSameIdentifier(id, identifier);
    return store
        .update(
            scope,
            id,
            Identifiers.requireName("name", name),
            SecretType.SecretFile,
            fileValue(file))
        .toResponse();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Context Caller caller, @Context UriInfo uri, @PathParam("id") String id) {
    store.delete(scope(caller, uri), id);
    return Response.noContent().build();
  }

  private static TextSecretRequest requireTextBody(TextSecretRequest request) {
    if (request == null) {
      throw ApiException.invalid("request body is required: {\"identifier\",\"name\",\"value\"}");
    }
    return request;
  }

  private static void requireSameIdentifier(String pathId, String bodyId) {
    if (bodyId != null && !bodyId.isEmpty() && !bodyId.equals(pathId)) {
      throw ApiException.invalid(
          "identifier '" + bodyId + "' does not match the secret '" + pathId + "' in the path");
    }
  }

  private static byte[] textValue(TextSecretRequest body) {
    if (body.value() == null) {
      throw ApiException.invalid("value is required (it may be empty)");
    }
    byte[] value = body.value().getBytes(StandardCharsets.UTF_8);
    if (value.length > MAX_TEXT_BYTES) {
      throw new ApiException(
          413,
          "SECRET_TOO_LARGE",
          "value is "
              + value.length
              + " bytes; a text secret holds at most "
              + MAX_TEXT_BYTES
              + " bytes");
    }
    return value;
  }

  private static byte[] fileValue(InputStream file) {
    if (file == null) {
      throw ApiException.invalid("file is required (a multipart/form-data part named 'file')");
    }
    try (file) {
      byte[] value = file.readNBytes(MAX_FILE_BYTES + 1);
      if (value.length > MAX_FILE_BYTES) {
        throw new ApiException(
            413,
            "SECRET_TOO_LARGE",
            "file is larger than " + MAX_FILE_BYTES + " bytes, the limit for a file secret");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("tried to read the uploaded secret file but failed", e);
    }
  }

  private static SecretType parseType(String type) {
    return Arrays.stream(SecretType.values())
        .filter(t -> t.name().equals(type))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.invalid(
                    "type '" + type + "' is not one of " + Arrays.toString(SecretType.values())));
  }
}
