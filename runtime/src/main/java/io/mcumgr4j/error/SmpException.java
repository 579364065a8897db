package io.mcumgr4j.error;

/** Base of every exception the mcumgr4j runtime throws for protocol-level failures. */
public class SmpException extends RuntimeException {

  public SmpException(String message) {
    super(message);
  }

  public SmpException(String message, Throwable cause) {
    super(message, cause);
  }
}
