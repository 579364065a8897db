package io.mcumgr4j.simulator.shell;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The return codes and colours of Zephyr's shell that the simulated shell reproduces. */
final class ShellText {

  /** {@code EIO}: a command failed (the simulated shell's answer to a command that throws). */
  static final int EIO = 5;

  /** {@code ENOEXEC}: the shell found nothing to run (unknown command, unterminated quote...). */
  static final int ENOEXEC = 8;

  /** {@code EINVAL}: wrong parameter count. */
  static final int EINVAL = 22;

  /** Zephyr's {@code SHELL_CMD_HELP_PRINTED}: the shell printed help instead of running a command. */
  static final int HELP_PRINTED = 1;

  /** VT100 bold red, what Zephyr's shell prints errors in (seen in Zephyr 4.4.0's output). */
  private static final String ERROR_COLOR = "\u001b[1;31m";

  /** VT100 back to the terminal's default colour, sent after the error's line end. */
  private static final String DEFAULT_COLOR = "\u001b[m";

  private ShellText() {}

  /** The length of {@code text} in UTF-8 bytes, the unit Zephyr's buffers count in. */
  static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Prints one error line as Zephyr's {@code shell_error} does: in red, colour reset after the line end. */
  static void error(PrintWriter out, String text) {
    out.print(ERROR_COLOR + text + "\n" + DEFAULT_COLOR);
  }
}
