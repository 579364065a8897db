package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -c tcp:HOST:PORT} against {@code serve --tcp}, both in this module, and a refused connection. */
class TcpCommandTest {

  @TempDir
  Path dir;

  @Test
  void theCliTalksToServeOverTcp() throws Exception {
    try (ServeProcess serve = ServeProcess.start("--tcp", "127.0.0.1:0", "--data-dir", dir.toString())) {
      String line = serve.awaitLine("on tcp ");
      String address = line.substring(line.indexOf("on tcp ") + 7, line.indexOf(" (--conn"));
      Run echo = CliDevice.runOn("tcp:" + address, "os", "echo", "over tcp");
      assertThat(echo).isEqualTo(new Run(0, "over tcp\n", ""));
      Run params = CliDevice.runOn("tcp:" + address, "--json", "os", "params");
      assertThat(params.json()).containsEntry("buf_size", 2048L);
      assertThat(serve.awaitLine("tcp /127.0.0.1:")).contains("group 0 command 0");
      assertThat(serve.terminate()).isIn(0, 143);
    }
  }

  @Test
  void aRefusedConnectionIsTheLinksExitCodeAndNamesTheAddress() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    Run run = CliDevice.runOn("tcp:127.0.0.1:" + port, "os", "echo", "hi");
    assertThat(run.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(run.err()).startsWith("mcumgr4j: device unreachable: cannot connect to 127.0.0.1:" + port);
  }
}
