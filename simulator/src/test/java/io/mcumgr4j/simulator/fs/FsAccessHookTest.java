package io.mcumgr4j.simulator.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.fs.FsMgmtError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file access hook: when it fires, and a listener denying per path and access. */
class FsAccessHookTest {

  @TempDir Path root;
  private final List<FsEvents.FileAccessEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(root.resolve("lfs1/locked"));
    Files.writeString(root.resolve("lfs1/locked/key"), "private");
    Files.writeString(root.resolve("lfs1/open.txt"), "public");
  }

  @Test
  void firesAtTransferStartAndOnEveryStatusAndHash() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      FsEvents.onFileAccess(udp.server.callbacks(), (event, previous) -> {
        events.add(event);
        return CallbackResult.OK;
      });
      udp.client.upload(0, "/lfs1/new", bytes("abc"), OptionalLong.of(9));
      udp.client.upload(3, "/lfs1/new", bytes("def"), OptionalLong.empty());
      udp.client.upload(6, "/lfs1/new", bytes("ghi"), OptionalLong.empty());
      udp.client.download(0, "/lfs1/open.txt");
      udp.client.status("/lfs1/open.txt");
      udp.client.status("/lfs1/open.txt");
      udp.client.hash("/lfs1/open.txt", null, OptionalLong.empty(), OptionalLong.empty());
      catchThrowableOfType(() -> udp.client.hash("/lfs1/open.txt", "md5", OptionalLong.empty(), OptionalLong.empty()),
          GroupErrorException.class);
      assertThat(events).containsExactly(
          new FsEvents.FileAccessEvent(FsEvents.Access.WRITE, "/lfs1/new"),
          new FsEvents.FileAccessEvent(FsEvents.Access.READ, "/lfs1/open.txt"),
          new FsEvents.FileAccessEvent(FsEvents.Access.STATUS, "/lfs1/open.txt"),
          new FsEvents.FileAccessEvent(FsEvents.Access.STATUS, "/lfs1/open.txt"),
          new FsEvents.FileAccessEvent(FsEvents.Access.HASH, "/lfs1/open.txt"));
      assertThat(FsEvents.FILE_ACCESS).isEqualTo(0x0004_0001);
    }
  }

  @Test
  void deniesPerPathAndAccess() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      FsEvents.onFileAccess(udp.server.callbacks(), (event, previous) -> {
        if (!event.path().startsWith("/lfs1/locked/")) {
          return CallbackResult.OK;
        }
        return switch (event.access()) {
          case READ, HASH -> CallbackResult.rc(MgmtErr.EACCESSDENIED);
          case WRITE -> CallbackResult.groupError(FsMgmtError.READ_ONLY_FILESYSTEM);
          case STATUS -> CallbackResult.OK;
        };
      });
      assertThat(catchThrowableOfType(() -> udp.client.download(0, "/lfs1/locked/key"), MgmtException.class).err())
          .isEqualTo(MgmtErr.EACCESSDENIED);
      assertThat(catchThrowableOfType(() -> udp.client.hash("/lfs1/locked/key", "crc32", OptionalLong.empty(),
          OptionalLong.empty()), MgmtException.class).err()).isEqualTo(MgmtErr.EACCESSDENIED);
      assertThat(catchThrowableOfType(() -> udp.client.upload(0, "/lfs1/locked/key", bytes("x"), OptionalLong.of(1)),
          GroupErrorException.class).error()).isEqualTo(FsMgmtError.READ_ONLY_FILESYSTEM);
      assertThat(catchThrowableOfType(() -> udp.clientV1.upload(0, "/lfs1/locked/key", bytes("x"),
          OptionalLong.of(1)), MgmtException.class).err()).as("v1 translation").isEqualTo(MgmtErr.EUNKNOWN);
      assertThat(udp.client.status("/lfs1/locked/key").len()).isEqualTo(7);
      assertThat(root.resolve("lfs1/locked/key")).hasContent("private");
      assertThat(udp.client.download(0, "/lfs1/open.txt").data()).isEqualTo(bytes("public"));
    }
  }

  @Test
  void aRefusedRequestLeavesTheOpenTransferAlone() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      FsEvents.onFileAccess(udp.server.callbacks(), (event, previous) -> {
        events.add(event);
        return event.path().startsWith("/lfs1/locked/") ? CallbackResult.rc(MgmtErr.EACCESSDENIED) : CallbackResult.OK;
      });
      udp.client.upload(0, "/lfs1/new", bytes("abc"), OptionalLong.of(6));
      catchThrowableOfType(() -> udp.client.download(0, "/lfs1/locked/key"), MgmtException.class);
      assertThat(udp.client.upload(3, "/lfs1/new", bytes("def"), OptionalLong.empty()).off()).isEqualTo(6);
      assertThat(events).extracting(FsEvents.FileAccessEvent::access)
          .containsExactly(FsEvents.Access.WRITE, FsEvents.Access.READ);
      assertThat(root.resolve("lfs1/new")).hasContent("abcdef");
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
