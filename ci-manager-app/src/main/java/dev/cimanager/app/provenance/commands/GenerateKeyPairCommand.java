package dev.cimanager.app.provenance.commands;

import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code generate-key-pair --output-prefix DIR/cosign}: writes {@code cosign.key} (ENCRYPTED
 * SIGSTORE PRIVATE KEY, scrypt N=65536) and {@code cosign.pub}, as {@code cosign generate-key-pair}
 * does, for users without Cosign. The password comes as in cosign: {@code COSIGN_PASSWORD} when set
 * (empty is valid), else typed twice on a terminal, else all of standard input.
 */
public final class GenerateKeyPairCommand extends Command {
  static final String PASSWORD_VARIABLE = "COSIGN_PASSWORD";

  private final PrintStream out;
  private final Function<String, String> environment;
  private final InputStream stdin;
  private final Console console;

  public GenerateKeyPairCommand() {
    this(System.out, System::getenv, System.in, System.console());
  }

  GenerateKeyPairCommand(
      PrintStream out, Function<String, String> environment, InputStream stdin, Console console) {
    super(
        "generate-key-pair",
        "Generate a Cosign key pair (cosign.key, cosign.pub) for signing SLSA provenance");
    this.out = out;
    this.environment = environment;
    this.stdin = stdin;
    this.console = console;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("--output-prefix")
        .dest("prefix")
        .setDefault("cosign")
        .help("path prefix of the files to write: PREFIX.key and PREFIX.pub (default: cosign)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws IOException {
    String prefix = namespace.getString("prefix");
    Path privateFile = Path.of(prefix + ".key");
    Path publicFile = Path.of(prefix + ".pub");
    for (Path file : new Path[] {privateFile, publicFile}) {
      if (Files.exists(file)) {
        throw new CommandException(
            "tried to write "
                + file
                + " but it already exists: move it away or choose"
                + " another --output-prefix");
      }
    }
    byte[] password = password();
    CosignKeyPair pair;
    try {
      pair = CosignKeys.generate(password);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
    Path dir = privateFile.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Files.createFile(
        privateFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(privateFile, pair.privateKeyPem());
    Files.write(publicFile, pair.publicKeyPem());
    out.println("Private key written to " + privateFile);
    out.println("Public key written to " + publicFile);
  }

  private byte[] password() throws IOException {
    String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
    if (fromEnvironment != null) {
      return fromEnvironment.getBytes(StandardCharsets.UTF_8);
    }
    if (console != null) {
      char[] first = console.readPassword("Enter password for private key: ");
      char[] again = console.readPassword("Enter password for private key again: ");
      try {
        if (first == null || !Arrays.equals(first, again)) {
          throw new CommandException("tried to read the key password but the two entries differ");
        }
        return new String(first).getBytes(StandardCharsets.UTF_8);
      } finally {
        if (first != null) {
          Arrays.fill(first, '\0');
        }
        if (again != null) {
          Arrays.fill(again, '\0');
        }
      }
    }
    return stdin.readAllBytes();
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    CommandException.report(cli, e);
  }
}
