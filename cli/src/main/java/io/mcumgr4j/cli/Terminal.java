package io.mcumgr4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Whether standard output is a terminal, and text made fit for one that is not. */
final class Terminal {

  /**
   * ECMA-48 escapes: control sequences (CSI: colours, cursor moves, erase), operating system
   * commands (a window title, ended by BEL or ST), character set designations and the two-byte
   * escapes, which is what Zephyr's shell writes around its output.
   */
  private static final Pattern ESCAPES =
      Pattern.compile("\\u001B\\[[0-?]*[ -/]*[@-~]" // CSI
          + "|\\u001B\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)" // OSC
          + "|\\u001B[ -/]+[0-~]" // character set designations
          + "|\\u001B[0-?@-Z\\\\-_]"); // the two-byte escapes (cursor save, keypad mode, ...)

  private Terminal() {}

  static String stripEscapes(String text) {
    return text.indexOf('\u001B') < 0 ? text : ESCAPES.matcher(text).replaceAll("");
  }

  /**
   * Whether this process's standard output is a terminal. On Linux from what descriptor 1 is
   * ({@code System.console()} is not enough: from JDK 22 it answers also when output is piped);
   * elsewhere from {@code System.console()}.
   */
  static boolean stdoutIsTerminal() {
    Path fd = Path.of("/proc/self/fd/1");
    if (Files.exists(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
