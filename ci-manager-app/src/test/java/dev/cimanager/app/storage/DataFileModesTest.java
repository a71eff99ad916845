package dev.cimanager.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nothing in the data directory is readable by other users of the machine. */
class DataFileModesTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void dataDirectoryIs700_filesAre600() throws Exception {
    APP.newAccount(); // a few writes

    assertThat(mode(APP.dataDir())).isEqualTo("rwx------");
    assertThat(mode(APP.dataDir().resolve("workspaces"))).isEqualTo("rwx------");
    assertThat(mode(APP.dataDir().resolve("mongo.mv.db"))).isEqualTo("rw-------");
    assertThat(mode(APP.dataDir().resolve("master.key"))).isEqualTo("rw-------");
  }

  @Test
  void anExistingWorldReadableFile_isTightenedAtStart() throws Exception {
    Files.setPosixFilePermissions(
        APP.dataDir().resolve("mongo.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(APP.dataDir(), PosixFilePermissions.fromString("rwxr-xr-x"));

    APP.restart();

    assertThat(mode(APP.dataDir().resolve("mongo.mv.db"))).isEqualTo("rw-------");
    assertThat(mode(APP.dataDir())).isEqualTo("rwx------");
  }
}
