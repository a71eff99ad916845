package dev.cimanager.app.storage;

import com.mongodb.client.MongoDatabase;
import dev.cimanager.app.config.DataDirectory;
import dev.cimanager.app.config.MongoSettings;
import dev.cimanager.ssca.storage.mongo.MongoClientFactory;
import dev.cimanager.ssca.storage.mongo.MongoConnection;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;

/**
 * Opens MongoDB (configured URI or the embedded file in the data directory), hands Dropwizard the
 * connection to close on shutdown (client first, then the embedded server) and registers the ping
 * health check.
 */
public final class MongoLifecycle {
  private MongoLifecycle() {}

  public static MongoDatabase open(
      MongoSettings settings, DataDirectory dataDir, Environment environment) {
    MongoConnection connection =
        MongoClientFactory.connectOrStartEmbedded(settings.getUri(), dataDir.root());
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void stop() {
                connection.close();
              }
            });
    MongoDatabase database = connection.client().getDatabase(settings.getDatabase());
    environment.healthChecks().register("mongo", new MongoHealthCheck(database));
    return database;
  }
}
