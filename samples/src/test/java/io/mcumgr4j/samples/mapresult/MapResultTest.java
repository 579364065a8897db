package io.mcumgr4j.samples.mapresult;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.memory.InMemoryTransport;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A {@code Map<String, T>} result: its entries are the response map's keys, in order. */
class MapResultTest {

  private final Map<String, PoolsMgmt.Pool> pools = new LinkedHashMap<>();
  private final SmpServer server = new SmpServer();
  private SmpClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private PoolsMgmtClient connect() throws Exception {
    server.register(new PoolsMgmtDispatcher(() -> pools));
    client = new SmpClient(new InMemoryTransport(server));
    return new PoolsMgmtClient(client);
  }

  @Test
  void entriesAreTheResponseKeysAndComeBackInOrder() throws Exception {
    pools.put("heap", new PoolsMgmt.Pool(16, 64, 10, 2));
    pools.put("net", new PoolsMgmt.Pool(128, 8, 8, 8));
    PoolsMgmtClient c = connect();

    assertThat(c.pools()).containsExactly(Map.entry("heap", pools.get("heap")), Map.entry("net", pools.get("net")));

    byte[] payload = client.send(Op.READ, 101, 0, new byte[] {(byte) 0xA0}).payload();
    assertThat(HexFormat.of().formatHex(payload)).isEqualTo("bf"
        + "6468656170" + "bf" + "66626c6b73697a10" + "656e626c6b731840" + "656e667265650a" + "636d696e02" + "ff"
        + "636e6574" + "bf" + "66626c6b73697a1880" + "656e626c6b7308" + "656e6672656508" + "636d696e08" + "ff"
        + "ff");
  }

  @Test
  void anEmptyMapIsAnEmptyResponse() throws Exception {
    PoolsMgmtClient c = connect();

    assertThat(c.pools()).isEmpty();
    assertThat(client.send(Op.READ, 101, 0, new byte[] {(byte) 0xA0}).payload()).containsExactly(0xBF, 0xFF);
  }

  @Test
  void aLegacyRcZeroBesideTheEntriesIsNotAnEntry() throws Exception {
    // a server with the legacy rc option adds rc: 0 to successful responses
    SmpServer legacy = new SmpServer();
    legacy.register(new GroupHandler() {
      @Override
      public int groupId() {
        return 101;
      }

      @Override
      public String name() {
        return "pools";
      }

      @Override
      public int commandSlots() {
        return 1;
      }

      @Override
      public CommandHandler handler(int id, Op op) {
        return (ctx, in, out) -> out.key("rc").uint(0).key("net").startMap()
            .key("blksiz").uint(1).key("nblks").uint(2).key("nfree").uint(3).key("min").uint(4).end();
      }
    });
    try (SmpClient legacyClient = new SmpClient(new InMemoryTransport(legacy))) {
      assertThat(new PoolsMgmtClient(legacyClient).pools()).containsOnlyKeys("net");
    } finally {
      legacy.close();
    }
  }
}
