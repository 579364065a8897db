package io.mcumgr4j.simulator.settings;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.settings.SettingsMgmtError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings of a simulated device: Zephyr's settings subsystem with a handler per registered
 * root and one storage backend, kept as named byte values in memory and in one file. Thread-safe.
 *
 * <p>Names are {@code root/child/...}; a name whose first segment is not one of the store's roots
 * has no handler ({@link SettingsMgmtError#ROOT_KEY_NOT_FOUND}, as Zephyr answers when {@code
 * settings_runtime_get/set} find no handler). Memory is what the handlers hold in RAM, the file is
 * the storage backend, and each operation touches what its Zephyr counterpart touches:
 *
 * <ul>
 *   <li>{@link #read} and {@link #write} work on memory ({@code settings_runtime_get/set}).
 *   <li>{@link #delete} removes the name from the file at once and leaves memory alone ({@code
 *       settings_delete}, which is {@code settings_save_one(name, NULL, 0)}: a backend operation
 *       that asks no handler, so any root is accepted and a name not stored is no error).
 *   <li>{@link #save()} persists memory; {@link #load()} lays the stored values over memory ({@code
 *       settings_load} calls {@code h_set} for what is stored and clears nothing else).
 *   <li>{@link #erase()} deletes the file; memory keeps its values until a {@link #reload()}, as an
 *       erased storage partition changes nothing in RAM before a reboot.
 * </ul>
 *
 * <p>Both are bounded, so no sequence of requests makes the store grow without limit: at most
 * {@link #maxEntries()} values of at most {@link #maxBytes()} bytes together (each name's UTF-8
 * bytes plus its value's), in memory and in the file alike. The operations fail the way the
 * settings group answers, so {@link SimulatedSettingsMgmt} passes their failures on unchanged:
 *
 * <table>
 *   <caption>failures</caption>
 *   <tr><th>cause</th><th>thrown</th></tr>
 *   <tr><td>empty name</td><td>{@code MgmtException(EINVAL)}</td></tr>
 *   <tr><td>name of {@link #maxNameLength()} UTF-8 bytes or more</td><td>{@code KEY_TOO_LONG}</td></tr>
 *   <tr><td>first segment not a root</td><td>{@code ROOT_KEY_NOT_FOUND}</td></tr>
 *   <tr><td>no value of that name in memory (read)</td><td>{@code KEY_NOT_FOUND}</td></tr>
 *   <tr><td>value longer than {@link #maxValueLength()}, or memory full (write)</td><td>{@code UNKNOWN}</td></tr>
 *   <tr><td>the file cannot be read, written or deleted, or is corrupt, or a save would pass the
 *       bounds</td><td>{@link UncheckedIOException}</td></tr>
 * </table>
 *
 * <p>(The group errors are {@link GroupErrorException}s carrying {@link SettingsMgmtError}s.) A value
 * the store cannot take answers {@code UNKNOWN} because Zephyr's settings group maps whatever a
 * handler returns besides {@code -EINVAL}, {@code -ENOENT} and {@code -ENOTSUP} to it, and a handler
 * refusing a value for its size or for want of room returns {@code -ENOMEM} or similar; answering
 * {@code -EINVAL} would come out as {@code ROOT_KEY_NOT_FOUND}, which would mislead. A save past the
 * bounds fails as a full backend does ({@code -ENOSPC} from {@code settings_save}), like any other
 * failed write of the file.
 *
 * <p>The file's format and its atomic save are {@link SettingsFile}'s: a file that fails its checks
 * is refused ({@link #load()} throws an {@link UncheckedIOException} caused by a {@link
 * SettingsFile.CorruptFileException}) and memory stays as it was.
 */
public final class SettingsStore {

  /** Zephyr's {@code CONFIG_MCUMGR_GRP_SETTINGS_NAME_LEN} default. */
  public static final int DEFAULT_MAX_NAME_LENGTH = 32;

  /** Zephyr's {@code CONFIG_MCUMGR_GRP_SETTINGS_VALUE_LEN} default. */
  public static final int DEFAULT_MAX_VALUE_LENGTH = 32;

  /**
   * Values a store holds at most by default: enough for every name of {@link
   * #DEFAULT_MAX_NAME_LENGTH} and value of {@link #DEFAULT_MAX_VALUE_LENGTH} in {@link
   * #DEFAULT_MAX_BYTES}.
   */
  public static final int DEFAULT_MAX_ENTRIES = 256;

  /** Bytes (names and values) a store holds at most by default: a small settings partition, 16 KiB. */
  public static final long DEFAULT_MAX_BYTES = 16 * 1024;

  private final SettingsFile file;
  private final Set<String> roots;
  private final int maxNameLength;
  private final int maxValueLength;
  private final int maxEntries;
  private final long maxBytes;
  private final TreeMap<String, byte[]> memory = new TreeMap<>();
  private long commits;

  /**
   * Creates a store with the default bounds, {@link #DEFAULT_MAX_ENTRIES} and {@link
   * #DEFAULT_MAX_BYTES}; as {@link #SettingsStore(Path, Set, int, int, int, long)}.
   */
  public SettingsStore(Path file, Set<String> roots, int maxNameLength, int maxValueLength) {
    this(file, roots, maxNameLength, maxValueLength, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
  }

  /**
   * Creates a store with nothing in memory; it reads nothing yet: call {@link #load()} (or {@link
   * #reload()}) to take what the file holds, as a device does at boot.
   *
   * @param file where the settings are persisted; need not exist
   * @param roots the roots that have a handler, e.g. {@code app} for names {@code app/...}; each
   *     one segment (no {@code /}), not empty
   * @param maxNameLength Zephyr's {@code CONFIG_MCUMGR_GRP_SETTINGS_NAME_LEN}: the size of the name
   *     buffer with its terminating NUL, so names are at most {@code maxNameLength - 1} UTF-8 bytes
   *     ({@link #DEFAULT_MAX_NAME_LENGTH}); 2..65536
   * @param maxValueLength Zephyr's {@code CONFIG_MCUMGR_GRP_SETTINGS_VALUE_LEN}: the longest value
   *     in bytes a read returns, and here also the longest a write takes ({@link
   *     #DEFAULT_MAX_VALUE_LENGTH}); at least 1
   * @param maxEntries how many values memory and the file each hold at most; at least 1
   * @param maxBytes how many bytes of names and values together memory and the file each hold at
   *     most; at least one longest name and value
   */
  public SettingsStore(Path file, Set<String> roots, int maxNameLength, int maxValueLength, int maxEntries,
      long maxBytes) {
    this.file = new SettingsFile(Objects.requireNonNull(file, "file"));
    for (String root : roots) {
      if (root.isEmpty() || root.indexOf('/') >= 0) {
        throw new IllegalArgumentException("a settings root is one non-empty name segment: '" + root + "'");
      }
    }
    if (maxNameLength < 2 || maxNameLength > SettingsFile.MAX_NAME_BUFFER || maxValueLength < 1) {
      throw new IllegalArgumentException("limits too small: name " + maxNameLength + ", value " + maxValueLength);
    }
    if (maxEntries < 1 || maxBytes < (long) maxNameLength - 1 + maxValueLength) {
      throw new IllegalArgumentException("bounds too small for one value: " + maxEntries + " entries, "
          + maxBytes + " bytes");
    }
    this.roots = Collections.unmodifiableSet(new LinkedHashSet<>(roots));
    this.maxNameLength = maxNameLength;
    this.maxValueLength = maxValueLength;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The file the settings are persisted in. */
  public Path file() {
    return file.path();
  }

  /** The roots that have a handler. */
  public Set<String> roots() {
    return roots;
  }

  /** The name buffer size: names are shorter than this many UTF-8 bytes. */
  public int maxNameLength() {
    return maxNameLength;
  }

  /** The longest value in bytes. */
  public int maxValueLength() {
    return maxValueLength;
  }

  /** How many values memory and the file each hold at most. */
  public int maxEntries() {
    return maxEntries;
  }

  /** How many bytes of names and values memory and the file each hold at most. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * The value of {@code name} in memory (a copy).
   *
   * @throws GroupErrorException {@code KEY_NOT_FOUND} if there is none, or as the class describes
   */
  public synchronized byte[] read(String name) {
    checkNameAndRoot(name);
    byte[] value = memory.get(name);
    if (value == null) {
      throw new GroupErrorException(SettingsMgmtError.KEY_NOT_FOUND, "no setting " + name);
    }
    return value.clone();
  }

  /**
   * Sets {@code name} to {@code value} in memory; {@link #save()} persists it.
   *
   * @throws GroupErrorException {@code UNKNOWN} if the value is longer than {@link
   *     #maxValueLength()} or memory has no room for it, or as the class describes
   */
  public synchronized void write(String name, byte[] value) {
    checkNameAndRoot(name);
    if (value.length > maxValueLength) {
      throw new GroupErrorException(SettingsMgmtError.UNKNOWN,
          "value of " + value.length + " bytes is longer than " + maxValueLength);
    }
    if (!fits(memory, name, value)) {
      throw new GroupErrorException(SettingsMgmtError.UNKNOWN,
          "no room for " + name + ": at most " + maxEntries + " values of " + maxBytes + " bytes");
    }
    memory.put(name, value.clone());
  }

  /**
   * Removes {@code name} from the file at once, as Zephyr's {@code settings_delete}; memory keeps
   * its value (until a {@link #reload()}). No handler is asked, so the root is not checked, and a
   * name the file does not hold is no error (nothing is written).
   *
   * @throws MgmtException {@code EINVAL} if {@code name} is empty
   * @throws GroupErrorException {@code KEY_TOO_LONG} if it is too long
   * @throws UncheckedIOException if the file cannot be read, is corrupt, or cannot be written; it
   *     then still holds what it held
   */
  public synchronized void delete(String name) {
    checkName(name);
    TreeMap<String, byte[]> stored = file.read();
    if (stored.remove(name) != null) {
      file.write(stored);
    }
  }

  /** The values in memory by name, in name order; copies. */
  public synchronized Map<String, byte[]> values() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    memory.forEach((name, value) -> copy.put(name, value.clone()));
    return copy;
  }

  /**
   * Persists every value in memory: afterwards the file holds exactly what memory holds.
   *
   * @throws UncheckedIOException if the file cannot be written; it then still holds what it held
   */
  public synchronized void save() {
    checkBounds(memory);
    file.write(memory);
  }

  /**
   * Persists the subtree {@code subtree}: the value of that name and every value under {@code
   * subtree/}, as Zephyr's {@code settings_save_subtree}. Stored values of the subtree that are
   * not in memory are removed; the rest of the file stays as it is. A subtree without values
   * saves nothing (Zephyr finds no handler to export and succeeds).
   *
   * @throws MgmtException {@code EINVAL} if {@code subtree} is empty
   * @throws GroupErrorException {@code KEY_TOO_LONG} if it is too long
   * @throws UncheckedIOException if the file cannot be read, is corrupt or cannot be written, or
   *     the result would pass the bounds; it then still holds what it held
   */
  public synchronized void save(String subtree) {
    checkName(subtree);
    TreeMap<String, byte[]> next = file.read();
    next.keySet().removeIf(name -> inSubtree(name, subtree));
    memory.forEach((name, value) -> {
      if (inSubtree(name, subtree)) {
        next.put(name, value);
      }
    });
    checkBounds(next);
    file.write(next);
  }

  /**
   * Lays what the file holds over memory (Zephyr's {@code settings_load}: every stored value is
   * set, values only in memory stay; it also commits what it loaded, so this counts as a {@link
   * #commit()}). A stored value memory has no room for is skipped, as {@code settings_load} goes
   * on past a handler that refuses one. No file: memory stays as it is.
   *
   * @throws UncheckedIOException if the file cannot be read or is corrupt (caused by a {@link
   *     SettingsFile.CorruptFileException}); memory is then left as it was
   */
  public synchronized void load() {
    overlay(file.read());
    commits++;
  }

  /**
   * What a device restart does to its settings: RAM starts empty and the commit count from zero,
   * then the boot-time {@code settings_load} runs; memory then holds exactly what is stored, so
   * values written but not saved are gone.
   *
   * @throws UncheckedIOException as {@link #load()}; memory and the count are then left as they were
   */
  public synchronized void reload() {
    TreeMap<String, byte[]> stored = file.read();
    memory.clear();
    overlay(stored);
    commits = 1;
  }

  /**
   * Commits the settings (Zephyr's {@code settings_commit}, which calls each handler's {@code
   * h_commit}). The simulated handlers apply values as they are written, so a commit only counts
   * itself: {@link #commitCount()}.
   */
  public synchronized void commit() {
    commits++;
  }

  /** How many commits ran since the store was created or {@link #reload() reloaded}, loads included. */
  public synchronized long commitCount() {
    return commits;
  }

  /**
   * Deletes every persisted value: the file is removed, as Zephyr's erase of the storage partition
   * wipes the stored settings. Memory keeps its values, as RAM does until the next {@link
   * #reload()} (a restart) finds nothing stored.
   *
   * @throws UncheckedIOException if the file cannot be deleted; it then stays as it was
   */
  public synchronized void erase() {
    try {
      file.delete();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot erase settings file " + file.path(), e);
    }
  }

  /**
   * Checks a name the way Zephyr's settings group does before anything else (and before its
   * access hook): not empty, shorter than {@link #maxNameLength()} bytes.
   *
   * @throws MgmtException {@code EINVAL} if {@code name} is empty
   * @throws GroupErrorException {@code KEY_TOO_LONG} if it is too long
   */
  void checkName(String name) {
    if (name.isEmpty()) {
      throw new MgmtException(MgmtErr.EINVAL, "empty setting name");
    }
    int length = name.getBytes(StandardCharsets.UTF_8).length;
    if (length >= maxNameLength) {
      throw new GroupErrorException(SettingsMgmtError.KEY_TOO_LONG,
          "name of " + length + " bytes, the limit is " + (maxNameLength - 1));
    }
  }

  private void checkNameAndRoot(String name) {
    checkName(name);
    int slash = name.indexOf('/');
    String root = slash < 0 ? name : name.substring(0, slash);
    if (!roots.contains(root)) {
      throw new GroupErrorException(SettingsMgmtError.ROOT_KEY_NOT_FOUND, "no handler for root '" + root + "'");
    }
  }

  /** Sets every stored value in memory that fits, in name order; the rest of memory stays. */
  private void overlay(TreeMap<String, byte[]> stored) {
    stored.forEach((name, value) -> {
      if (fits(memory, name, value)) {
        memory.put(name, value);
      }
    });
  }

  /** Whether {@code values} stays within the bounds with {@code name} set to {@code value}. */
  private boolean fits(Map<String, byte[]> values, String name, byte[] value) {
    byte[] old = values.get(name);
    int entries = values.size() + (old == null ? 1 : 0);
    long bytes = bytesOf(values) + value.length + (old == null ? utf8Length(name) : -old.length);
    return entries <= maxEntries && bytes <= maxBytes;
  }

  private static long bytesOf(Map<String, byte[]> values) {
    long bytes = 0;
    for (Map.Entry<String, byte[]> e : values.entrySet()) {
      bytes += utf8Length(e.getKey()) + e.getValue().length;
    }
    return bytes;
  }

  private static int utf8Length(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }

  private static boolean inSubtree(String name, String subtree) {
    return name.startsWith(subtree)
        && (name.length() == subtree.length() || name.charAt(subtree.length()) == '/');
  }

  /** Refuses to store {@code values} past the bounds, as a full backend refuses a save. */
  private void checkBounds(Map<String, byte[]> values) {
    if (values.size() > maxEntries || bytesOf(values) > maxBytes) {
      throw new UncheckedIOException(new IOException("settings storage " + file.path() + " full: "
          + values.size() + " values of " + bytesOf(values) + " bytes, at most " + maxEntries + " of "
          + maxBytes));
    }
  }
}
