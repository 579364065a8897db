package io.mcumgr4j.simulator;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.CommandEvent;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;
import io.mcumgr4j.groups.enumeration.EnumMgmt;
import io.mcumgr4j.groups.enumeration.EnumMgmtDispatcher;
import io.mcumgr4j.groups.fs.FsMgmt;
import io.mcumgr4j.groups.fs.FsMgmtDispatcher;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtDispatcher;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtDispatcher;
import io.mcumgr4j.groups.settings.SettingsMgmt;
import io.mcumgr4j.groups.settings.SettingsMgmtDispatcher;
import io.mcumgr4j.groups.shell.ShellMgmt;
import io.mcumgr4j.groups.shell.ShellMgmtDispatcher;
import io.mcumgr4j.groups.stat.StatMgmt;
import io.mcumgr4j.groups.stat.StatMgmtDispatcher;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmt;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmtDispatcher;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImageBuilder;
import io.mcumgr4j.server.ExtraCommands;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.serial.SerialServerEndpoint;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.simulator.enumeration.SimulatedEnumMgmt;
import io.mcumgr4j.simulator.fs.SimulatedFsMgmt;
import io.mcumgr4j.simulator.image.ImageStore;
import io.mcumgr4j.simulator.image.SimulatedImgMgmt;
import io.mcumgr4j.simulator.os.DeviceClock;
import io.mcumgr4j.simulator.os.OsInfo;
import io.mcumgr4j.simulator.os.SimulatedOsMgmt;
import io.mcumgr4j.simulator.settings.SettingsStore;
import io.mcumgr4j.simulator.settings.SimulatedSettingsMgmt;
import io.mcumgr4j.simulator.shell.ShellRegistry;
import io.mcumgr4j.simulator.shell.SimulatedShellMgmt;
import io.mcumgr4j.simulator.stat.SimulatedStatMgmt;
import io.mcumgr4j.simulator.stat.StatGroup;
import io.mcumgr4j.simulator.stat.StatRegistry;
import io.mcumgr4j.simulator.zephyr.SimulatedZephyrBasicMgmt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device that answers like a Zephyr board running MCUmgr, for tests, CI and tools: an {@link
 * SmpServer} with the built-in groups, their state kept in a data directory.
 *
 * <pre>{@code
 * try (SimulatedDevice device = SimulatedDevice.builder(dataDir).start()) {
 *   InetSocketAddress address = device.serveUdp(new InetSocketAddress("127.0.0.1", 0)).localAddress();
 *   ...
 * }
 * }</pre>
 *
 * <p>Groups, in Zephyr's {@code smp_svr} registration order: enumeration (10), image (1), file
 * system (8), OS (0), settings (3), shell (9, only with {@link Builder#allowShell}), statistics (2),
 * Zephyr basic (63).
 *
 * <p>An OS reset restarts the device inside the process once the response has gone out: the
 * endpoints stay, MCUboot's swap runs (an image marked for test is swapped in, an unconfirmed one
 * reverted), settings written but not saved are lost (the store reloads from its file),
 * statistics start again from zero, the boot count goes up and {@link #onBoot boot listeners}
 * run. The restart waits for the requests being handled and holds new ones off until the device's
 * state is rebuilt, so no request sees it half way.
 *
 * <p>Requests cannot make it grow without limit: settings are bounded ({@link
 * Builder#settingsStorage}) and so are the file system's files ({@link Builder#fsLimits}).
 */
public final class SimulatedDevice implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SimulatedDevice.class.getName());

  /** The settings file in the data directory. */
  public static final String SETTINGS_FILE = "settings.bin";
  /** The directory of the image slots in the data directory. */
  public static final String IMAGES_DIR = "images";
  /** The file system root in the data directory; its first level holds the mount points. */
  public static final String FS_DIR = "fs";
  /** The mount point made on first start, as Zephyr's {@code smp_svr} has {@code /lfs1}. */
  public static final String DEFAULT_MOUNT = "lfs1";

  private final Path dataDir;
  private final SmpServer server;
  private final StatRegistry stats;
  private final SettingsStore settings;
  private final ImageStore images;
  private final SimulatedFsMgmt fs;
  private final SimulatedOsMgmt os;
  private final DeviceClock clock;
  private final Clock baseClock;
  private final AtomicInteger boots = new AtomicInteger(1);
  private final List<Runnable> bootListeners = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> endpoints = new CopyOnWriteArrayList<>();
  /** The built-in groups' implementations, by interface. */
  private final Map<Class<?>, Object> implementations = new HashMap<>();
  private volatile long bootMillis;
  private volatile boolean closed;

  private SimulatedDevice(Builder b) throws IOException {
    this.dataDir = b.dataDir;
    Files.createDirectories(dataDir);
    this.baseClock = b.clock;
    this.clock = new DeviceClock(b.clock);
    this.bootMillis = b.clock.millis();
    this.server = new SmpServer(b.config, new MgmtCallbacks());
    this.stats = new StatRegistry();
    this.settings = new SettingsStore(dataDir.resolve(SETTINGS_FILE), b.settingsRoots, b.settingsNameLength,
        b.settingsValueLength, b.settingsMaxEntries, b.settingsMaxBytes);
    settings.reload();
    this.images = new ImageStore(dataDir.resolve(IMAGES_DIR), b.imageCount, b.slotSize,
        b.initialImage != null ? b.initialImage : defaultImage(b.version));
    Path fsRoot = dataDir.resolve(FS_DIR);
    try {
      images.boot();
      if (!Files.isDirectory(fsRoot)) {
        Files.createDirectories(fsRoot.resolve(DEFAULT_MOUNT));
      }
      this.fs = new SimulatedFsMgmt(fsRoot, server.callbacks(), b.fsLimits);
    } catch (IOException | RuntimeException e) {
      images.close(); // its lock would keep the data directory from being opened again
      throw e;
    }
    countRequests(stats.group("smp_svr_stats"));

    ShellRegistry shell = b.shell != null ? b.shell
        : ShellRegistry.withDefaults(() -> b.version, this::uptimeMillis);
    server.register(new EnumMgmtDispatcher(implement(EnumMgmt.class, new SimulatedEnumMgmt())));
    server.register(new ImgMgmtDispatcher(
        implement(ImgMgmt.class, new SimulatedImgMgmt(images, server.callbacks(), b.checkImage))));
    server.register(new FsMgmtDispatcher(implement(FsMgmt.class, fs)));
    this.os = new SimulatedOsMgmt(clock, b.osInfo != null ? b.osInfo : OsInfo.ofHost(b.version), this::restart,
        b.resetDelay);
    server.register(new OsMgmtDispatcher(implement(OsMgmt.class, os)));
    server.register(new SettingsMgmtDispatcher(
        implement(SettingsMgmt.class, new SimulatedSettingsMgmt(settings, server.callbacks()))));
    if (b.allowShell) {
      server.register(new ShellMgmtDispatcher(
          implement(ShellMgmt.class, new SimulatedShellMgmt(shell, b.shellLineLength))));
    }
    server.register(new StatMgmtDispatcher(implement(StatMgmt.class, new SimulatedStatMgmt(stats))));
    server.register(new ZephyrBasicMgmtDispatcher(
        implement(ZephyrBasicMgmt.class, new SimulatedZephyrBasicMgmt(settings))));
  }

  private <T> T implement(Class<T> group, T implementation) {
    implementations.put(group, implementation);
    return implementation;
  }

  /**
   * The device's implementation of a built-in group's interface ({@code OsMgmt.class}, {@code
   * FsMgmt.class}, ...), e.g. for an extension's {@code XForwarding} to pass the group's own
   * commands on to.
   *
   * @throws IllegalArgumentException if the device does not serve that group (the shell group
   *     without {@link Builder#allowShell})
   */
  public <T> T implementation(Class<T> group) {
    Object impl = implementations.get(group);
    if (impl == null) {
      throw new IllegalArgumentException("the device does not serve " + group.getSimpleName());
    }
    return group.cast(impl);
  }

  /**
   * Adds commands to one of the device's groups (or any group): registers the commands of {@code
   * group} that no registration of its id answers yet, beside the group they extend. With the
   * processor's {@code XForwarding} of an interface extending a built-in one, adding a command is:
   *
   * <pre>{@code
   * device.addCommands(new BoardOsMgmtDispatcher(new Board(device.implementation(OsMgmt.class))));
   * }</pre>
   *
   * where {@code Board extends BoardOsMgmtForwarding} implements only the new command. The
   * registration stays across restarts.
   *
   * @return the registration, to remove with {@code server().unregister(...)}
   * @throws IllegalArgumentException if {@code group} adds no command the device lacks
   */
  public ExtraCommands addCommands(GroupHandler group) {
    return ExtraCommands.register(server, group);
  }

  /** A builder of a device keeping its state in {@code dataDir} (created if needed). */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** The SMP server: register application groups here, or serve it on a transport of your own. */
  public SmpServer server() {
    return server;
  }

  /** The event bus, for the hooks of every group. */
  public MgmtCallbacks callbacks() {
    return server.callbacks();
  }

  /** The statistics the device reports; the application adds groups and counters here. */
  public StatRegistry stats() {
    return stats;
  }

  /** The settings store (in memory, and the file {@link #SETTINGS_FILE} in the data directory). */
  public SettingsStore settings() {
    return settings;
  }

  /** The image slots and MCUboot's swap state. */
  public ImageStore images() {
    return images;
  }

  /** The device's clock, which the OS datetime command sets. */
  public DeviceClock clock() {
    return clock;
  }

  /** The data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** How many times the device has booted: 1 after {@link Builder#start()}, one more per reset. */
  public int bootCount() {
    return boots.get();
  }

  /** Milliseconds since the device last booted. */
  public long uptimeMillis() {
    return baseClock.millis() - bootMillis;
  }

  /**
   * Runs {@code listener} after every restart, once the built-in state (image swap, settings,
   * statistics) is rebuilt, e.g. to reset application state kept outside the built-in groups:
   * {@code device.onBoot(() -> appGroup.clearSessions())}.
   */
  public void onBoot(Runnable listener) {
    bootListeners.add(Objects.requireNonNull(listener));
  }

  /** Serves SMP over UDP on {@code address} (port 0 picks one); closed with the device. */
  public UdpServerEndpoint serveUdp(InetSocketAddress address) throws IOException {
    UdpServerEndpoint endpoint = new UdpServerEndpoint(server, address);
    endpoints.add(endpoint);
    return endpoint;
  }

  /** Serves SMP over the serial console framing on a stream pair; closed with the device. */
  public SerialServerEndpoint serveSerial(InputStream in, OutputStream out, String peer) {
    SerialServerEndpoint endpoint = new SerialServerEndpoint(server, in, out, peer).start();
    endpoints.add(endpoint);
    return endpoint;
  }

  /**
   * Restarts the device as a reset does: an open file transfer is closed, MCUboot's swap runs,
   * settings reload from the file, statistics start from zero; then boot listeners run. Endpoints
   * and registrations stay. The state is rebuilt while no request is being handled ({@link
   * SmpServer#runExclusive}), so this must not be called from a request handler. Once the device
   * is closed it does nothing.
   */
  public synchronized void restart() {
    if (closed) {
      return;
    }
    server.runExclusive(() -> {
      fs.closeFiles();
      try {
        images.boot();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "the image swap failed at restart", e);
      }
      try {
        settings.reload();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "settings could not be reloaded at restart", e);
      }
      stats.resetAll();
      bootMillis = baseClock.millis();
      boots.incrementAndGet();
    });
    // outside the exclusive section: a listener may talk to the device
    for (Runnable listener : bootListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "boot listener failed", e);
      }
    }
    LOG.log(Level.DEBUG, () -> "device restarted (boot " + boots.get() + ")");
  }

  /** The image a new device runs: version 0.0.0, as Zephyr's sample reports before any update. */
  private static byte[] defaultImage(String version) {
    byte[] payload = ("mcumgr4j simulated firmware " + version).getBytes(StandardCharsets.UTF_8);
    return new McubootImageBuilder().version(ImageVersion.of(0, 0, 0)).payload(payload).build();
  }

  /**
   * Counts every answered request and every error answer. Zephyr's smp_svr sample has a stat group
   * of the same name whose one counter, {@code ticks}, counts timer ticks; a simulation has no
   * ticks worth counting, so this one has {@code requests} and {@code errors} instead.
   */
  private void countRequests(StatGroup group) {
    var requests = group.counter("requests");
    var errors = group.counter("errors");
    server.callbacks().register(MgmtEventIds.CMD_DONE, (event, data, previous) -> {
      requests.increment();
      if (((CommandEvent) data).rc() != 0) {
        errors.increment();
      }
      return CallbackResult.OK;
    });
  }

  /**
   * Closes the device: a reset still to come is cancelled (one under way finishes first), the
   * endpoints close, the server stops, an open file transfer's file is closed and the image store
   * lets go of its directory. Nothing touches the data directory afterwards.
   */
  @Override
  public void close() {
    closed = true;
    os.close();
    // a restart called directly may be under way; it holds the monitor until it is done
    synchronized (this) {
      List<AutoCloseable> open = new ArrayList<>(endpoints);
      endpoints.clear();
      for (AutoCloseable endpoint : open) {
        try {
          endpoint.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "endpoint did not close cleanly: " + e);
        }
      }
      server.close();
      fs.closeFiles();
      images.close();
    }
  }

  /** Options of a {@link SimulatedDevice}. */
  public static final class Builder {
    private final Path dataDir;
    private ServerConfig config = ServerConfig.DEFAULT;
    private boolean allowShell;
    private ShellRegistry shell;
    private int shellLineLength = 256;
    private Set<String> settingsRoots = new LinkedHashSet<>(List.of("app"));
    private int settingsNameLength = SettingsStore.DEFAULT_MAX_NAME_LENGTH;
    private int settingsValueLength = SettingsStore.DEFAULT_MAX_VALUE_LENGTH;
    private int settingsMaxEntries = SettingsStore.DEFAULT_MAX_ENTRIES;
    private long settingsMaxBytes = SettingsStore.DEFAULT_MAX_BYTES;
    private SimulatedFsMgmt.Limits fsLimits = SimulatedFsMgmt.Limits.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private Duration resetDelay = Duration.ofMillis(250);
    private OsInfo osInfo;
    private String version = "0.1.0";
    private int imageCount = 1;
    private long slotSize = 1 << 20;
    private byte[] initialImage;
    private boolean checkImage;

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Buffer size and count, workers, limits (default: Zephyr's UDP build, 2048 x 2). */
    public Builder serverConfig(ServerConfig value) {
      this.config = Objects.requireNonNull(value);
      return this;
    }

    /** Serves the shell group; off by default, as a device should not run commands unasked. */
    public Builder allowShell(boolean value) {
      this.allowShell = value;
      return this;
    }

    /** The shell commands (default: {@link ShellRegistry#withDefaults}); implies nothing about {@link #allowShell}. */
    public Builder shell(ShellRegistry value) {
      this.shell = value;
      return this;
    }

    /** The settings roots that have a handler; names under other roots answer ROOT_KEY_NOT_FOUND. */
    public Builder settingsRoots(Set<String> value) {
      this.settingsRoots = new LinkedHashSet<>(value);
      return this;
    }

    /**
     * Zephyr's settings NAME_LEN and VALUE_LEN (default 32 and 32): names must be shorter than
     * {@code nameLength} bytes, values at most {@code valueLength} bytes.
     */
    public Builder settingsLimits(int nameLength, int valueLength) {
      this.settingsNameLength = nameLength;
      this.settingsValueLength = valueLength;
      return this;
    }

    /**
     * How much the settings hold at most, in memory and in the file alike (default {@link
     * SettingsStore#DEFAULT_MAX_ENTRIES} values, {@link SettingsStore#DEFAULT_MAX_BYTES} bytes of
     * names and values): a write past it answers {@code UNKNOWN}, a save {@code
     * SAVE_NOT_SUPPORTED}, as a full settings backend.
     */
    public Builder settingsStorage(int maxEntries, long maxBytes) {
      this.settingsMaxEntries = maxEntries;
      this.settingsMaxBytes = maxBytes;
      return this;
    }

    /**
     * The file system's limits (default {@link SimulatedFsMgmt.Limits#DEFAULT}): path length, file
     * size, idle close, and the bytes all files may hold together.
     */
    public Builder fsLimits(SimulatedFsMgmt.Limits value) {
      this.fsLimits = Objects.requireNonNull(value);
      return this;
    }

    /** The clock the device's time starts from. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    /** How long after answering a reset the device restarts (Zephyr: CONFIG_MCUMGR_GRP_OS_RESET_MS). */
    public Builder resetDelay(Duration value) {
      this.resetDelay = Objects.requireNonNull(value);
      return this;
    }

    /** What OS info reports (default: {@link OsInfo#ofHost}). */
    public Builder osInfo(OsInfo value) {
      this.osInfo = value;
      return this;
    }

    /** Updatable images (MCUboot's image pairs) and the size of each slot (default 1 and 1 MiB). */
    public Builder images(int count, long slotSizeBytes) {
      this.imageCount = count;
      this.slotSize = slotSizeBytes;
      return this;
    }

    /** The image slot 0 holds on first start (default: an MCUboot image of version 0.0.0). */
    public Builder initialImage(byte[] value) {
      this.initialImage = value.clone();
      return this;
    }

    /**
     * Whether the last upload chunk is checked against the full {@code sha} and answered with
     * {@code match} (Zephyr's image check option; off in its sample, as here by default).
     */
    public Builder checkImage(boolean value) {
      this.checkImage = value;
      return this;
    }

    /** The firmware version the device reports. */
    public Builder version(String value) {
      this.version = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Creates the device, loading its saved state from the data directory.
     *
     * @throws IOException if the directory cannot be made or the saved settings cannot be read
     *     (a corrupt settings file is refused, never taken as empty)
     */
    public SimulatedDevice start() throws IOException {
      try {
        return new SimulatedDevice(this);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }
}
