package dev.cimanager.app.provenance.commands;

import io.dropwizard.core.cli.Cli;

/**
 * A command could not do its job; the message says what was tried and why it failed. Exit status 1.
 */
final class CommandException extends RuntimeException {
  CommandException(String message) {
    super(message);
  }

  CommandException(String message, Throwable cause) {
    super(message, cause);
  }

  /** One line on standard error instead of Dropwizard's stack trace. */
  static void report(Cli cli, Throwable e) {
    cli.getStdErr().println("error: " + e.getMessage());
    cli.getStdErr().flush();
  }
}
