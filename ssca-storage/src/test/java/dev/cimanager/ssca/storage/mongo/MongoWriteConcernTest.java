package dev.cimanager.ssca.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

/**
 * On a real MongoDB an acknowledged write is journaled, and on a majority unless the URI says
 * otherwise.
 */
class MongoWriteConcernTest {
  @Test
  void default_isMajorityJournaled() {
    WriteConcern concern =
        MongoClientFactory.settings(new ConnectionString("mongodb://db.example:27017/"))
            .getWriteConcern();

    assertThat(concern.getWString()).isEqualTo("majority");
    assertThat(concern.getJournal()).isTrue();
  }

  @Test
  void uriW_isKept_butAlwaysJournaled() {
    WriteConcern concern =
        MongoClientFactory.settings(
                new ConnectionString("mongodb://db.example:27017/?w=1&journal=false"))
            .getWriteConcern();

    assertThat(concern.getW()).isEqualTo(1);
    assertThat(concern.getJournal()).isTrue();
  }
}
