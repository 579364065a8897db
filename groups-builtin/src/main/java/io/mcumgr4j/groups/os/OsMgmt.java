package io.mcumgr4j.groups.os;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.server.RequestContext;
import java.util.Map;

/**
 * Zephyr's OS management group (0): {@code doc/services/device_mgmt/smp_groups/smp_group_0.rst}.
 * Command 1 (console echo control) is not implemented by Zephyr and is absent here too, so it
 * answers {@code rc} 8 as Zephyr does. The reset hook is event {@code OS_MGMT_RESET}: bit 0 of
 * Zephyr's OS event group (2).
 */
@MgmtGroup(id = 0, name = "os mgmt", eventGroup = 2,
    errors = {
        @ErrorCode(value = 2, name = "INVALID_FORMAT", legacy = MgmtErr.EINVAL,
            doc = "An info format character is not known"),
        @ErrorCode(value = 3, name = "QUERY_YIELDS_NO_ANSWER", legacy = MgmtErr.ENOENT,
            doc = "A bootloader info query has no answer"),
        @ErrorCode(value = 4, name = "RTC_NOT_SET", legacy = MgmtErr.ENOENT, doc = "The clock has not been set"),
        @ErrorCode(value = 5, name = "RTC_COMMAND_FAILED", doc = "Reading or setting the clock failed"),
        @ErrorCode(value = 6, name = "QUERY_RESPONSE_VALUE_NOT_VALID", doc = "A query's answer is not valid"),
        @ErrorCode(value = 7, name = "HEAP_STATS_FETCH_FAILED", doc = "Heap statistics could not be read")
    })
public interface OsMgmt {

  /**
   * Echoes {@code d} back as {@code r} (an absent {@code d} echoes {@code ""}, as Zephyr's decoder
   * leaves it empty). Clients send it as a write, as Zephyr's do; reads work too.
   */
  @Command(id = 0, ops = {Op.WRITE, Op.READ})
  Echo echo(@Param(value = "d", required = false) String text);

  /** Statistics of every task (thread), keyed by name. */
  @Command(id = 2, ops = Op.READ)
  TaskStats taskStats();

  /** Statistics of every memory pool, keyed by pool name at the top of the response. */
  @Command(id = 3, ops = Op.READ)
  Map<String, MemoryPool> memoryPools();

  /** The device's date and time, {@code YYYY-MM-DDTHH:MM:SS}, no zone. */
  @Command(id = 4, ops = Op.READ)
  DateTime dateTime();

  /** Sets the device's date and time. */
  @Command(id = 4, ops = Op.WRITE)
  void setDateTime(@Param("datetime") String datetime);

  /**
   * Resets the device once the response has gone out; the reset hook may refuse. Both keys are
   * lenient: Zephyr ignores decode errors here, and clients send {@code force} as a bool (Zephyr's
   * decoder) or an integer (its documentation, Python smpclient), which is then ignored.
   *
   * @param force reset even if a hook would refuse (hooks see it and decide)
   * @param bootMode 0 normal, 1 bootloader
   */
  @Command(id = 5, ops = Op.WRITE, hook = true)
  void reset(
      @Param(value = "force", required = false, lenient = true) Boolean force,
      @Param(value = "boot_mode", required = false, lenient = true) @Uint(bits = 8) Integer bootMode);

  /** The SMP buffer size and count. */
  @Command(id = 6, ops = Op.READ)
  McumgrParams params(RequestContext ctx);

  /**
   * OS/application information for the format characters {@code snrvbmpioa} (default {@code s}).
   */
  @Command(id = 7, ops = Op.READ)
  Info info(@Param(value = "format", required = false) String format);

  /** The bootloader's name, or with {@code query = "mode"} its mode. */
  @Command(id = 8, ops = Op.READ)
  BootloaderInfo bootloaderInfo(@Param(value = "query", required = false) String query);

  /** Response of {@link #echo}. */
  record Echo(@Field("r") String text) {}

  /** Response of {@link #taskStats}. */
  record TaskStats(Map<String, TaskStat> tasks) {}

  /**
   * One task, with the keys Zephyr sends by default, in its order.
   *
   * @param prio priority (signed)
   * @param tid index in the list
   * @param state Zephyr thread state bits
   * @param stksiz stack size in 4-byte words
   * @param stkuse stack use in 4-byte words
   */
  record TaskStat(int prio, @Uint long tid, @Uint long state, @Uint long stksiz, @Uint long stkuse) {}

  /**
   * One memory pool.
   *
   * @param blksiz block size in bytes
   * @param nblks number of blocks
   * @param nfree free blocks
   * @param min fewest free blocks seen
   */
  record MemoryPool(@Uint long blksiz, @Uint long nblks, @Uint long nfree, @Uint long min) {}

  /** Response of {@link #dateTime}. */
  record DateTime(String datetime) {}

  /** Response of {@link #params}. */
  record McumgrParams(@Field("buf_size") @Uint long bufSize, @Field("buf_count") @Uint long bufCount) {}

  /** Response of {@link #info}. */
  record Info(String output) {}

  /**
   * Response of {@link #bootloaderInfo}: {@code bootloader} without a query; {@code mode} (and
   * {@code no-downgrade} when true) for {@code query = "mode"}.
   */
  record BootloaderInfo(String bootloader, Integer mode, @Field("no-downgrade") Boolean noDowngrade) {}
}
