package io.mcumgr4j.cli;

import java.io.PrintStream;

/**
 * A command's result, printed as human text or, with {@code --json}, as one JSON document on
 * standard output. JSON values: maps, lists, strings, numbers, booleans, {@code null}; byte arrays
 * become lowercase hex strings.
 */
final class Output {

  private final PrintStream out;
  private final boolean json;

  Output(PrintStream out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** Whether results are JSON (progress and chatter then stay off standard output). */
  boolean json() {
    return json;
  }

  /** Prints {@code human} or, with {@code --json}, {@code value}. */
  void result(String human, Object value) {
    if (json) {
      out.println(JsonValues.write(value, false));
    } else {
      out.println(human);
    }
  }
}
