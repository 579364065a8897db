package io.mcumgr4j.error;

/**
 * A group-specific failure. A handler throws it to answer {@code err: {group, rc}} (v2) or the
 * translated {@code rc} (v1); a client throws it when a response carries {@code err}.
 */
public class GroupErrorException extends SmpException {

  private final transient GroupError error;
  private transient ErrorEntries entries;
  private byte[] response;

  public GroupErrorException(GroupError error) {
    this(error, null);
  }

  public GroupErrorException(GroupError error, String detail) {
    super(describe(error) + (detail == null ? "" : ": " + detail));
    if (error.rc() == 0) {
      throw new IllegalArgumentException("a group error never has rc 0");
    }
    this.error = error;
  }

  /** {@code NAME (group G, rc R)}, or {@code group G error R} for an error known by its numbers only. */
  private static String describe(GroupError error) {
    return error instanceof RawGroupError
        ? error.name()
        : error.name() + " (group " + error.group() + ", rc " + error.rc() + ")";
  }

  /** The error. */
  public GroupError error() {
    return error;
  }

  /**
   * Server side: keys the response carries beside {@code err} (e.g. FS upload's expected
   * {@code len}), written after it. Returns this.
   */
  public GroupErrorException withEntries(ErrorEntries entries) {
    this.entries = entries;
    return this;
  }

  /** The entries set with {@link #withEntries}, or {@code null}. */
  public ErrorEntries entries() {
    return entries;
  }

  /** Client side: the whole response payload, so callers can read keys beside {@code err}. Returns this. */
  public GroupErrorException withResponse(byte[] payload) {
    this.response = payload;
    return this;
  }

  /** The response payload this error came in (client side), or {@code null}. */
  public byte[] response() {
    return response;
  }
}
