package io.mcumgr4j.simulator.fs;

import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.fs.FsMgmtError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Maps device paths ({@code /lfs1/x.bin}) to files under the simulated device's root directory
 * ({@code root/lfs1/x.bin}) and keeps every access inside it. The directories directly under the
 * root are the device's mount points, as Zephyr's file systems are mounted at {@code /lfs1},
 * {@code /SD:} and so on.
 *
 * <ul>
 *   <li>A name that is not absolute, is {@code /} alone, holds a {@code .} or {@code ..}
 *       component, a backslash, a C0 or C1 control character (NUL included), a bidirectional
 *       override or isolate (U+202A..U+202E, U+2066..U+2069, which can disguise a name), a component ending in
 *       {@code .} or a space or one of Windows' reserved device names ({@code CON}, {@code PRN},
 *       {@code AUX}, {@code NUL}, {@code COM1}..{@code COM9}, {@code LPT1}..{@code LPT9}, with or
 *       without an extension), or that the host cannot name, is {@code FILE_INVALID_NAME}: what Zephyr answers when its VFS refuses a name with
 *       {@code -EINVAL}. Zephyr itself would let littlefs resolve {@code ..} inside the mount and
 *       would cut a name at a NUL; refusing them keeps the host's file system out of reach on
 *       every platform ({@code \..} traverses on Windows).
 *   <li>A name outside any mount point, in a missing directory, or one whose real location
 *       (after symbolic links) lies outside the root is {@link NoSuchFileException}: from the
 *       device's side nothing is there, as Zephyr's {@code -ENOENT}; each command maps it as
 *       Zephyr does ({@code FILE_NOT_FOUND} for reads, {@code MOUNT_POINT_NOT_FOUND} for upload).
 * </ul>
 */
final class FsPaths {

  /** Windows' reserved device names, alone or with any extension, in any case. */
  private static final Pattern RESERVED =
      Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\\..*)?");

  private final Path root;

  /** @param root an existing directory */
  FsPaths(Path root) {
    try {
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("no device root directory " + root, e);
    }
    if (!Files.isDirectory(this.root)) {
      throw new IllegalArgumentException("device root " + root + " is not a directory");
    }
  }

  /** The root directory, as a real path. */
  Path root() {
    return root;
  }

  /**
   * The host file for {@code name}: its real path when it exists (so an allowed symbolic link is
   * followed here, once), else where it would be created.
   *
   * @throws GroupErrorException {@code FILE_INVALID_NAME}
   * @throws NoSuchFileException nothing there, from the device's side
   */
  Path resolve(String name) throws NoSuchFileException {
    String[] parts = components(name);
    Path mount = child(root, parts[0], name);
    if (!Files.isDirectory(mount, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(name);
    }
    Path dir = mount;
    for (int i = 1; i < parts.length - 1; i++) {
      dir = child(dir, parts[i], name);
    }
    if (parts.length == 1) {
      return mount;
    }
    Path parent = realInsideRoot(dir, name);
    Path file = child(parent, parts[parts.length - 1], name);
    return Files.isSymbolicLink(file) ? realInsideRoot(file, name) : file;
  }

  private static String[] components(String name) {
    if (!name.startsWith("/")) {
      throw invalid("not absolute");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7F || c == '\\') {
        throw invalid("control character or backslash");
      }
      if ((c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
        // a C1 control or a bidirectional override or isolate can make a name read as another
        throw invalid("C1 control or bidirectional formatting character U+" + String.format("%04X", (int) c));
      }
    }
    // empty components (a doubled or trailing slash) name nothing, as in Zephyr's file systems
    String[] parts = Arrays.stream(name.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
    if (parts.length == 0) {
      throw invalid("no file named");
    }
    for (String p : parts) {
      if (p.equals(".") || p.equals("..")) {
        throw invalid("relative component");
      }
      // Windows drops a trailing dot or space ("a." is "a") and opens a device for a reserved name
      // in any directory ("NUL.txt" is NUL): refused on every host, so a data directory behaves
      // the same wherever it is
      if (p.endsWith(".") || p.endsWith(" ")) {
        throw invalid("component ending in a dot or space");
      }
      if (RESERVED.matcher(p).matches()) {
        throw invalid("reserved device name");
      }
    }
    return parts;
  }

  /** {@code dir/part}, refused when the host reads {@code part} as more than one plain name. */
  private static Path child(Path dir, String part, String name) {
    Path p;
    try {
      p = dir.resolve(part);
    } catch (InvalidPathException e) {
      throw invalid(e.getReason());
    }
    if (!dir.equals(p.getParent())) {
      throw invalid("not a plain file name on this host");
    }
    return p;
  }

  private Path realInsideRoot(Path p, String name) throws NoSuchFileException {
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      throw new NoSuchFileException(name);
    }
    if (!real.startsWith(root)) {
      throw new NoSuchFileException(name);
    }
    return real;
  }

  private static GroupErrorException invalid(String why) {
    return new GroupErrorException(FsMgmtError.FILE_INVALID_NAME, why);
  }

  /** The regular file {@code name} names, for reading: Zephyr's {@code fs_mgmt_filelen} errors. */
  Path regularFile(String name) {
    Path file;
    try {
      file = resolve(name);
    } catch (NoSuchFileException e) {
      throw new GroupErrorException(FsMgmtError.FILE_NOT_FOUND);
    }
    if (Files.isDirectory(file)) {
      throw new GroupErrorException(FsMgmtError.FILE_IS_DIRECTORY);
    }
    if (!Files.isRegularFile(file)) {
      throw new GroupErrorException(FsMgmtError.FILE_NOT_FOUND);
    }
    return file;
  }
}
