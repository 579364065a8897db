package io.mcumgr4j.simulator.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.fs.FsMgmtError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that try to leave the device's root: every one is refused by every command, and nothing
 * outside the root is read, created or changed.
 */
class FsTraversalTest {

  /** Refused as a bad name (FILE_INVALID_NAME) by every command. */
  private static final String[] INVALID = {
      "..", "../outside/secret.txt", "/../outside/secret.txt", "/a/../../x", "/lfs1/../../outside/secret.txt",
      "/lfs1/./../../outside/secret.txt", "/lfs1/..\\..\\outside\\secret.txt", "/lfs1\\..\\..\\outside",
      "\\..\\outside\\secret.txt", "/lfs1/x\u0000/../../outside/secret.txt", "/lfs1/x\u0000", "/", "//",
      "lfs1/x",
      // names Windows reads as devices or as other names: refused on every host
      "/lfs1/NUL", "/lfs1/con.txt", "/lfs1/Com1", "/lfs1/lpt9.log.gz", "/lfs1/aux/x", "/lfs1/x.", "/lfs1/x ",
      "/lfs1/dir./x",
      // C0 and C1 controls, bidirectional overrides and isolates: a name that reads as another
      "/lfs1/a\u0001b", "/lfs1/a\u007Fb", "/lfs1/a\u0080b", "/lfs1/a\u009Bb", "/lfs1/a\u009Fb",
      "/lfs1/invoice\u202Etxt.exe", "/lfs1/a\u202Ab", "/lfs1/a\u202Db", "/lfs1/a\u2066b", "/lfs1/a\u2069b"};

  /** Printable neighbours of the refused characters: accepted. */
  private static final String[] VALID_NEAR_REFUSED = {"/lfs1/a\u00A0b", "/lfs1/a\u00E9b", "/lfs1/a\u2029b",
      "/lfs1/a\u202Fb", "/lfs1/a\u2065b", "/lfs1/a\u206Ab"};

  /** Nothing there from the device's side: FILE_NOT_FOUND for reads, MOUNT_POINT_NOT_FOUND for upload. */
  private static final String[] ABSENT = {
      "/etc/passwd", "/outside/secret.txt", "/lfs1/dirlink/secret.txt", "/lfs1/filelink", "/lfs1/dangling",
      "/dirlink/secret.txt"};

  @TempDir Path tmp;
  private Path root;
  private Path outside;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectory(root.resolve("lfs1"));
    outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    try {
      Files.createSymbolicLink(root.resolve("lfs1/dirlink"), outside);
      Files.createSymbolicLink(root.resolve("dirlink"), outside);
      Files.createSymbolicLink(root.resolve("lfs1/filelink"), outside.resolve("secret.txt"));
      Files.createSymbolicLink(root.resolve("lfs1/dangling"), outside.resolve("created.txt"));
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("symbolic links unavailable: " + e);
    }
  }

  @Test
  void everyEscapeIsRefusedAndTheOutsideUntouched() throws Exception {
    Map<String, String> before = snapshot(tmp.resolve("outside"));
    try (FsUdp udp = new FsUdp(root)) {
      for (String name : INVALID) {
        assertRefused(udp, name, FsMgmtError.FILE_INVALID_NAME, FsMgmtError.FILE_INVALID_NAME);
      }
      for (String name : ABSENT) {
        assertRefused(udp, name, FsMgmtError.FILE_NOT_FOUND, FsMgmtError.MOUNT_POINT_NOT_FOUND);
      }
    }
    assertThat(snapshot(outside)).isEqualTo(before);
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
  }

  @Test
  void printableNeighboursOfTheRefusedCharactersAreFileNames() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      for (String name : VALID_NEAR_REFUSED) {
        udp.client.upload(0, name, new byte[] {1}, OptionalLong.of(1));
        assertThat(udp.client.status(name).len()).as(name).isEqualTo(1);
      }
    }
  }

  @Test
  void aLinkThatStaysInsideIsFollowed() throws Exception {
    Files.writeString(root.resolve("lfs1/real.txt"), "inside");
    Files.createSymbolicLink(root.resolve("lfs1/alias"), root.resolve("lfs1/real.txt"));
    try (FsUdp udp = new FsUdp(root)) {
      assertThat(udp.client.status("/lfs1/alias").len()).isEqualTo(6);
      assertThat(udp.client.download(0, "/lfs1/alias").data()).isEqualTo("inside".getBytes(StandardCharsets.UTF_8));
      // absolute host paths are device paths: they land inside the root
      Files.createDirectories(root.resolve("etc"));
      udp.client.upload(0, "/etc/passwd", "x".getBytes(StandardCharsets.UTF_8), OptionalLong.of(1));
      assertThat(root.resolve("etc/passwd")).hasContent("x");
    }
  }

  private static void assertRefused(FsUdp udp, String name, FsMgmtError read, FsMgmtError write) {
    byte[] data = "pwned".getBytes(StandardCharsets.UTF_8);
    assertThat(error(() -> udp.client.upload(0, name, data, OptionalLong.of(5)))).as("upload " + name).isEqualTo(write);
    assertThat(error(() -> udp.client.download(0, name))).as("download " + name).isEqualTo(read);
    assertThat(error(() -> udp.client.status(name))).as("status " + name).isEqualTo(read);
    assertThat(error(() -> udp.client.hash(name, "sha256", OptionalLong.empty(), OptionalLong.empty())))
        .as("hash " + name).isEqualTo(read);
  }

  private static Object error(Runnable request) {
    return catchThrowableOfType(request::run, GroupErrorException.class).error();
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        files.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
      }
    }
    return files;
  }
}
