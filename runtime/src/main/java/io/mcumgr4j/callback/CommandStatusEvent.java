package io.mcumgr4j.callback;

/**
 * Data of {@link MgmtEventIds#CMD_STATUS}.
 *
 * @param group SMP group id
 * @param command command id
 * @param status 0 started, 1 ongoing, 2 complete
 */
public record CommandStatusEvent(int group, int command, int status) {

  /** The command has started. */
  public static final int STARTED = 0;
  /** The command is under way. */
  public static final int ONGOING = 1;
  /** The command has finished. */
  public static final int COMPLETE = 2;
}
