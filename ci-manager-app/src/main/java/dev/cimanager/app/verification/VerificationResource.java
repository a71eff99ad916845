package dev.cimanager.app.verification;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.verifications.VerificationRequest;
import dev.cimanager.contracts.verifications.VerificationResponse;
import dev.cimanager.ssca.api.Verdict;
import dev.cimanager.ssca.spi.Digest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * On-demand verification for deploy tools and admission controllers: the SlsaVerification step's
 * check without a pipeline. Answers 200 with the verdict whatever it is; 4xx only for bad input.
 */
@Path("/api/v1/orgs/{org}/projects/{project}/verifications")
@Produces(MediaType.APPLICATION_JSON)
public final class VerificationResource {
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final int MAX_POLICY_SETS = 50;

  private final ScopeResolver scopes;
  private final ImageVerifications verifications;

  @Inject
  VerificationResource(ScopeResolver scopes, ImageVerifications verifications) {
    this.scopes = scopes;
    this.verifications = verifications;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public VerificationResponse verify(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      VerificationRequest request) {
    Scope scope = scopes.project(caller, org, project);
    VerificationTarget target = target(request);
    Verdict verdict = verifications.verify(scope, target, secret -> {});
    var summary = StoredVerification.summary(verdict, null);
    return new VerificationResponse(
        verdict.image(),
        summary.status(),
        summary.signature(),
        null,
        summary.policies(),
        summary.failureMessage());
  }

  private static VerificationTarget target(VerificationRequest request) {
    if (request == null) {
      throw ApiException.invalid(
          "request body is required: {\"connector\",\"image_path\",\"tag\"|\"digest\","
              + "\"public_key\",\"policySets\"}");
    }
    String connector = required("connector", request.connector());
    String imagePath = required("image_path", request.imagePath());
    if (!REPOSITORY.matcher(imagePath).matches()) {
      throw ApiException.invalid(
          "image_path '"
              + imagePath
              + "' is not a valid repository path (lowercase letters, "
              + "digits, separators . _ -, path components joined by /, e.g. demo/app)");
    }
    String digest =
        request.digest() == null || request.digest().isEmpty() ? null : request.digest();
    String tag = request.tag() == null || request.tag().isEmpty() ? null : request.tag();
    if (digest != null && !Digest.isValid(digest)) {
      throw ApiException.badRequest(
          "INVALID_DIGEST",
          "digest '" + digest + "' is not a digest (sha256: and 64 lowercase hex digits)");
    }
    if (digest == null && tag == null) {
      throw ApiException.invalid("tag or digest is required");
    }
    if (digest == null && !TAG.matcher(tag).matches()) {
      throw ApiException.invalid(
          "tag '"
              + tag
              + "' is not a valid image tag (letters, digits, _ . -, at most 128, "
              + "not starting with . or -)");
    }
    String publicKey = required("public_key", request.publicKey());
    List<String> policySets = request.policySets() == null ? List.of() : request.policySets();
    if (policySets.size() > MAX_POLICY_SETS) {
      throw ApiException.invalid(
          "policySets has " + policySets.size() + " entries; at most " + MAX_POLICY_SETS);
    }
    for (int i = 0; i < policySets.size(); i++) {
      required("policySets[" + i + "]", policySets.get(i));
    }
    return new VerificationTarget(
        connector, imagePath, digest == null ? tag : null, digest, publicKey, policySets);
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field + " is required");
    }
    return value;
  }
}
