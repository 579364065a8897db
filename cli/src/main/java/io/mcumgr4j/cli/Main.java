package io.mcumgr4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mcumgr4j} command. */
@Command(
    name = "mcumgr4j",
    mixinStandardHelpOptions = true,
    version = "mcumgr4j 0.1.0-SNAPSHOT",
    description = "MCUmgr / SMP for the JVM.",
    subcommands = {ServeCommand.class, DemoCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
