package io.mcumgr4j.cli;

import io.mcumgr4j.client.MalformedResponseException;
import io.mcumgr4j.client.RequestTooLargeException;
import io.mcumgr4j.client.SmpTimeoutException;
import io.mcumgr4j.client.SmpTransportException;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.fs.FsMgmtError;
import io.mcumgr4j.transfer.TransferException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exit codes scripts can rely on, and how a failure is reported: one line on standard error (a
 * stack trace only with {@code -v}) and, with {@code --json}, one document on standard output,
 * {@code {"error": {"kind", "message", "exit", ...}}}.
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>a local failure: a file that cannot be read or written, an address already in use</td></tr>
 *   <tr><td>2</td><td>usage: a bad option or value, or a request too large to send (nothing was sent)</td></tr>
 *   <tr><td>3</td><td>the link: no answer in time, or the device cannot be reached</td></tr>
 *   <tr><td>4</td><td>the device answered an SMP error ({@code rc})</td></tr>
 *   <tr><td>5</td><td>the device answered a group error ({@code err: {group, rc}})</td></tr>
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

  /**
   * A failure as reported.
   *
   * @param kind {@code usage}, {@code too-large}, {@code timeout}, {@code unreachable}, {@code rc},
   *     {@code group}, {@code bad-response}, {@code transfer} or {@code local}
   * @param details what a script may act on besides the message: {@code rc} and {@code name} of an
   *     SMP error; {@code group}, {@code rc} and {@code name} of a group error
   */
  record Failure(int exit, String kind, String message, Map<String, Object> details) {

    static Failure usage(String message) {
      return new Failure(USAGE, "usage", message, Map.of());
    }

    /** The document {@code --json} prints. */
    Map<String, Object> json() {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("kind", kind);
      error.put("message", message);
      error.put("exit", exit);
      error.putAll(details);
      return Map.of("error", error);
    }
  }

  /** What {@code e} means for the user. */
  static Failure classify(Exception e) {
    RequestTooLargeException tooLarge = cause(e, RequestTooLargeException.class);
    if (tooLarge != null) {
      return new Failure(USAGE, "too-large", tooLarge.getMessage(), Map.of());
    }
    if (e instanceof UsageException) {
      return Failure.usage(e.getMessage());
    }
    if (e instanceof SmpTimeoutException) {
      return new Failure(UNREACHABLE, "timeout", "timeout: " + e.getMessage(), Map.of());
    }
    if (e instanceof SmpTransportException) {
      return new Failure(UNREACHABLE, "unreachable", "device unreachable: " + e.getMessage(), Map.of());
    }
    if (e instanceof GroupErrorException g) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("group", g.error().group());
      details.put("rc", g.error().rc());
      details.put("name", g.error().name());
      return new Failure(GROUP_ERROR, "group", "device error: " + g.getMessage() + hint(g.error()), details);
    }
    if (e instanceof MgmtException m) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("rc", m.rc());
      if (m.err() != null) {
        details.put("name", "MGMT_ERR_" + m.err().name());
      }
      return new Failure(RC_ERROR, "rc", "device error: " + m.getMessage(), details);
    }
    if (e instanceof MalformedResponseException) {
      return new Failure(BAD_RESPONSE, "bad-response", e.getMessage(), Map.of());
    }
    if (e instanceof TransferException) {
      return new Failure(BAD_RESPONSE, "transfer", e.getMessage(), Map.of());
    }
    IOException io = e instanceof UncheckedIOException u ? u.getCause() : e instanceof IOException i ? i : null;
    if (io != null) {
      return new Failure(FAILURE, "local", describe(io), Map.of());
    }
    return new Failure(FAILURE, "local", e.getMessage() != null ? e.getMessage() : e.toString(), Map.of());
  }

  /** What a user needs to know beside an error that is easy to cause by mistake. */
  private static String hint(GroupError error) {
    if (error.group() == FsMgmtError.FILE_INVALID_NAME.group() && error.rc() == FsMgmtError.FILE_INVALID_NAME.rc()) {
      return " (a name is an absolute path under a mount point, e.g. /lfs1/hello.txt)";
    }
    return "";
  }

  /** A file error in words: the JDK's messages for these are the bare path. */
  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists: " + e.getMessage();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /**
   * Reports {@code e}: one line on {@code err} (and its stack trace with {@code verbose}) and, with
   * {@code json}, the failure's document on {@code out}. Returns the exit code.
   */
  static int report(Exception e, boolean verbose, boolean json, PrintWriter out, PrintWriter err) {
    boolean printed = e instanceof AnswerPrinted;
    Failure failure = classify(printed ? (Exception) e.getCause() : e);
    report(failure, json && !printed, out, err);
    if (verbose) {
      e.printStackTrace(err);
      err.flush();
    }
    return failure.exit();
  }

  /** Prints {@code failure} as {@link #report(Exception, boolean, boolean, PrintWriter, PrintWriter)} does. */
  static void report(Failure failure, boolean json, PrintWriter out, PrintWriter err) {
    if (json) {
      out.println(JsonValues.write(failure.json(), false));
      out.flush();
    }
    err.println("mcumgr4j: " + failure.message());
    err.flush();
  }
}
