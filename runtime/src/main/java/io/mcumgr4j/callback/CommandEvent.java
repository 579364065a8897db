package io.mcumgr4j.callback;

/**
 * Data of {@link MgmtEventIds#CMD_RECV} and {@link MgmtEventIds#CMD_DONE}.
 *
 * @param group SMP group id of the request
 * @param command command id
 * @param op request op (0 read, 2 write)
 * @param rc the final {@code rc} of the message ({@code CMD_DONE}; 0 for {@code CMD_RECV})
 */
public record CommandEvent(int group, int command, int op, int rc) {}
