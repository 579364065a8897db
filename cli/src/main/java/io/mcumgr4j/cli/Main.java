package io.mcumgr4j.cli;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpHeader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code mcumgr4j} command: a client for every built-in group, {@code serve} and {@code demo}. */
@Command(
    name = "mcumgr4j",
    mixinStandardHelpOptions = true,
    version = "mcumgr4j 0.1.0-SNAPSHOT",
    description = "MCUmgr / SMP for the JVM: manage a Zephyr device, or serve a simulated one.",
    subcommands = {OsCommands.class, ImageCommands.class, FsCommands.class, SettingsCommands.class, ShellCommands.class,
        StatCommands.class, EnumCommand.class, ZephyrCommands.class, RawCommand.class, ServeCommand.class,
        DemoCommand.class})
public final class Main {

  /** dbus-java's chatter (which transport it picked) is no business of a command's output; held so it stays set. */
  private static final Logger DBUS = Logger.getLogger("org.freedesktop.dbus");

  @Option(names = {"-c", "--conn"}, paramLabel = "CONN", scope = ScopeType.INHERIT,
      description = "The device: udp:HOST[:PORT] (IPv6 as udp:[::1]:1337), serial:DEVICE[,baud=N], "
          + "tcp:HOST:PORT (a UART on a TCP socket, as QEMU and Renode offer it), or over Bluetooth LE "
          + "(Linux, BlueZ) ble:ADDRESS or ble:name=NAME. "
          + "Default: ${DEFAULT-VALUE}.", defaultValue = "udp:127.0.0.1:1337")
  String conn;

  @Option(names = "--timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT,
      description = "Seconds to wait for each response. Default: ${DEFAULT-VALUE}.", defaultValue = "3")
  double timeoutSeconds;

  @Option(names = "--retries", scope = ScopeType.INHERIT,
      description = "Times a request is sent again after a timeout. Default: ${DEFAULT-VALUE}.", defaultValue = "2")
  int retries;

  @Option(names = "--mtu", scope = ScopeType.INHERIT,
      description = "Largest SMP packet sent in one datagram or serial message (default: 1500 for UDP, 2048 for serial).")
  Integer mtu;

  @Option(names = "--scan-timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT,
      description = "For ble: how long to look for the device, and then to connect. Default: ${DEFAULT-VALUE}.",
      defaultValue = "10")
  double scanTimeoutSeconds;

  @Option(names = "--smp-v1", scope = ScopeType.INHERIT, description = "Send SMP v1 (legacy) requests.")
  boolean v1;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print results as JSON.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Show stack traces and debug output.")
  boolean verbose;

  private PrintStream out = System.out;
  /** Whether {@link #out} is a terminal: only when it is this process's standard output. */
  private boolean terminal;

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, Terminal.stdoutIsTerminal(), args));
  }

  /**
   * Runs the command line with results to {@code out} and errors to {@code err}; returns the exit
   * code (see {@link ExitCodes}). Tests call it in-process.
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, false, args);
  }

  private static int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
    DBUS.setLevel(Level.WARNING);
    Main main = new Main();
    main.out = out;
    main.terminal = terminal;
    CommandLine cli = new CommandLine(main);
    CommandTree.tidy(cli);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> ExitCodes.report(e, main.verbose, main.json, line.getOut(), line.getErr()));
    cli.setParameterExceptionHandler((e, params) -> {
      // one line and where to read more: the whole usage would bury the line that matters
      CommandLine line = e.getCommandLine();
      String hint = "see '" + line.getCommandSpec().qualifiedName() + " --help'";
      boolean json = main.json || List.of(params).contains("--json");
      ExitCodes.report(ExitCodes.Failure.usage(e.getMessage() + " (" + hint + ")"), json, line.getOut(), line.getErr());
      return ExitCodes.USAGE;
    });
    return cli.execute(args);
  }

  /** A client for the device named by {@code --conn}, with the timeout and retries given. */
  SmpClient connect() throws IOException {
    ClientConfig config = ClientConfig.DEFAULT
        .withTimeout(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))))
        .withRetries(retries)
        .withVersion(v1 ? SmpHeader.VERSION_1 : SmpHeader.VERSION_2);
    Duration scanTimeout = Duration.ofMillis(Math.max(1, Math.round(scanTimeoutSeconds * 1000)));
    return new SmpClient(Connections.open(conn, mtu, scanTimeout), config);
  }

  /** Whether results go to a terminal (which then gets the device's shell output untouched). */
  boolean terminal() {
    return terminal;
  }

  /** Where results go: human text, or JSON with {@code --json}. */
  Output output() {
    return new Output(out, json);
  }
}
