package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the device named by {@code --conn}: connects, runs, disconnects. */
abstract class DeviceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** The top-level command, with the global options. */
  Main main() {
    return (Main) spec.root().userObject();
  }

  @Override
  public final Integer call() throws Exception {
    try (SmpClient client = main().connect()) {
      run(client, main().output());
    }
    return ExitCodes.OK;
  }

  /** Does the command's work; failures are reported by {@link ExitCodes}. */
  abstract void run(SmpClient client, Output out) throws Exception;
}
