package io.mcumgr4j.simulator.settings;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.settings.SettingsMgmtError;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

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
 * <h2>File format</h2>
 *
 * <p>Big-endian, written whole on every save:
 *
 * <pre>
 * magic        4 bytes  "M4JS"
 * version      1 byte   1
 * count        4 bytes  number of entries
 * count times:
 *   name length  2 bytes  (1..65535)
 *   name         UTF-8
 *   value length 4 bytes
 *   value        bytes
 * crc          4 bytes  CRC-32 of every byte before it
 * </pre>
 *
 * <p>Entries are in name order. A save writes a temporary file next to the store's, forces it to
 * the disk and renames it over the file in one atomic move, so the file is always either the old
 * or the new content, never half of one. No file means no persisted settings (never saved, or
 * erased). A file that fails any check (magic, version, CRC, lengths past the end, bytes after the
 * last entry, a name that is not UTF-8 or appears twice) is refused: {@link #load()} throws an
 * {@link UncheckedIOException} caused by a {@link CorruptFileException} naming the file and the
 * fault, and memory stays as it was; nothing is guessed from a damaged file. {@link #erase()} (or
 * deleting the file) clears it. A file written under larger bounds is read whole; a load takes of
 * it only what fits in memory.
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

  private static final byte[] MAGIC = {'M', '4', 'J', 'S'};
  private static final int FORMAT_VERSION = 1;
  private static final int HEADER_SIZE = MAGIC.length + 1 + 4;
  private static final int CRC_SIZE = 4;
  /** The file holds a name's length in 2 bytes, so names are at most 65535 bytes. */
  private static final int MAX_NAME_BUFFER = 0x10000;

  private final Path file;
  private final Set<String> roots;
  private final int maxNameLength;
  private final int maxValueLength;
  private final int maxEntries;
  private final long maxBytes;
  private final TreeMap<String, byte[]> memory = new TreeMap<>();
  private long commits;

  /** A settings file that cannot be what a save wrote: truncated, altered or not a settings file. */
  public static final class CorruptFileException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptFileException(Path file, String fault) {
      super("settings file " + file + " is corrupt: " + fault);
    }
  }

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
    this.file = Objects.requireNonNull(file, "file");
    for (String root : roots) {
      if (root.isEmpty() || root.indexOf('/') >= 0) {
        throw new IllegalArgumentException("a settings root is one non-empty name segment: '" + root + "'");
      }
    }
    if (maxNameLength < 2 || maxNameLength > MAX_NAME_BUFFER || maxValueLength < 1) {
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
    return file;
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
    TreeMap<String, byte[]> stored = readFile();
    if (stored.remove(name) != null) {
      writeFile(stored);
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
    writeFile(memory);
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
    TreeMap<String, byte[]> next = readFile();
    next.keySet().removeIf(name -> inSubtree(name, subtree));
    memory.forEach((name, value) -> {
      if (inSubtree(name, subtree)) {
        next.put(name, value);
      }
    });
    checkBounds(next);
    writeFile(next);
  }

  /**
   * Lays what the file holds over memory (Zephyr's {@code settings_load}: every stored value is
   * set, values only in memory stay; it also commits what it loaded, so this counts as a {@link
   * #commit()}). A stored value memory has no room for is skipped, as {@code settings_load} goes
   * on past a handler that refuses one. No file: memory stays as it is.
   *
   * @throws UncheckedIOException if the file cannot be read or is corrupt (caused by a {@link
   *     CorruptFileException}); memory is then left as it was
   */
  public synchronized void load() {
    overlay(readFile());
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
    TreeMap<String, byte[]> stored = readFile();
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
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot erase settings file " + file, e);
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
      throw new UncheckedIOException(new IOException("settings storage " + file + " full: "
          + values.size() + " values of " + bytesOf(values) + " bytes, at most " + maxEntries + " of "
          + maxBytes));
    }
  }

  /** Writes {@code values} to a temporary file and moves it over the store's file atomically. */
  private void writeFile(TreeMap<String, byte[]> values) {
    byte[] content = encode(values);
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(content);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          // on the disk before the rename makes it the store's file, so a crash leaves old or new
          channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save settings to " + file, e);
    }
  }

  private static byte[] encode(TreeMap<String, byte[]> values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(FORMAT_VERSION);
      out.writeInt(values.size());
      for (Map.Entry<String, byte[]> e : values.entrySet()) {
        byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeShort(name.length);
        out.write(name);
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  private TreeMap<String, byte[]> readFile() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new TreeMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read settings file " + file, e);
    }
    try {
      return decode(content);
    } catch (CorruptFileException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private TreeMap<String, byte[]> decode(byte[] content) throws CorruptFileException {
    if (content.length < HEADER_SIZE + CRC_SIZE) {
      throw new CorruptFileException(file, content.length + " bytes, shorter than an empty store");
    }
    ByteBuffer in = ByteBuffer.wrap(content);
    byte[] magic = new byte[MAGIC.length];
    in.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new CorruptFileException(file, "not a settings file (magic)");
    }
    int version = in.get() & 0xFF;
    if (version != FORMAT_VERSION) {
      throw new CorruptFileException(file, "format version " + version);
    }
    int crcAt = content.length - CRC_SIZE;
    CRC32 crc = new CRC32();
    crc.update(content, 0, crcAt);
    if ((int) crc.getValue() != ByteBuffer.wrap(content, crcAt, CRC_SIZE).getInt()) {
      throw new CorruptFileException(file, "CRC mismatch (truncated or altered)");
    }
    long count = Integer.toUnsignedLong(in.getInt());
    TreeMap<String, byte[]> values = new TreeMap<>();
    var utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (long i = 0; i < count; i++) {
      need(in, crcAt, 2, "name length of entry " + i);
      byte[] name = take(in, crcAt, Short.toUnsignedInt(in.getShort()), "name of entry " + i);
      need(in, crcAt, 4, "value length of entry " + i);
      byte[] value = take(in, crcAt, Integer.toUnsignedLong(in.getInt()), "value of entry " + i);
      String key;
      try {
        key = utf8.decode(ByteBuffer.wrap(name)).toString();
      } catch (CharacterCodingException e) {
        throw new CorruptFileException(file, "name of entry " + i + " is not UTF-8");
      }
      if (key.isEmpty() || values.put(key, value) != null) {
        throw new CorruptFileException(file, "entry " + i + " has an empty or repeated name");
      }
    }
    if (in.position() != crcAt) {
      throw new CorruptFileException(file, (crcAt - in.position()) + " bytes after the last entry");
    }
    return values;
  }

  /** Throws unless {@code size} more bytes are there before {@code end}. */
  private void need(ByteBuffer in, int end, long size, String what) throws CorruptFileException {
    if (end - in.position() < size) {
      throw new CorruptFileException(file, what + " runs past the end");
    }
  }

  /** The next {@code length} bytes, checked against {@code end} before anything is allocated. */
  private byte[] take(ByteBuffer in, int end, long length, String what) throws CorruptFileException {
    need(in, end, length, what);
    byte[] out = new byte[(int) length];
    in.get(out);
    return out;
  }
}
