package io.mcumgr4j.simulator.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running lines against a registry, as Zephyr's shell runs them on its dummy backend. */
class ShellRegistryTest {

  private static final String RED = "\u001b[1;31m";
  private static final String RESET = "\u001b[m";

  /** 1 day, 1 hour, 1 minute, 1 second and 1 millisecond. */
  private static final long UPTIME = 90_061_001L;

  private final ShellRegistry shell = ShellRegistry.withDefaults(() -> "9.9.9", () -> UPTIME);

  private record Run(String out, int ret) {}

  private Run run(String line) {
    ShellOutput output = new ShellOutput(100_000);
    PrintWriter out = output.printWriter();
    int ret = shell.execute(line, out);
    out.flush();
    return new Run(output.text(), ret);
  }

  @Test
  void helpListsTheTopLevelCommandsInZephyrsFormat() {
    assertThat(run("help")).isEqualTo(new Run("\r\n"
        + "You can try to call commands with <-h> or <--help> parameter for more information.\r\n"
        + "\r\n"
        + "Available commands:\r\n"
        + "  echo    :Prints its arguments.\r\n"
        + "  help    :Prints the help message.\r\n"
        + "  kernel  :Kernel commands\r\n", 0));
  }

  @Test
  void helpTakesNoArguments() {
    assertThat(run("help me")).isEqualTo(new Run("\r\n" + RED + "help: wrong parameter count\r\n" + RESET
        + "help - Prints the help message.\r\n", -22));
  }

  @Test
  void theBareShellHasOnlyHelp() {
    ShellOutput output = new ShellOutput(1000);
    int ret = new ShellRegistry().execute("help", output.printWriter());

    assertThat(ret).isZero();
    assertThat(output.text()).endsWith("Available commands:\r\n  help  :Prints the help message.\r\n");
  }

  @Test
  void kernelCommandsPrintAsZephyrsDo() {
    assertThat(run("kernel version")).isEqualTo(new Run("\r\nZephyr version 9.9.9\r\n", 0));
    assertThat(run("kernel uptime")).isEqualTo(new Run("\r\nUptime: 90061001 ms\r\n", 0));
    assertThat(run("kernel uptime --pretty")).isEqualTo(
        new Run("\r\nuptime: 1 days, 1 hours, 1 minutes, 1 seconds, 1 milliseconds\r\n", 0));
    assertThat(run("kernel uptime -p").out()).startsWith("\r\nuptime: 1 days");
  }

  @Test
  void kernelUptimeRejectsOtherOptionsAndExtraArguments() {
    assertThat(run("kernel uptime -x")).isEqualTo(new Run("\r\n" + RED + "Unsupported option: -x\r\n" + RESET, -5));
    assertThat(run("kernel uptime -p -p")).isEqualTo(new Run("\r\n" + RED + "uptime: wrong parameter count\r\n" + RESET
        + "uptime - Kernel uptime. Can be called with the -p or --pretty options\r\n", -22));
  }

  @Test
  void echoPrintsItsWordsSeparatedBySingleSpaces() {
    assertThat(run("echo  a   \"b  c\"   d")).isEqualTo(new Run("\r\na b  c d\r\n", 0));
    assertThat(run("echo")).isEqualTo(new Run("\r\n\r\n", 0));
  }

  @Test
  void anUnknownCommandIsNotFound() {
    assertThat(run("no_such_cmd")).isEqualTo(new Run("\r\n" + RED + "no_such_cmd: command not found\r\n" + RESET, -8));
    assertThat(run("no_such_cmd with args")).isEqualTo(
        new Run("\r\n" + RED + "no_such_cmd: command not found\r\n" + RESET, -8));
  }

  @Test
  void aGroupWithoutACommandOfItsOwnPrintsItsSubcommands() {
    String kernelHelp = "kernel - Kernel commands\r\n"
        + "Subcommands:\r\n"
        + "  uptime   :Kernel uptime. Can be called with the -p or --pretty options\r\n"
        + "  version  :Kernel version.\r\n";

    assertThat(run("kernel")).isEqualTo(new Run("\r\n" + kernelHelp, 1));
    assertThat(run("kernel bogus")).isEqualTo(new Run("\r\n" + kernelHelp, 1));
    assertThat(run("kernel -h")).isEqualTo(new Run("\r\n" + kernelHelp, 1));
  }

  @Test
  void helpOptionsPrintTheHelpOfTheCommandFoundSoFar() {
    assertThat(run("kernel version -h")).isEqualTo(new Run("\r\nversion - Kernel version.\r\n", 1));
    assertThat(run("echo a --help b")).isEqualTo(new Run("\r\necho - Prints its arguments.\r\n", 1));
    // a first word is never a help request: it is looked up, and not found
    assertThat(run("-h")).isEqualTo(new Run("\r\n" + RED + "-h: command not found\r\n" + RESET, -8));
    assertThat(run("bogus -h")).isEqualTo(new Run("\r\n" + RED + "bogus: command not found\r\n" + RESET
        + RED + "Please specify a subcommand.\r\n" + RESET, -8));
  }

  @Test
  void theLongestRegisteredNameWinsAndTheRestAreArguments() {
    List<String> seen = new ArrayList<>();
    shell.register("led", "LED.", (args, out) -> {
      seen.add("led " + args);
      return 0;
    });
    shell.register("led on", "LED on.", (args, out) -> {
      seen.add("on " + args);
      return 0;
    });
    shell.register("led on fast", "LED on, fast.", (args, out) -> {
      seen.add("fast " + args);
      return 0;
    });

    run("led");
    run("led off now");
    run("led on");
    run("led on slow fast");
    run("led on fast 3");

    assertThat(seen).containsExactly("led []", "led [off, now]", "on []", "on [slow, fast]", "fast [3]");
  }

  @Test
  void aWordHoldingSpacesNeverMatchesACommandName() {
    assertThat(run("'kernel version'").out()).isEqualTo("\r\n" + RED + "kernel version: command not found\r\n" + RESET);
    assertThat(run("kernel 'version'").out()).isEqualTo("\r\nZephyr version 9.9.9\r\n");
  }

  @Test
  void moreThanTwentyWordsAreTooMany() {
    String twenty = "echo" + " w".repeat(19);

    assertThat(run(twenty)).isEqualTo(new Run("\r\n" + "w ".repeat(18) + "w\r\n", 0));
    assertThat(run(twenty + " w")).isEqualTo(
        new Run("\r\n" + RED + "Too many arguments in the command.\r\n\r\n" + RESET, -8));
  }

  @Test
  void anUnterminatedQuoteRunsNothing() {
    assertThat(run("echo 'abc")).isEqualTo(new Run("\r\n" + RED + "not terminated: '\r\n" + RESET, -8));
  }

  @Test
  void aLineOfNoWordsRunsNothing() {
    assertThat(run("")).isEqualTo(new Run("\r\n", -8));
    assertThat(run("   ")).isEqualTo(new Run("\r\n", -8));
  }

  @Test
  void theFirstLineEndIsLeftOutWhenPromptAndLineFillWholeTerminalRows() {
    // prompt "~$ " (3) + line: 77 and 157 fill one and two rows of 80 columns
    assertThat(run("echo " + "x".repeat(72)).out()).isEqualTo("x".repeat(72) + "\r\n");
    assertThat(run("echo " + "x".repeat(152)).out()).isEqualTo("x".repeat(152) + "\r\n");
    assertThat(run("echo " + "x".repeat(71)).out()).isEqualTo("\r\n" + "x".repeat(71) + "\r\n");
    // the terminal counts bytes: 36 two-byte characters make 72
    assertThat(run("echo " + "\u00e9".repeat(36)).out()).isEqualTo("\u00e9".repeat(36) + "\r\n");
  }

  @Test
  void aThrowingCommandAnswersEioAfterItsOutput() {
    shell.register("boom", "Fails.", (args, out) -> {
      out.println("partial");
      throw new IllegalStateException("broken");
    });

    assertThat(run("boom")).isEqualTo(new Run("\r\npartial\r\n" + RED
        + "boom: java.lang.IllegalStateException: broken\r\n" + RESET, -5));
  }

  @Test
  void aCommandsReturnCodeIsPassedOnAndItsArgumentsCannotBeChanged() {
    shell.register("fail", "Fails.", (args, out) -> {
      assertThatThrownBy(() -> args.add("x")).isInstanceOf(UnsupportedOperationException.class);
      return -Integer.parseInt(args.get(0));
    });

    assertThat(run("fail 13").ret()).isEqualTo(-13);
  }

  @Test
  void namesMustBeWordsSeparatedBySingleSpacesAndUnique() {
    ShellCommand nothing = (args, out) -> 0;
    for (String bad : List.of("", " a", "a ", "a  b", "a\tb", "a\nb")) {
      assertThatThrownBy(() -> shell.register(bad, "x", nothing))
          .as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> shell.register("kernel version", "again", nothing))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    assertThatThrownBy(() -> new ShellRegistry().register("help", "mine", nothing))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(shell.register("kernel", "Kernel commands, mine.", nothing)).isSameAs(shell);
  }
}
