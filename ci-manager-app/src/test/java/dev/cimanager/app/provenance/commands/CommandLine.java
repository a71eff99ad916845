package dev.cimanager.app.provenance.commands;

import dev.cimanager.app.CiManagerApplication;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs one command through Dropwizard's {@link Cli}, as {@code java -jar ci-manager-app.jar ...}
 * does.
 */
public final class CommandLine {
  /** What the command printed, and the error that would make {@code java -jar} exit 1. */
  public record Result(String stdout, String stderr, Optional<Throwable> error) {
    public boolean succeeded() {
      return error.isEmpty();
    }
  }

  private CommandLine() {}

  public static Result run(Command command, ByteArrayOutputStream commandOut, String... args) {
    Bootstrap<?> bootstrap = new Bootstrap<>(new CiManagerApplication());
    bootstrap.addCommand(command);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Optional<Throwable> error =
        new Cli(new JarLocation(CiManagerApplication.class), bootstrap, out, err).run(args);
    return new Result(
        out.toString(StandardCharsets.UTF_8) + commandOut.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        error);
  }

  /** Runs {@code verify-attestation} with {@code args}. */
  public static Result verifyAttestation(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VerifyAttestationCommand command =
        new VerifyAttestationCommand(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    String[] all = new String[args.length + 1];
    all[0] = "verify-attestation";
    System.arraycopy(args, 0, all, 1, args.length);
    return run(command, out, all);
  }
}
