package io.mcumgr4j.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --window} option of the transfer commands. */
final class WindowOption {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--window", paramLabel = "N", defaultValue = "0",
      description = "Requests in flight at once. Default: one fewer than the device's buf_count.")
  int window;

  /** The window asked for, 0 for the device's. */
  int value() {
    if (window < 0) {
      throw new ParameterException(spec.commandLine(), "--window is 0 (the device's) or more, not " + window);
    }
    return window;
  }
}
