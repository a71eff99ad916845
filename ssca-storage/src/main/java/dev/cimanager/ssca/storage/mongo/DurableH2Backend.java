package dev.cimanager.ssca.storage.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend with every acknowledged write in the file: mongo-java-server answers a command
 * (the driver sends every command, writes included, as an {@code OP_MSG}) after {@link
 * #handleMessage} returns, so committing the MVStore there (a synchronous write of the changes into
 * the file) means an answered write survives {@code kill -9} of the process.
 *
 * <p>The stock backend leaves commits to the MVStore's background writer (every ~1 s), so the last
 * second of acknowledged writes was lost on a crash. Here the store's own auto-commit is off; each
 * command that changed something commits once. Commands arriving together share a commit: whoever
 * commits first writes every change made so far, and the others find nothing left to write.
 *
 * <p>Not a machine crash or power loss: that needs an fsync per write, which cut the store
 * benchmark's saves from 281/s to 50/s on the development machine (docs/PERFORMANCE.md).
 * Deployments that need it use a real MongoDB, where writes are journaled ({@link
 * MongoClientFactory#connect}).
 */
final class DurableH2Backend extends H2Backend {
  static final int RETENTION_MILLIS = 1000;
  private final MVStore store;

  private DurableH2Backend(MVStore store) {
    super(store);
    this.store = store;
  }

  /** Opens (or creates) {@code file}, readable and writable by the owner only (mode 600). */
  static DurableH2Backend open(Path file) {
    ownerOnly(file);
    MVStore store = new MVStore.Builder().fileName(file.toString()).open();
    store.setRetentionTime(RETENTION_MILLIS);
    return new DurableH2Backend(store);
  }

  private static void ownerOnly(Path file) {
    try {
      if (!Files.getFileStore(file.toAbsolutePath().getParent())
          .supportsFileAttributeView(PosixFileAttributeView.class)) {
        return;
      }
      Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-------");
      if (Files.exists(file)) {
        Files.setPosixFilePermissions(file, mode);
      } else {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(mode));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "tried to make the embedded MongoDB file " + file + " private (mode 600)" + " but failed",
          e);
    }
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    try {
      return super.handleMessage(message);
    } finally {
      // also after a failed command: an insertMany may have stored some documents before failing
      makeDurable();
    }
  }

  private void makeDurable() {
    if (store.isClosed() || !store.hasUnsavedChanges()) {
      return;
    }
    synchronized (store) {
      if (store.hasUnsavedChanges()) {
        store.commit();
      }
    }
  }
}
