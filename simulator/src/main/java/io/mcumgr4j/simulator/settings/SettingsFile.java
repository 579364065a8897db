package io.mcumgr4j.simulator.settings;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The settings storage backend of a {@link SettingsStore}: one file holding named byte values,
 * written whole and atomically, refused whole when damaged.
 *
 * <p>Big-endian:
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
 * <p>Entries are in name order. A write goes to a temporary file next to this one, is forced to
 * the disk and renamed over the file in one atomic move, so the file is always either the old or
 * the new content, never half of one. No file means no persisted settings (never saved, or
 * erased). A file that fails any check (magic, version, CRC, lengths past the end, bytes after the
 * last entry, a name that is not UTF-8 or appears twice) is refused with a {@link
 * CorruptFileException} naming the file and the fault; nothing is guessed from a damaged file.
 * Lengths are checked against the bytes present before anything is allocated.
 */
public final class SettingsFile {

  /** The file holds a name's length in 2 bytes, so names are at most 65535 bytes (plus a NUL). */
  static final int MAX_NAME_BUFFER = 0x10000;

  private static final byte[] MAGIC = {'M', '4', 'J', 'S'};
  private static final int FORMAT_VERSION = 1;
  private static final int HEADER_SIZE = MAGIC.length + 1 + 4;
  private static final int CRC_SIZE = 4;

  private final Path path;

  /** A settings file that cannot be what a save wrote: truncated, altered or not a settings file. */
  public static final class CorruptFileException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptFileException(Path file, String fault) {
      super("settings file " + file + " is corrupt: " + fault);
    }
  }

  SettingsFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /**
   * The stored values by name; empty when there is no file.
   *
   * @throws UncheckedIOException if the file cannot be read, or is corrupt (caused by a {@link
   *     CorruptFileException})
   */
  TreeMap<String, byte[]> read() {
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return new TreeMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read settings file " + path, e);
    }
    try {
      return decode(content);
    } catch (CorruptFileException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /**
   * Replaces the file's content with {@code values}, atomically.
   *
   * @throws UncheckedIOException if it cannot be written; the file then holds what it held
   */
  void write(TreeMap<String, byte[]> values) {
    byte[] content = encode(values);
    Path target = path.toAbsolutePath();
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
      throw new UncheckedIOException("cannot save settings to " + path, e);
    }
  }

  /** Removes the file, if there is one. */
  void delete() throws IOException {
    Files.deleteIfExists(path);
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

  private TreeMap<String, byte[]> decode(byte[] content) throws CorruptFileException {
    if (content.length < HEADER_SIZE + CRC_SIZE) {
      throw new CorruptFileException(path, content.length + " bytes, shorter than an empty store");
    }
    ByteBuffer in = ByteBuffer.wrap(content);
    byte[] magic = new byte[MAGIC.length];
    in.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new CorruptFileException(path, "not a settings file (magic)");
    }
    int version = in.get() & 0xFF;
    if (version != FORMAT_VERSION) {
      throw new CorruptFileException(path, "format version " + version);
    }
    int crcAt = content.length - CRC_SIZE;
    CRC32 crc = new CRC32();
    crc.update(content, 0, crcAt);
    if ((int) crc.getValue() != ByteBuffer.wrap(content, crcAt, CRC_SIZE).getInt()) {
      throw new CorruptFileException(path, "CRC mismatch (truncated or altered)");
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
        throw new CorruptFileException(path, "name of entry " + i + " is not UTF-8");
      }
      if (key.isEmpty() || values.put(key, value) != null) {
        throw new CorruptFileException(path, "entry " + i + " has an empty or repeated name");
      }
    }
    if (in.position() != crcAt) {
      throw new CorruptFileException(path, (crcAt - in.position()) + " bytes after the last entry");
    }
    return values;
  }

  /** Throws unless {@code size} more bytes are there before {@code end}. */
  private void need(ByteBuffer in, int end, long size, String what) throws CorruptFileException {
    if (end - in.position() < size) {
      throw new CorruptFileException(path, what + " runs past the end");
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
