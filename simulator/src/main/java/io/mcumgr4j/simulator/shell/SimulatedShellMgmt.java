package io.mcumgr4j.simulator.shell;

import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.shell.ShellMgmt;
import io.mcumgr4j.groups.shell.ShellMgmtError;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/**
 * The shell group of a simulated device: runs command lines against a {@link ShellRegistry} and
 * answers their output and return code, as Zephyr's {@code shell_mgmt.c} does through its dummy
 * shell backend.
 *
 * <ul>
 *   <li>{@code argv} is joined with single spaces and the shell splits the line again, so
 *       {@code ["echo", "a b"]} runs {@code echo} with two arguments, as on Zephyr.
 *   <li>A line of {@code maxLineLength} UTF-8 bytes or more ({@code CONFIG_SHELL_CMD_BUFF_SIZE},
 *       default 256, keeps one byte for the terminator) fails with {@link
 *       ShellMgmtError#COMMAND_TOO_LONG}; no words with {@link ShellMgmtError#EMPTY_COMMAND}
 *       (both {@code EINVAL} for SMP v1 requests).
 *   <li>Everything else is a success carrying the shell's answer: an unknown command answers
 *       {@code ret} -8 and the shell's red {@code <cmd>: command not found} in {@code o}. The
 *       output starts with {@code \r\n} (the shell's line end after the echoed command) and ends
 *       lines with {@code \r\n}.
 *   <li>The output is cut, silently, at {@code outputBufferSize - 1} bytes, as the dummy backend's
 *       buffer ({@code CONFIG_SHELL_BACKEND_DUMMY_BUF_SIZE}, default 300) cuts it. A response that
 *       still does not fit the server's buffer is answered {@code rc} 7 (EMSGSIZE), as Zephyr
 *       answers it.
 * </ul>
 *
 * <p>A device should run commands only when configured to: {@code SimulatedDevice} registers this
 * group only then, and without it the server answers {@code rc} 8 (ENOTSUP) like a Zephyr build
 * without shell management.
 *
 * <p>Zephyr stops reading {@code argv} at its first item that is not a text string; the generated
 * dispatcher instead answers such a request {@code rc} 3 (EINVAL).
 */
public final class SimulatedShellMgmt implements ShellMgmt {

  /** Zephyr's {@code CONFIG_SHELL_CMD_BUFF_SIZE} default. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 256;

  /** Zephyr's {@code CONFIG_SHELL_BACKEND_DUMMY_BUF_SIZE} default (400 with {@code CONFIG_LOG_PRINTK}). */
  public static final int DEFAULT_OUTPUT_BUFFER_SIZE = 300;

  private final ShellRegistry registry;
  private final int maxLineLength;
  private final int outputBufferSize;

  /**
   * A shell group with Zephyr's default output buffer ({@value #DEFAULT_OUTPUT_BUFFER_SIZE} bytes).
   *
   * @param registry the commands
   * @param maxLineLength the shell's command buffer ({@code CONFIG_SHELL_CMD_BUFF_SIZE}): lines
   *     must be shorter, in UTF-8 bytes
   */
  public SimulatedShellMgmt(ShellRegistry registry, int maxLineLength) {
    this(registry, maxLineLength, DEFAULT_OUTPUT_BUFFER_SIZE);
  }

  /**
   * @param registry the commands
   * @param maxLineLength the shell's command buffer ({@code CONFIG_SHELL_CMD_BUFF_SIZE}): lines
   *     must be shorter, in UTF-8 bytes
   * @param outputBufferSize the dummy backend's buffer ({@code CONFIG_SHELL_BACKEND_DUMMY_BUF_SIZE}):
   *     one byte less of output is kept
   */
  public SimulatedShellMgmt(ShellRegistry registry, int maxLineLength, int outputBufferSize) {
    this.registry = Objects.requireNonNull(registry, "registry");
    // Zephyr's shell refuses to build with a buffer below 2: one character and the terminator
    if (maxLineLength < 2) {
      throw new IllegalArgumentException("maxLineLength " + maxLineLength + " < 2");
    }
    if (outputBufferSize < 1) {
      throw new IllegalArgumentException("outputBufferSize " + outputBufferSize + " < 1");
    }
    this.maxLineLength = maxLineLength;
    this.outputBufferSize = outputBufferSize;
  }

  @Override
  public Result exec(List<String> argv) {
    if (argv.isEmpty()) {
      throw new GroupErrorException(ShellMgmtError.EMPTY_COMMAND);
    }
    String line = String.join(" ", argv);
    if (ShellText.utf8Length(line) >= maxLineLength) {
      throw new GroupErrorException(ShellMgmtError.COMMAND_TOO_LONG,
          "line of " + ShellText.utf8Length(line) + " bytes, the shell takes " + (maxLineLength - 1));
    }
    ShellOutput output = new ShellOutput(outputBufferSize - 1);
    PrintWriter out = output.printWriter();
    int ret = registry.execute(line, out);
    out.flush();
    return new Result(output.text(), ret);
  }
}
