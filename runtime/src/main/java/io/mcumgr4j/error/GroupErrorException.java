package io.mcumgr4j.error;

/**
 * A group-specific failure. A handler throws it to answer {@code err: {group, rc}} (v2) or the
 * translated {@code rc} (v1); a client throws it when a response carries {@code err}.
 */
public class GroupErrorException extends SmpException {

  private final transient GroupError error;

  public GroupErrorException(GroupError error) {
    this(error, null);
  }

  public GroupErrorException(GroupError error, String detail) {
    super(error.name() + " (group " + error.group() + ", rc " + error.rc() + ")"
        + (detail == null ? "" : ": " + detail));
    if (error.rc() == 0) {
      throw new IllegalArgumentException("a group error never has rc 0");
    }
    this.error = error;
  }

  /** The error. */
  public GroupError error() {
    return error;
  }
}
