package dev.cimanager.app.verification;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.connectors.ConnectorAuth;
import dev.cimanager.app.connectors.ConnectorException;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.connectors.DockerRegistryConnector;
import dev.cimanager.app.failures.InvalidInputException;
import dev.cimanager.app.policysets.PolicySetService;
import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.contracts.secrets.SecretType;
import dev.cimanager.ssca.api.ImageToVerify;
import dev.cimanager.ssca.api.PolicySet;
import dev.cimanager.ssca.api.ProvenanceService;
import dev.cimanager.ssca.api.Verdict;
import dev.cimanager.ssca.spi.Credentials;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Resolves a verification's connector, public key secret and policy sets from a project, then hands
 * the image to the SSCA module. Shared by the SlsaVerification step and on-demand verification.
 */
@Singleton
public final class ImageVerifications {
  private final ConnectorService connectors;
  private final SecretService secrets;
  private final PolicySetService policySets;
  private final InsecureRegistries insecureRegistries;
  private final ProvenanceService provenance;

  @Inject
  ImageVerifications(
      ConnectorService connectors,
      SecretService secrets,
      PolicySetService policySets,
      InsecureRegistries insecureRegistries,
      ProvenanceService provenance) {
    this.connectors = connectors;
    this.secrets = secrets;
    this.policySets = policySets;
    this.insecureRegistries = insecureRegistries;
    this.provenance = provenance;
  }

  /**
   * @param resolvedSecret called with every secret resolved (to mask it in logs)
   * @return the verdict, FAILED for anything wrong with the image, its attestation or the key's
   *     content
   * @throws dev.cimanager.app.failures.DomainException when a reference does not resolve, a
   *     registry is plain HTTP but not allowed, or the digest is malformed; the message names the
   *     reference
   */
  public Verdict verify(
      Scope project, VerificationTarget target, Consumer<ResolvedSecret> resolvedSecret) {
    DockerRegistryConnector connector =
        connectors.resolveDockerRegistry(project, target.connectorRef());
    String registry = connector.hostPort();
    if (connector.isPlainHttp() && !insecureRegistries.isInsecure(registry)) {
      throw new ConnectorException(
          ConnectorException.Reason.INSECURE_REGISTRY,
          "connector "
              + target.connectorRef()
              + " uses http:// and "
              + registry
              + " is not an insecure registry (add it to CI_MANAGER_INSECURE_REGISTRIES to allow plain HTTP)");
    }
    ResolvedSecret publicKey =
        secrets.resolve(project, target.publicKeyRef(), SecretType.SecretFile);
    List<PolicySet> sets = new ArrayList<>();
    for (String reference : target.policySetRefs()) {
      sets.add(policySets.resolve(project, reference));
    }
    Credentials credentials = null;
    if (connector.auth() instanceof ConnectorAuth.UsernamePassword auth) {
      var password = connectors.password(connector);
      password.ifPresent(resolvedSecret);
      credentials =
          new Credentials(auth.username(), password.map(ResolvedSecret::valueAsString).orElse(""));
    }
    String image = registry + "/" + target.imagePath();
    try {
      return provenance.verify(
          new ImageToVerify(
              image,
              target.digest() == null ? target.tag() : null,
              target.digest(),
              publicKey.value(),
              credentials,
              sets));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("cannot verify " + image + ": " + e.getMessage());
    }
  }
}
