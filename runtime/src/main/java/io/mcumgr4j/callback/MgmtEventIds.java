package io.mcumgr4j.callback;

/**
 * Event ids as Zephyr numbers them: {@code (eventGroup << 16) | (1 << n)}. A registration may
 * OR several bits of one event group; {@code (eventGroup << 16) | 0xFFFF} is every event of the
 * group and {@link #ALL} every event of every group. Event groups are not SMP group ids.
 */
public final class MgmtEventIds {

  /** Event group of {@link #ALL}. */
  public static final int GROUP_ALL = 0;
  /** Event group of the per-command SMP events. */
  public static final int GROUP_SMP = 1;
  /** Event group of the OS management events. */
  public static final int GROUP_OS = 2;
  /** Event group of the image management events. */
  public static final int GROUP_IMG = 3;
  /** Event group of the file system management events. */
  public static final int GROUP_FS = 4;
  /** Event group of the settings management events. */
  public static final int GROUP_SETTINGS = 5;
  /** Event group of the enumeration management events. */
  public static final int GROUP_ENUM = 6;
  /** First event group an application may use for its own groups. */
  public static final int GROUP_USER_CUSTOM_START = 64;

  /** Every event of every group ({@code MGMT_EVT_OP_ALL}). */
  public static final int ALL = 0x0000_FFFF;

  /** Before a found handler runs; data {@link CommandEvent}; a failure skips the handler. */
  public static final int CMD_RECV = id(GROUP_SMP, 0);
  /** Progress of a long command (image upload); data {@link CommandStatusEvent}. */
  public static final int CMD_STATUS = id(GROUP_SMP, 1);
  /** After each message, also after a failure once a handler was found; data {@link CommandEvent}. */
  public static final int CMD_DONE = id(GROUP_SMP, 2);

  private MgmtEventIds() {}

  /** The id of event {@code bit} (0..15) of {@code eventGroup} (0..65535). */
  public static int id(int eventGroup, int bit) {
    if (eventGroup < 0 || eventGroup > 0xFFFF || bit < 0 || bit > 15) {
      throw new IllegalArgumentException("event group " + eventGroup + ", bit " + bit);
    }
    return (eventGroup << 16) | (1 << bit);
  }

  /** Every event of {@code eventGroup}. */
  public static int allOf(int eventGroup) {
    return (eventGroup << 16) | 0xFFFF;
  }

  /** The event group of an id. */
  public static int group(int event) {
    return event >>> 16;
  }

  /** The event bits of an id. */
  public static int bits(int event) {
    return event & 0xFFFF;
  }
}
