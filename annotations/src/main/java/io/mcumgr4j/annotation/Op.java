package io.mcumgr4j.annotation;

/**
 * The SMP operation codes (header bits 2..0). Requests are {@link #READ} and {@link #WRITE};
 * a response carries the request's op plus one.
 */
public enum Op {
  /** Read request (0). */
  READ(0),
  /** Response to a read (1). */
  READ_RSP(1),
  /** Write request (2). */
  WRITE(2),
  /** Response to a write (3). */
  WRITE_RSP(3);

  private static final Op[] BY_CODE = {READ, READ_RSP, WRITE, WRITE_RSP};

  private final int code;

  Op(int code) {
    this.code = code;
  }

  /** The 3-bit value on the wire. */
  public int code() {
    return code;
  }

  /** Whether this op is a request (read or write). */
  public boolean isRequest() {
    return (code & 1) == 0;
  }

  /** The op a server answers this request op with. */
  public Op response() {
    return this == READ ? READ_RSP : WRITE_RSP;
  }

  /**
   * The op for a wire value.
   *
   * @return the op, or {@code null} for the values 4..7 that SMP does not define
   */
  public static Op fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
