package dev.cimanager.app.storage;

import com.google.inject.AbstractModule;
import com.mongodb.client.MongoDatabase;

/**
 * Binds the application's {@link MongoDatabase}. The connection itself is opened (and made
 * Dropwizard-managed) by {@link MongoLifecycle} before the injector exists, so start-up fails
 * early.
 */
public final class MongoModule extends AbstractModule {
  private final MongoDatabase database;

  public MongoModule(MongoDatabase database) {
    this.database = database;
  }

  @Override
  protected void configure() {
    bind(MongoDatabase.class).toInstance(database);
  }
}
