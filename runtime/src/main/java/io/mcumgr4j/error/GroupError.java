package io.mcumgr4j.error;

import io.mcumgr4j.annotation.MgmtErr;

/**
 * A group-specific SMP v2 error: sent to v2 clients as {@code err: {group, rc}}, and to v1
 * clients as the {@code rc} of its {@link #legacy()} translation. Generated {@code XError} enums
 * implement it; {@code rc} 0 is never sent.
 */
public interface GroupError {

  /** The SMP group id the error belongs to. */
  int group();

  /** The group-specific code (never 0 on the wire). */
  int rc();

  /** The SMP v1 code a v1 request gets instead. */
  MgmtErr legacy();

  /** A short name for messages, e.g. {@code FILE_NOT_FOUND}. */
  String name();

  /** An error known only by its numbers, as a client sees one from a group it has no enum for. */
  static GroupError of(int group, int rc) {
    return new RawGroupError(group, rc);
  }
}
