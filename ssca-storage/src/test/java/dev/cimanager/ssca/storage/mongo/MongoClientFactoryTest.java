package dev.cimanager.ssca.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class MongoClientFactoryTest {
  @TempDir Path dataDir;

  @Test
  void startEmbedded_persistsAcrossRestarts() {
    try (MongoConnection first = MongoClientFactory.connectOrStartEmbedded("", dataDir)) {
      assertThat(first.isEmbedded()).isTrue();
      collection(first).insertOne(new Document("_id", "acme/default:key").append("value", 42));
    }

    try (MongoConnection second = MongoClientFactory.startEmbedded(dataDir)) {
      Document doc = collection(second).find(Filters.eq("_id", "acme/default:key")).first();
      assertThat(doc).isNotNull();
      assertThat(doc.getInteger("value")).isEqualTo(42);
    }
    assertThat(dataDir.resolve("mongo.mv.db")).exists();
  }

  @Test
  void startEmbedded_createsMissingDataDirectory() {
    Path nested = dataDir.resolve("a/b");

    try (MongoConnection connection = MongoClientFactory.startEmbedded(nested)) {
      collection(connection).insertOne(new Document("_id", "x"));
    }

    assertThat(nested.resolve("mongo.mv.db")).exists();
  }

  @Test
  void toString_neverShowsTheUri() {
    try (MongoConnection connection =
        MongoClientFactory.connect("mongodb://user:pw@127.0.0.1:1/?serverSelectionTimeoutMS=1")) {
      assertThat(connection.toString()).doesNotContain("pw").contains("external");
    }
  }

  private static MongoCollection<Document> collection(MongoConnection connection) {
    return connection.client().getDatabase("ci_manager_test").getCollection("things");
  }
}
