package io.mcumgr4j.cli;

/**
 * A serial port as the command line names it, {@code DEVICE[,baud=N]}, for {@code --conn
 * serial:...} and {@code serve --serial}.
 */
record SerialSpec(String device, int baud) {

  /** The baud rate when none is given (Zephyr's console default). */
  static final int DEFAULT_BAUD = 115200;

  static SerialSpec parse(String text) {
    String[] parts = text.split(",");
    int baud = DEFAULT_BAUD;
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].startsWith("baud=")) {
        throw bad(text, "unknown option '" + parts[i] + "' (expected baud=N)");
      }
      try {
        baud = Integer.parseInt(parts[i].substring(5));
        if (baud <= 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw bad(text, "baud must be a positive number, not '" + parts[i].substring(5) + "'");
      }
    }
    if (parts[0].isEmpty()) {
      throw bad(text, "no device path (e.g. /dev/ttyACM0)");
    }
    return new SerialSpec(parts[0], baud);
  }

  private static UsageException bad(String text, String why) {
    return new UsageException("bad serial port '" + text + "': " + why);
  }
}
