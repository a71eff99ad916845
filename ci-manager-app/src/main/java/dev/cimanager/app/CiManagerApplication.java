package dev.cimanager.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.mongodb.client.MongoDatabase;
import dev.cimanager.app.accounts.AccountsModule;
import dev.cimanager.app.accounts.AdminToken;
import dev.cimanager.app.accounts.WebHardening;
import dev.cimanager.app.config.AllowedPrivateHosts;
import dev.cimanager.app.config.DataDirectory;
import dev.cimanager.app.config.GitLocalRoot;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.connectors.ConnectorsModule;
import dev.cimanager.app.errors.ApiExceptionMapper;
import dev.cimanager.app.errors.ConstraintViolationExceptionMapper;
import dev.cimanager.app.errors.DomainExceptionMapper;
import dev.cimanager.app.errors.InvalidYamlExceptionMapper;
import dev.cimanager.app.errors.JsonProcessingExceptionMapper;
import dev.cimanager.app.errors.UnexpectedExceptionMapper;
import dev.cimanager.app.errors.WebApplicationExceptionMapper;
import dev.cimanager.app.execution.ExecutionsModule;
import dev.cimanager.app.execution.tools.ToolsModule;
import dev.cimanager.app.net.NetworkModule;
import dev.cimanager.app.pipelines.PipelinesModule;
import dev.cimanager.app.policysets.PolicySetsModule;
import dev.cimanager.app.provenance.ProvenanceModule;
import dev.cimanager.app.provenance.commands.GenerateKeyPairCommand;
import dev.cimanager.app.provenance.commands.VerifyAttestationCommand;
import dev.cimanager.app.secrets.MasterKey;
import dev.cimanager.app.secrets.SecretsModule;
import dev.cimanager.app.storage.DiskSpaceHealthCheck;
import dev.cimanager.app.storage.MongoLifecycle;
import dev.cimanager.app.storage.MongoModule;
import dev.cimanager.app.triggers.TriggersModule;
import dev.cimanager.app.verification.VerificationModule;
import dev.cimanager.app.web.BodySizeLimitFilter;
import dev.cimanager.app.web.CoreModule;
import dev.cimanager.app.web.JerseyComponents;
import dev.cimanager.app.web.JsonErrorHandler;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.forms.MultiPartBundle;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CI manager: Dropwizard for HTTP, configuration and lifecycle; Guice for wiring. {@link #run}
 * opens the things that must work before serving (data directory, MongoDB, master key), then builds
 * one injector from one module per concern and registers every Jersey component the modules
 * contribute.
 */
public class CiManagerApplication extends Application<CiManagerConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(CiManagerApplication.class);
  private static final Pattern UNSUBSTITUTED = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");
  private volatile Injector injector;

  public static void main(String[] args) throws Exception {
    new CiManagerApplication().run(args);
  }

  @Override
  public String getName() {
    return "ci-manager";
  }

  @Override
  public void initialize(Bootstrap<CiManagerConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addBundle(new AssetsBundle("/assets/ui", "/ui", "index.html", "ui"));
    bootstrap.addBundle(new MultiPartBundle());
    bootstrap.addCommand(new GenerateKeyPairCommand());
    bootstrap.addCommand(new VerifyAttestationCommand());
  }

  @Override
  public void run(CiManagerConfiguration config, Environment environment) {
    requireSubstituted("dataDir", config.getDataDir());
    requireSubstituted("mongo.uri", config.getMongo().getUri());
    requireSubstituted("security.masterKey", config.getSecurity().getMasterKey());
    requireSubstituted("security.adminToken", config.getSecurity().getAdminToken());
    requireSubstituted("insecureRegistries", config.getInsecureRegistries());
    requireSubstituted("gitLocalRoot", config.getGitLocalRoot());
    requireSubstituted("allowedPrivateHosts", config.getAllowedPrivateHosts());
    DataDirectory dataDir = DataDirectory.create(config.getDataDir());
    InsecureRegistries insecureRegistries =
        InsecureRegistries.parse(config.getInsecureRegistries());
    MasterKey masterKey = MasterKey.load(config.getSecurity().getMasterKey(), dataDir.root());
    MongoDatabase database = MongoLifecycle.open(config.getMongo(), dataDir, environment);
    environment
        .healthChecks()
        .register("workspace-disk", new DiskSpaceHealthCheck(dataDir.workspaces()));

    // One module per concern, each given only its configuration slice. A new concern adds its
    // module here.
    injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            List.<Module>of(
                new CoreModule(environment.getObjectMapper(), dataDir, insecureRegistries),
                new MongoModule(database),
                new AccountsModule(new AdminToken(config.getSecurity().getAdminToken())),
                new SecretsModule(masterKey),
                new ConnectorsModule(),
                new PipelinesModule(),
                new ToolsModule(),
                new ExecutionsModule(
                    config.getExecution(), config.getMongo().getUri().isBlank(), environment),
                new ProvenanceModule(config.getProvenance().identity()),
                new PolicySetsModule(),
                new VerificationModule(),
                new NetworkModule(
                    GitLocalRoot.parse(config.getGitLocalRoot()),
                    AllowedPrivateHosts.parse(config.getAllowedPrivateHosts())),
                new TriggersModule(environment.lifecycle())));

    if (config.getServerFactory() instanceof AbstractServerFactory server) {
      // Our mappers must be the only ones, whatever the YAML says: Dropwizard's answer 422 and
      // {"code":404}.
      server.setRegisterDefaultExceptionMappers(false);
    }
    registerErrorMappers(environment);
    environment.jersey().register(new BodySizeLimitFilter());
    WebHardening.install(environment, new AdminToken(config.getSecurity().getAdminToken()));
    environment
        .lifecycle()
        .addEventListener(new JsonErrorHandler(environment.getObjectMapper()).installer());
    Set<Object> components =
        injector.getInstance(
            Key.get(new TypeLiteral<Set<Object>>() {}, JerseyComponents.Component.class));
    components.forEach(environment.jersey()::register);
    environment
        .lifecycle()
        .addServerLifecycleListener(
            new ServerLifecycleListener() {
              @Override
              public void serverStarted(Server server) {
                LOG.info(
                    "ci-manager is up: API and UI on port {}, health checks on admin port {}, data in {}",
                    getLocalPort(server),
                    getAdminPort(server),
                    dataDir.root());
              }
            });
  }

  /**
   * A {@code ${VAR}} without default whose variable is unset stays literal (non-strict
   * substitution, so defaults work): refuse to start instead of using it as a URI or key.
   */
  private static void requireSubstituted(String setting, String value) {
    var matcher = UNSUBSTITUTED.matcher(value);
    if (matcher.find()) {
      throw new IllegalArgumentException(
          setting
              + " refers to the environment variable "
              + matcher.group(1)
              + ", which is not set");
    }
  }

  /** Our mappers replace Dropwizard's ({@code server.registerDefaultExceptionMappers: false}). */
  private static void registerErrorMappers(Environment environment) {
    environment.jersey().register(new ApiExceptionMapper());
    environment.jersey().register(new DomainExceptionMapper());
    environment.jersey().register(new InvalidYamlExceptionMapper());
    environment.jersey().register(new JsonProcessingExceptionMapper());
    environment.jersey().register(new ConstraintViolationExceptionMapper());
    environment.jersey().register(new WebApplicationExceptionMapper());
    environment.jersey().register(new UnexpectedExceptionMapper());
  }

  /**
   * The injector built by {@link #run}; tests use it to reach services such as {@code
   * SecretService}.
   */
  public Injector injector() {
    if (injector == null) {
      throw new IllegalStateException("the application has not run yet");
    }
    return injector;
  }
}
