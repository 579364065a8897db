package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmtClient;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code mcumgr4j zephyr ...}: Zephyr's basic group (63). */
@Command(name = "zephyr", description = "Zephyr basic management (group 63).", mixinStandardHelpOptions = true,
    subcommands = ZephyrCommands.Erase.class)
final class ZephyrCommands {

  @Command(name = "erase", description = "Erase the storage partition (the settings); JSON: {}.",
      mixinStandardHelpOptions = true)
  static final class Erase extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      new ZephyrBasicMgmtClient(client).eraseStorage();
      out.result("storage erased", Map.of());
    }
  }
}
