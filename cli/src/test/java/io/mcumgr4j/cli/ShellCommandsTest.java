package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mcumgr4j shell exec} against a simulated device, in-process. */
class ShellCommandsTest extends CliDeviceTest {

  @Test
  void printsTheOutputAsWritten() {
    // Zephyr's shell output: a line end first, then each line ended by \r\n; printed as it came
    assertThat(run("shell", "exec", "echo", "hi", "there")).isEqualTo(new Run(0, "\r\nhi there\r\n", ""));
    assertThat(run("--json", "shell", "exec", "echo", "hi").json()).isEqualTo(Map.of("o", "\r\nhi\r\n", "ret", 0L));
  }

  @Test
  void optionsAfterTheCommandGoToTheDevice() {
    Run pretty = run("shell", "exec", "kernel", "uptime", "-p");
    assertThat(pretty.code()).isZero();
    assertThat(pretty.out()).contains("uptime: ").contains(" days, ");
    // even ones the CLI has itself
    assertThat(run("shell", "exec", "echo", "-v", "--json").out()).isEqualTo("\r\n-v --json\r\n");
  }

  @Test
  void nonZeroRetExitsSeven() {
    Run unknown = run("shell", "exec", "nope");
    assertThat(unknown.code()).isEqualTo(ShellCommands.COMMAND_FAILED).isEqualTo(7);
    assertThat(unknown.out()).contains("nope: command not found");
    assertThat(unknown.err()).isEqualTo("mcumgr4j: the shell command returned -8\n");
    Run json = run("--json", "shell", "exec", "nope");
    assertThat(json.code()).isEqualTo(7);
    assertThat(json.json()).containsEntry("ret", -8L);
  }

  @Test
  void terminalEscapesAreStrippedWhenOutputIsNotATerminalUnlessAskedFor() {
    // the simulated shell writes "command not found" in red, as Zephyr's does
    Run piped = run("shell", "exec", "nope");
    assertThat(piped.out()).contains("nope: command not found").doesNotContain("\u001B");
    Run raw = run("shell", "exec", "--raw-output", "nope");
    assertThat(raw.out()).contains("\u001B[").contains("nope: command not found");
  }

  @Test
  void stripEscapesRemovesControlSequencesAndKeepsText() {
    assertThat(Terminal.stripEscapes("\u001B[1;31mred\u001B[0m plain \u001B]0;title\u0007end\u001B7\r\n"))
        .isEqualTo("red plain end\r\n");
    assertThat(Terminal.stripEscapes("no escapes: [1;31m")).isEqualTo("no escapes: [1;31m");
  }

  @Test
  void requestErrorsKeepTheirCodes() {
    Run tooLong = run("shell", "exec", "x".repeat(300));
    assertThat(tooLong.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(tooLong.err()).contains("COMMAND_TOO_LONG");
    assertThat(run("--smp-v1", "shell", "exec", "echo", "v1").out()).isEqualTo("\r\nv1\r\n");
  }
}
