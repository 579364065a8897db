package io.mcumgr4j.cli;

import io.mcumgr4j.client.MalformedResponseException;
import io.mcumgr4j.client.RequestTooLargeException;
import io.mcumgr4j.client.SmpTimeoutException;
import io.mcumgr4j.client.SmpTransportException;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.transfer.TransferException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Exit codes scripts can rely on, and the one-line error each failure prints (a stack trace only
 * with {@code -v}).
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>any other failure (a local file, an argument the device cannot take)</td></tr>
 *   <tr><td>2</td><td>usage error (picocli), or a request too large to send</td></tr>
 *   <tr><td>3</td><td>the device did not answer (timeout) or cannot be reached</td></tr>
 *   <tr><td>4</td><td>the device answered an SMP error ({@code rc})</td></tr>
 *   <tr><td>5</td><td>the device answered a group error ({@code err})</td></tr>
 *   <tr><td>6</td><td>the device's answer did not decode, or a transfer went wrong</td></tr>
 *   <tr><td>7</td><td>{@code shell exec} only: the device ran the command and its {@code ret} was not 0</td></tr>
 * </table>
 */
final class ExitCodes {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int UNREACHABLE = 3;
  static final int RC_ERROR = 4;
  static final int GROUP_ERROR = 5;
  static final int BAD_RESPONSE = 6;

  private ExitCodes() {}

  /** Prints one line for {@code e} (and its stack trace with {@code verbose}); returns the exit code. */
  static int report(Exception e, boolean verbose, PrintWriter err) {
    int code;
    String message;
    if (e instanceof RequestTooLargeException) {
      code = USAGE;
      message = e.getMessage();
    } else if (e instanceof SmpTimeoutException) {
      code = UNREACHABLE;
      message = "timeout: " + e.getMessage();
    } else if (e instanceof SmpTransportException) {
      code = UNREACHABLE;
      message = "device unreachable: " + e.getMessage();
    } else if (e instanceof GroupErrorException g) {
      code = GROUP_ERROR;
      message = "device error: " + g.getMessage();
    } else if (e instanceof MgmtException m) {
      code = RC_ERROR;
      message = "device error: " + m.getMessage();
    } else if (e instanceof MalformedResponseException || e instanceof TransferException) {
      code = BAD_RESPONSE;
      message = e.getMessage();
    } else if (e instanceof IOException || e instanceof UncheckedIOException) {
      code = FAILURE;
      message = e.toString();
    } else {
      code = FAILURE;
      message = e.getMessage() != null ? e.getMessage() : e.toString();
    }
    err.println("mcumgr4j: " + message);
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
