package dev.cimanager.app.provenance;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.mongodb.client.MongoDatabase;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.execution.steps.ImageProvenance;
import dev.cimanager.app.net.OutboundAddresses;
import dev.cimanager.app.web.JerseyComponents;
import dev.cimanager.ssca.api.BuilderIdentity;
import dev.cimanager.ssca.api.ProvenanceService;
import dev.cimanager.ssca.spi.ProvenanceStore;
import dev.cimanager.ssca.spi.SecretResolver;
import dev.cimanager.ssca.storage.MongoAttestationLocks;
import dev.cimanager.ssca.storage.MongoProvenanceStore;
import dev.cimanager.ssca.storage.ProvenanceRecords;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * SLSA provenance in the Build stage: the SSCA module's facade over the app's secrets and MongoDB,
 * the engine hook that attests every pushed image, and the Artifacts API.
 */
public final class ProvenanceModule extends AbstractModule {
  private final BuilderIdentity identity;

  public ProvenanceModule(BuilderIdentity identity) {
    this.identity = identity;
  }

  @Override
  protected void configure() {
    bind(SecretResolver.class).to(SecretServiceResolver.class);
    bind(ImageProvenance.class).to(SlsaProvenanceHook.class);
    JerseyComponents.in(binder()).addBinding().to(ArtifactResource.class);
    JerseyComponents.in(binder()).addBinding().to(ArtifactLookupResource.class);
    JerseyComponents.in(binder()).addBinding().to(CosignKeyPairEndpoints.AccountKeyPair.class);
    JerseyComponents.in(binder()).addBinding().to(CosignKeyPairEndpoints.OrgKeyPair.class);
    JerseyComponents.in(binder()).addBinding().to(CosignKeyPairEndpoints.ProjectKeyPair.class);
  }

  /**
   * Creates the collections' indexes once, at start-up (the injector is built in PRODUCTION stage).
   */
  @Provides
  @Singleton
  ProvenanceStore provenanceStore(MongoDatabase database) {
    return MongoProvenanceStore.open(database);
  }

  /** The Artifacts tab's and the policy trial's queries over the records the store writes. */
  @Provides
  @Singleton
  ProvenanceRecords provenanceRecords(MongoDatabase database) {
    return new ProvenanceRecords(database);
  }

  /**
   * One per application: it holds the registry connection pool and the cache of decrypted keys. Its
   * {@code .att} locks live in the app's MongoDB, so every instance sharing the database takes
   * turns.
   */
  @Provides
  @Singleton
  ProvenanceService provenanceService(
      SecretResolver secrets,
      ProvenanceStore store,
      MongoDatabase database,
      InsecureRegistries insecureRegistries,
      OutboundAddresses outbound,
      Clock clock) {
    return ProvenanceService.create(
        secrets,
        store,
        new MongoAttestationLocks(database),
        insecureRegistries.hostPorts(),
        outbound.asDestinationGuard(),
        clock,
        identity);
  }
}
