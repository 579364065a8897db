package io.mcumgr4j.transfer;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.fs.FsMgmtDispatcher;
import io.mcumgr4j.groups.image.ImgMgmtDispatcher;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.server.transport.memory.InMemoryTransport;
import java.io.IOException;
import java.time.Duration;

/**
 * A scripted device in memory: {@code mcumgr params}, {@link FakeImage} and {@link FakeFiles} on
 * a server with Zephyr's packet limit ({@code bufSize}; larger packets are dropped unanswered),
 * one worker so requests are handled in order, and a client over a link that can lose replies.
 */
final class FakeDevice implements AutoCloseable {

  /**
   * Short, since dropped replies are found by timeouts (tests never assert timings); forced, since
   * {@link FakeImage}'s images are random bytes behind MCUboot's magic.
   */
  static final TransferOptions OPTIONS = TransferOptions.builder()
      .firstChunkTimeout(Duration.ofSeconds(2))
      .chunkTimeout(Duration.ofMillis(300))
      .retries(3)
      .force(true)
      .build();

  /** The default options, forced for {@link FakeImage}'s images. */
  static final TransferOptions FORCED = TransferOptions.builder().force(true).build();

  final FakeImage image = new FakeImage();
  final FakeFiles files = new FakeFiles();
  final RecordingGroup imageGroup = new RecordingGroup(new ImgMgmtDispatcher(image));
  final RecordingGroup fsGroup = new RecordingGroup(new FsMgmtDispatcher(files));
  final SmpServer server;
  final LossyTransport link;
  final SmpClient client;

  FakeDevice(int bufSize) throws IOException {
    server = new SmpServer(ServerConfig.DEFAULT.withBufSize(bufSize).withBufCount(4).withWorkerThreads(1));
    server.register(new TestGroups.EchoGroup()); // mcumgr params from the configuration above
    server.register(imageGroup);
    server.register(fsGroup);
    link = new LossyTransport(new InMemoryTransport(server));
    client = new SmpClient(link, ClientConfig.DEFAULT.withTimeout(Duration.ofMillis(300)));
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
