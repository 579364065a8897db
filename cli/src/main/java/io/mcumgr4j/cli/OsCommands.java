package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mcumgr4j os ...}: the OS group (0). */
@Command(name = "os", description = "OS management (group 0).", mixinStandardHelpOptions = true,
    subcommands = {OsCommands.Echo.class, OsCommands.Params.class})
final class OsCommands {

  @Command(name = "echo", description = "Echo a text through the device.", mixinStandardHelpOptions = true)
  static final class Echo extends DeviceCommand {
    @Parameters(paramLabel = "TEXT", description = "The text.")
    String text;

    @Override
    void run(SmpClient client, Output out) {
      String r = new OsMgmtClient(client).echo(text).text();
      out.result(r, Map.of("r", r));
    }
  }

  @Command(name = "params", description = "The device's SMP buffer size and count.", mixinStandardHelpOptions = true)
  static final class Params extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      OsMgmt.McumgrParams p = new OsMgmtClient(client).params();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("buf_size", p.bufSize());
      json.put("buf_count", p.bufCount());
      out.result("buf_size " + p.bufSize() + ", buf_count " + p.bufCount(), json);
    }
  }
}
