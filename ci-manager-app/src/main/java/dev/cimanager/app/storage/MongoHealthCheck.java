package dev.cimanager.app.storage;

import com.codahale.metrics.health.HealthCheck;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** Healthy when the database answers {@code ping}. */
final class MongoHealthCheck extends HealthCheck {
  private final MongoDatabase database;

  MongoHealthCheck(MongoDatabase database) {
    this.database = database;
  }

  @Override
  protected Result check() {
    database.runCommand(new Document("ping", 1));
    return Result.healthy();
  }
}
