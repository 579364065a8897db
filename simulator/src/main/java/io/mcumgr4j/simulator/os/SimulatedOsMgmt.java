package io.mcumgr4j.simulator.os;

import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtError;
import io.mcumgr4j.server.RequestContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The OS group (0) of a simulated device, answering as Zephyr 4.4.0's {@code os_mgmt.c} does with
 * the JVM standing in for the kernel: its threads are the tasks, its memory pools the pools.
 * Serve it with {@code server.register(new OsMgmtDispatcher(new SimulatedOsMgmt(...)))}.
 *
 * <ul>
 *   <li>echo: {@code r} = {@code d}.
 *   <li>task statistics: the JVM's live threads, sorted by name (then thread id), {@code tid} =
 *       index in that order; see {@link #taskStats()} for the priority and state mapping.
 *       {@code stksiz} and {@code stkuse} are 0: the JVM does not expose a thread's stack size or
 *       use.
 *   <li>memory pool statistics: the JVM's memory pools in blocks of {@link #BLOCK_SIZE} bytes; see
 *       {@link #memoryPools()}.
 *   <li>datetime: the {@link DeviceClock}, in Zephyr's {@code YYYY-MM-DDTHH:MM:SS}; set accepts what
 *       Zephyr's parser accepts (see {@link #setDateTime}).
 *   <li>reset: runs the reset action on the group's daemon thread once the reset delay has passed,
 *       so the response goes out first; {@link #close()} cancels it.
 *   <li>parameters: the server's {@code bufSize} and {@code bufCount}.
 *   <li>info: the {@link OsInfo} fields the format asks for.
 *   <li>bootloader info: MCUboot, in the mode given to the constructor.
 * </ul>
 */
public final class SimulatedOsMgmt implements OsMgmt, AutoCloseable {

  /** MCUboot's {@code MCUBOOT_MODE_SWAP_USING_MOVE}, the mode the 4-argument constructor reports. */
  public static final int MCUBOOT_MODE_SWAP_USING_MOVE = 3;

  /** Bytes per block in memory pool statistics: the JVM's pools count bytes, not blocks. */
  public static final long BLOCK_SIZE = 1024;

  /** Zephyr's default {@code CONFIG_MCUMGR_GRP_OS_RESET_MS}. */
  public static final Duration ZEPHYR_RESET_DELAY = Duration.ofMillis(250);

  /** The bootloader name Zephyr reports: it only knows MCUboot. */
  static final String BOOTLOADER = "MCUboot";

  /** Zephyr's {@code _THREAD_PENDING}: waiting on an object. */
  static final int THREAD_PENDING = 0x02;
  /** Zephyr's {@code _THREAD_SLEEPING}: bit 2, named {@code _THREAD_PRESTART} in older Zephyr. */
  static final int THREAD_SLEEPING = 0x04;
  /** Zephyr's {@code _THREAD_DEAD}. */
  static final int THREAD_DEAD = 0x08;
  /** Zephyr's {@code _THREAD_QUEUED}: in the ready queue. */
  static final int THREAD_QUEUED = 0x80;

  /** Info format characters in output order; bit {@code i} of a format mask is character {@code i}. */
  private static final String FORMAT_CHARS = "snrvbmpio";
  private static final int FORMAT_ALL = (1 << FORMAT_CHARS.length()) - 1;
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  private final DeviceClock clock;
  private final OsInfo info;
  private final Runnable resetAction;
  private final Duration resetDelay;
  private final int bootloaderMode;
  private final boolean noDowngrade;
  /** Runs the reset action; its one daemon thread starts with the first reset. */
  private final ScheduledThreadPoolExecutor resets;
  private final Object resetLock = new Object();
  /** The reset scheduled and not yet started; guarded by {@link #resetLock}. */
  private ScheduledFuture<?> pendingReset;
  /** Guarded by {@link #resetLock}. */
  private boolean closed;
  private volatile Thread resetThread;

  /**
   * A device with MCUboot in swap-using-move mode ({@value #MCUBOOT_MODE_SWAP_USING_MOVE}) without
   * downgrade prevention.
   *
   * @param clock the device's clock, read and set by the datetime commands
   * @param info what the info command reports
   * @param resetAction what a reset does (e.g. restart the simulated device); runs on the group's
   *     daemon thread
   * @param resetDelay how long after a reset request the action runs (Zephyr's {@code
   *     CONFIG_MCUMGR_GRP_OS_RESET_MS}, {@link #ZEPHYR_RESET_DELAY} by default)
   */
  public SimulatedOsMgmt(DeviceClock clock, OsInfo info, Runnable resetAction, Duration resetDelay) {
    this(clock, info, resetAction, resetDelay, MCUBOOT_MODE_SWAP_USING_MOVE, false);
  }

  /**
   * As {@link #SimulatedOsMgmt(DeviceClock, OsInfo, Runnable, Duration)} with another bootloader
   * mode.
   *
   * @param bootloaderMode MCUboot's {@code MCUBOOT_MODE_*} value that {@code query = "mode"}
   *     reports (-1 unknown, 0 single slot, 1 swap using scratch, 2 overwrite only, 3 swap using
   *     move, 4 direct XIP, 5 direct XIP with revert, 6 RAM load, 7 firmware loader, ...)
   * @param noDowngrade whether MCUboot refuses downgrades ({@code no-downgrade} is sent only when
   *     true, as Zephyr does)
   */
  public SimulatedOsMgmt(DeviceClock clock, OsInfo info, Runnable resetAction, Duration resetDelay,
      int bootloaderMode, boolean noDowngrade) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.info = Objects.requireNonNull(info, "info");
    this.resetAction = Objects.requireNonNull(resetAction, "resetAction");
    this.resetDelay = Objects.requireNonNull(resetDelay, "resetDelay");
    if (resetDelay.isNegative()) {
      throw new IllegalArgumentException("resetDelay " + resetDelay + " is negative");
    }
    this.bootloaderMode = bootloaderMode;
    this.noDowngrade = noDowngrade;
    this.resets = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "os mgmt reset");
      t.setDaemon(true);
      resetThread = t;
      return t;
    });
    resets.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Echo echo(String text) {
    return new Echo(text == null ? "" : text);
  }

  /**
   * The JVM's live threads as Zephyr tasks, sorted by name, then by thread id, so the order is
   * stable; {@code tid} is the index in that order. The key is the thread's name, {@code ""}
   * included (what Zephyr sends for an unnamed thread); a name already taken gets {@code #tid}
   * appended (more often if that is taken too), as a CBOR map cannot hold a key twice.
   *
   * <ul>
   *   <li>{@code prio}: {@code 10 - priority}, so Java's 10 (highest) is 0, 5 (normal) is 5 and 1
   *       (lowest) is 9. Zephyr's lower numbers run first and 0.. are preemptible priorities, which
   *       every JVM thread is; none is cooperative (negative) or at the idle priority.
   *   <li>{@code state}: Zephyr's thread state bits ({@code kernel_structs.h}) for the thread's
   *       {@link Thread.State}: RUNNABLE is {@code _THREAD_QUEUED} 0x80 (ready or running);
   *       BLOCKED, WAITING and TIMED_WAITING are {@code _THREAD_PENDING} 0x02 (waiting on an
   *       object, with or without a timeout: the JVM cannot tell a sleep from a timed wait); NEW is
   *       bit 2, 0x04 (older Zephyr names it {@code _THREAD_PRESTART} and sets it on a created
   *       thread that has not started; current Zephyr names it {@code _THREAD_SLEEPING});
   *       TERMINATED is {@code _THREAD_DEAD}
   *       0x08. A live-thread snapshot holds NEW and TERMINATED threads only in a race.
   *   <li>{@code stksiz}, {@code stkuse}: 0, as Zephyr sends without stack information: the JVM
   *       does not expose a thread's stack size or use.
   * </ul>
   *
   * <p>A JVM with many threads can exceed the server's buffer; the response is then {@code rc} 7
   * (EMSGSIZE), as Zephyr's is when its task list does not fit.
   */
  @Override
  public TaskStats taskStats() {
    return tasksOf(liveThreads());
  }

  /**
   * Each valid JVM memory pool under its name, in the JVM's order, counted in blocks of {@link
   * #BLOCK_SIZE} bytes: {@code nblks} = the pool's maximum size (its committed size when it has no
   * maximum) rounded down, {@code nfree} = {@code nblks} minus the used bytes rounded up (a block
   * in part used is not free), {@code min} = {@code nblks} minus the peak used bytes rounded up,
   * at least 0. Counts past the 32 bits the response holds are cut to 2^32 - 1.
   */
  @Override
  public Map<String, MemoryPool> memoryPools() {
    Map<String, MemoryPool> pools = new LinkedHashMap<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      // The peak is read after the usage, so it is never below it; both are null once the pool
      // has become invalid.
      MemoryUsage usage = pool.getUsage();
      MemoryUsage peak = pool.getPeakUsage();
      if (usage == null || peak == null) {
        continue;
      }
      long capacity = usage.getMax() >= 0 ? usage.getMax() : usage.getCommitted();
      long blocks = Math.min(capacity / BLOCK_SIZE, UINT32_MAX);
      long free = Math.max(blocks - ceilBlocks(usage.getUsed()), 0);
      long min = Math.max(blocks - ceilBlocks(peak.getUsed()), 0);
      pools.put(pool.getName(), new MemoryPool(BLOCK_SIZE, blocks, free, min));
    }
    return pools;
  }

  @Override
  public DateTime dateTime() {
    return new DateTime(ZephyrDateTime.format(clock.now()));
  }

  /**
   * Sets the clock as Zephyr's parser reads {@code datetime}: 19 to 25 bytes, six decimal fields
   * (year 1900..11899, month 1..12, day 1..31, hour 0..23, minute 0..59, second 0..59) each followed
   * by any one separator; what follows the seconds (a {@code .mmm}, a zone) is ignored, as Zephyr
   * ignores it when built without milliseconds. A day that is not in the month is refused too: the
   * simulated RTC holds real dates.
   *
   * @throws io.mcumgr4j.error.MgmtException {@code EINVAL} for any other text
   */
  @Override
  public void setDateTime(String datetime) {
    clock.set(ZephyrDateTime.parse(datetime));
  }

  /**
   * Schedules the reset action after the reset delay, on the group's daemon thread, so the response
   * goes out first. As Zephyr's delayed work item, a reset requested while one is pending does not
   * schedule a second; once the group is {@link #close() closed} a reset does nothing. {@code force} is for the reset hook (the dispatcher fires it before this
   * runs); {@code boot_mode} is accepted whatever its value, as Zephyr hands any {@code uint8} to
   * its retention boot mode, and has no further effect: the simulated device has no bootloader
   * mode to enter.
   */
  @Override
  public void reset(Boolean force, Integer bootMode) {
    synchronized (resetLock) {
      if (!closed && pendingReset == null) {
        pendingReset = resets.schedule(this::runReset, resetDelay.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  private void runReset() {
    synchronized (resetLock) {
      if (closed) {
        return; // closed after this run had started but before it got here
      }
      // cleared first, so a device that comes back from the action can be reset again
      pendingReset = null;
    }
    resetAction.run();
  }

  /**
   * Cancels a reset not yet started and waits for one running to finish; later resets do nothing.
   * The owner of the reset action (a simulated device) calls it when it closes, so no reset
   * touches its state afterwards. Called from the reset action itself, it does not wait.
   */
  @Override
  public void close() {
    synchronized (resetLock) {
      closed = true;
      if (pendingReset != null) {
        pendingReset.cancel(false);
        pendingReset = null;
      }
    }
    resets.shutdown();
    if (Thread.currentThread() == resetThread) {
      return; // the action is closing its device: waiting here would wait for itself
    }
    try {
      while (!resets.awaitTermination(1, TimeUnit.SECONDS)) {
        // a reset action is still running; its device must not be closed under it
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public McumgrParams params(RequestContext ctx) {
    return new McumgrParams(ctx.config().bufSize(), ctx.config().bufCount());
  }

  /**
   * The fields the format's characters select, always in the order {@code s n r v b m p i o},
   * separated by one space. {@code a} selects all; a character given twice counts once; no format
   * or an empty one means {@code s}.
   *
   * @throws GroupErrorException {@link OsMgmtError#INVALID_FORMAT} when a character is none of
   *     {@code snrvbmpioa}
   */
  @Override
  public Info info(String format) {
    int mask = 0;
    String chars = format == null ? "" : format;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      int index = FORMAT_CHARS.indexOf(c);
      if (c == 'a') {
        mask = FORMAT_ALL;
      } else if (index >= 0) {
        mask |= 1 << index;
      } else {
        throw new GroupErrorException(OsMgmtError.INVALID_FORMAT, "unknown format character " + c);
      }
    }
    if (mask == 0) {
      mask = 1;
    }
    String[] fields = {info.kernelName(), info.nodeName(), info.kernelRelease(), info.kernelVersion(),
        info.buildTime(), info.machine(), info.processor(), info.hardwarePlatform(),
        info.operatingSystem()};
    StringJoiner output = new StringJoiner(" ");
    for (int i = 0; i < fields.length; i++) {
      if ((mask & 1 << i) != 0) {
        output.add(fields[i]);
      }
    }
    return new Info(output.toString());
  }

  /**
   * Without a query {@code bootloader: "MCUboot"}; for {@code query = "mode"} the mode (and {@code
   * no-downgrade: true} when set).
   *
   * @throws GroupErrorException {@link OsMgmtError#QUERY_YIELDS_NO_ANSWER} for any other query,
   *     the empty one included
   */
  @Override
  public BootloaderInfo bootloaderInfo(String query) {
    if (query == null) {
      return new BootloaderInfo(BOOTLOADER, null, null);
    }
    if (query.equals("mode")) {
      return new BootloaderInfo(null, bootloaderMode, noDowngrade ? Boolean.TRUE : null);
    }
    throw new GroupErrorException(OsMgmtError.QUERY_YIELDS_NO_ANSWER, "no answer to query " + query);
  }

  /** {@code threads} as Zephyr tasks, as {@link #taskStats()} describes. */
  static TaskStats tasksOf(Collection<Thread> threads) {
    List<Thread> sorted = threads.stream()
        .sorted(Comparator.comparing(Thread::getName).thenComparingLong(Thread::getId))
        .toList();
    Map<String, TaskStat> tasks = new LinkedHashMap<>();
    for (int tid = 0; tid < sorted.size(); tid++) {
      Thread thread = sorted.get(tid);
      String key = thread.getName();
      while (tasks.containsKey(key)) {
        key = key + "#" + tid;
      }
      tasks.put(key, new TaskStat(zephyrPriority(thread.getPriority()), tid,
          zephyrState(thread.getState()), 0, 0));
    }
    return new TaskStats(tasks);
  }

  /** Java's priority (1..10, higher first) as a Zephyr preemptible priority (lower first). */
  static int zephyrPriority(int javaPriority) {
    return Thread.MAX_PRIORITY - javaPriority;
  }

  /** Zephyr's thread state bits for a Java thread state. */
  static int zephyrState(Thread.State state) {
    return switch (state) {
      case RUNNABLE -> THREAD_QUEUED;
      case BLOCKED, WAITING, TIMED_WAITING -> THREAD_PENDING;
      case NEW -> THREAD_SLEEPING;
      case TERMINATED -> THREAD_DEAD;
    };
  }

  private static long ceilBlocks(long bytes) {
    return (bytes + BLOCK_SIZE - 1) / BLOCK_SIZE;
  }

  /** Every live thread of the JVM, from the root thread group down (no stack traces taken). */
  private static List<Thread> liveThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 8];
    int count;
    // enumerate() silently drops threads that do not fit: grow until some room is left.
    while ((count = root.enumerate(threads, true)) == threads.length) {
      threads = new Thread[threads.length * 2];
    }
    return Arrays.asList(threads).subList(0, count);
  }
}
