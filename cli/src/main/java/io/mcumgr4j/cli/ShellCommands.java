package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.shell.ShellMgmt;
import io.mcumgr4j.groups.shell.ShellMgmtClient;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcumgr4j shell ...}: the shell group (9). */
@Command(name = "shell", description = "Shell management (group 9).", mixinStandardHelpOptions = true,
    subcommands = ShellCommands.Exec.class)
final class ShellCommands {

  /**
   * The exit code of {@code shell exec} when the command ran but returned a non-zero {@code ret}:
   * one fixed code, because {@code ret} is a negative errno that would collide with {@link
   * ExitCodes}' codes; {@code --json} carries {@code ret} itself.
   */
  static final int COMMAND_FAILED = 7;

  /**
   * {@code shell exec ARG...}: runs a command line on the device's shell and prints its output as
   * the device wrote it. Exits 0 when {@code ret} is 0, {@value #COMMAND_FAILED} when it is not,
   * and with {@link ExitCodes}' codes when the request itself fails. Not a {@link DeviceCommand},
   * whose exit code is fixed at success.
   */
  @Command(name = "exec", mixinStandardHelpOptions = true, modelTransformer = ShellCommands.Exec.ArgvFirst.class,
      description = {"Run a command line on the device's shell; print its output as the device wrote it "
          + "(without terminal escapes when standard output is not a terminal).",
          "Everything after the first ARG is passed on, options included (e.g. kernel uptime -p).",
          "JSON: {\"o\": output, \"ret\": return code}."},
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:ret was 0", COMMAND_FAILED + ":ret was not 0 (the output says why)",
          "3..6:the request failed, as for every command"})
  static final class Exec implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ARG", arity = "1..*", description = "The command and its arguments.")
    List<String> argv;

    @Option(names = "--raw-output", description = "Keep the device's terminal escapes (colours, cursor moves) when "
        + "standard output is not a terminal; they are always kept on a terminal.")
    boolean rawOutput;

    @Override
    public Integer call() throws Exception {
      Main main = (Main) spec.root().userObject();
      ShellMgmt.Result result;
      try (SmpClient client = main.connect()) {
        result = new ShellMgmtClient(client).exec(argv);
      }
      Output out = main.output();
      if (out.json()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("o", result.output());
        json.put("ret", result.ret());
        out.result(null, json);
      } else {
        // the output as it came, line ends included: println would add a line the device did not write
        String output = rawOutput || main.terminal() ? result.output() : Terminal.stripEscapes(result.output());
        PrintWriter print = spec.commandLine().getOut();
        print.print(output);
        if (result.ret() != 0 && !output.isEmpty() && !output.endsWith("\n")) {
          print.println(); // the message below goes on its own line
        }
        print.flush();
      }
      if (result.ret() == 0) {
        return ExitCodes.OK;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("mcumgr4j: the shell command returned " + result.ret());
      err.flush();
      return COMMAND_FAILED;
    }

    /** Ends option parsing at the first ARG, so the device's command gets its own options ({@code -p}). */
    static final class ArgvFirst implements CommandLine.IModelTransformer {
      @Override
      public CommandSpec transform(CommandSpec spec) {
        spec.parser().stopAtPositional(true);
        return spec;
      }
    }
  }
}
