package io.mcumgr4j.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Rules for the whole command tree that picocli's annotations cannot say once: {@code -V/--version}
 * belongs to {@code mcumgr4j} alone (so no subcommand's own {@code --version}, such as {@code image
 * create}'s, hides it), every subcommand has {@code -h/--help}, and {@link LocalCommand}s do not
 * list the device options they would ignore.
 */
final class CommandTree {

  /** The global options that only mean something to a command that talks to a device. */
  static final Set<String> DEVICE_OPTIONS = Set.of("--conn", "--timeout", "--retries", "--mtu", "--scan-timeout", "--smp-v1");

  private CommandTree() {}

  static void tidy(CommandLine root) {
    for (CommandLine sub : root.getSubcommands().values()) {
      tidy(sub, false);
    }
  }

  private static void tidy(CommandLine command, boolean underLocal) {
    CommandSpec spec = command.getCommandSpec();
    boolean local = underLocal || spec.userObject() instanceof LocalCommand;
    for (OptionSpec option : List.copyOf(spec.options())) {
      if (option.versionHelp() || (local && option.inherited() && DEVICE_OPTIONS.contains(option.longestName()))) {
        spec.remove(option);
      }
    }
    if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
      spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
          .description("Show this help message and exit.").build());
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      tidy(sub, local);
    }
  }
}
