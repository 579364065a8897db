package io.mcumgr4j.testing;

import io.mcumgr4j.serial.PtyPair;
import org.junit.jupiter.api.Assumptions;

/** Pty pairs for tests: a test that needs one is skipped, naming the package, where socat is missing. */
public final class Ptys {

  /** The baud rate the tests open both ends with (a pty ignores it). */
  public static final int BAUD = 115200;

  private Ptys() {}

  /** A new pair, or the calling test aborted (skipped) with the reason when socat is not installed. */
  public static PtyPair openOrSkip() throws Exception {
    try {
      return PtyPair.create();
    } catch (PtyPair.SocatMissingException e) {
      Assumptions.abort(e.getMessage());
      throw new AssertionError("unreachable");
    }
  }
}
