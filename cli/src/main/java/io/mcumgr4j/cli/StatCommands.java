package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.stat.StatMgmt;
import io.mcumgr4j.groups.stat.StatMgmtClient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mcumgr4j stat ...}: the statistics group (2); JSON mirrors the device's response keys. */
@Command(name = "stat", description = "Statistics (group 2).", mixinStandardHelpOptions = true,
    subcommands = {StatCommands.ListGroups.class, StatCommands.Read.class})
final class StatCommands {

  @Command(name = "list", description = "The names of the stat groups, one a line.", mixinStandardHelpOptions = true)
  static final class ListGroups extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      List<String> names = new StatMgmtClient(client).list().names();
      out.result(String.join("\n", names), Map.of("stat_list", names));
    }
  }

  @Command(name = "read", description = "The counters of a stat group.", mixinStandardHelpOptions = true)
  static final class Read extends DeviceCommand {
    @Parameters(paramLabel = "NAME", description = "The stat group, e.g. smp_svr_stats.")
    String name;

    @Override
    void run(SmpClient client, Output out) {
      StatMgmt.GroupData data = new StatMgmtClient(client).groupData(name);
      List<List<Object>> rows = new ArrayList<>();
      Map<String, Object> fields = new LinkedHashMap<>();
      data.fields().forEach((field, value) -> {
        Object count = unsigned(value);
        rows.add(List.of(field, count));
        fields.put(field, count);
      });
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", data.name());
      json.put("fields", fields);
      out.result(data.name() + "\n" + OsCommands.table(List.of("field", "value"), rows), json);
    }
  }

  /** A counter, unsigned 64-bit on the wire: a {@code long} holds it unless it is 2^63 or more. */
  private static Object unsigned(long value) {
    return value >= 0 ? (Object) value : new BigInteger(Long.toUnsignedString(value));
  }
}
