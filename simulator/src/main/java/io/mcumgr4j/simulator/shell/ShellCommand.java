package io.mcumgr4j.simulator.shell;

import java.io.PrintWriter;
import java.util.List;

/**
 * A command of the simulated device's shell, registered in a {@link ShellRegistry} (Zephyr's
 * {@code shell_cmd_handler}).
 *
 * <p>What the command prints is what the shell group answers in {@code o}, the way Zephyr's
 * shell prints it: each {@code \n} goes out as {@code \r\n} (use {@code println} or {@code \n};
 * {@code printf}'s {@code %n} is the platform's separator), and the capture is cut silently once
 * the device's shell output buffer is full.
 */
@FunctionalInterface
public interface ShellCommand {

  /**
   * Runs the command.
   *
   * @param args the words after the command's full name (for {@code led on 3}: {@code [3]}), as
   *     Zephyr's shell splits the line: on whitespace, quotes and backslash escapes removed
   * @param out where the command prints
   * @return the command's return code, as a Zephyr command returns it: 0 for success, a negative
   *     errno (e.g. {@code -22} for EINVAL) for a failure
   */
  int run(List<String> args, PrintWriter out);
}
