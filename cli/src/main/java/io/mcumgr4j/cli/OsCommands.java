package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcumgr4j os ...}: the OS group (0). JSON output mirrors the keys of the device's response;
 * commands whose response has none print {@code {}}.
 */
@Command(name = "os", description = "OS management (group 0).", mixinStandardHelpOptions = true,
    subcommands = {OsCommands.Echo.class, OsCommands.Params.class, OsCommands.Reset.class, OsCommands.TaskStat.class,
        OsCommands.MpStat.class, OsCommands.DateTime.class, OsCommands.Info.class, OsCommands.Bootloader.class})
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

  @Command(name = "reset", description = "Reset the device (it restarts once the response has gone out).",
      mixinStandardHelpOptions = true)
  static final class Reset extends DeviceCommand {
    @Option(names = "--force", description = "Ask for a reset even if the application would refuse one.")
    boolean force;

    @Option(names = "--boot-mode", paramLabel = "N", description = "Boot mode after the reset: 0 normal, 1 bootloader.")
    Integer bootMode;

    @Override
    void run(SmpClient client, Output out) {
      // keys are sent only when given: a device then applies its own defaults, as with Zephyr's tools
      new OsMgmtClient(client).reset(force ? Boolean.TRUE : null, bootMode);
      out.result("reset: the device restarts", Map.of());
    }
  }

  @Command(name = "taskstat", description = "Statistics of every task (thread).", mixinStandardHelpOptions = true)
  static final class TaskStat extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      Map<String, OsMgmt.TaskStat> tasks = new OsMgmtClient(client).taskStats().tasks();
      Map<String, Object> json = new LinkedHashMap<>();
      List<List<Object>> rows = new ArrayList<>();
      tasks.forEach((name, t) -> {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("prio", t.prio());
        task.put("tid", t.tid());
        task.put("state", t.state());
        task.put("stksiz", t.stksiz());
        task.put("stkuse", t.stkuse());
        json.put(name, task);
        // state is a set of Zephyr thread bits, readable only in hex
        rows.add(List.of(name, t.prio(), t.tid(), "0x" + Long.toHexString(t.state()), t.stksiz(), t.stkuse()));
      });
      out.result(table(List.of("name", "prio", "tid", "state", "stksiz", "stkuse"), rows), Map.of("tasks", json));
    }
  }

  @Command(name = "mpstat", description = "Statistics of every memory pool.", mixinStandardHelpOptions = true)
  static final class MpStat extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      Map<String, OsMgmt.MemoryPool> pools = new OsMgmtClient(client).memoryPools();
      Map<String, Object> json = new LinkedHashMap<>();
      List<List<Object>> rows = new ArrayList<>();
      pools.forEach((name, p) -> {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("blksiz", p.blksiz());
        pool.put("nblks", p.nblks());
        pool.put("nfree", p.nfree());
        pool.put("min", p.min());
        json.put(name, pool);
        rows.add(List.of(name, p.blksiz(), p.nblks(), p.nfree(), p.min()));
      });
      out.result(table(List.of("name", "blksiz", "nblks", "nfree", "min"), rows), json);
    }
  }

  @Command(name = "datetime", description = "Read the device's date and time, or set it when VALUE is given.",
      mixinStandardHelpOptions = true)
  static final class DateTime extends DeviceCommand {
    @Parameters(paramLabel = "VALUE", arity = "0..1",
        description = "The new date and time, YYYY-MM-DDTHH:MM:SS (Zephyr's form, no zone).")
    String value;

    @Override
    void run(SmpClient client, Output out) {
      OsMgmtClient os = new OsMgmtClient(client);
      if (value != null) {
        os.setDateTime(value);
        out.result("datetime set to " + value, Map.of());
      } else {
        String datetime = os.dateTime().datetime();
        out.result(datetime, Map.of("datetime", datetime));
      }
    }
  }

  @Command(name = "info", description = "OS and application information.", mixinStandardHelpOptions = true)
  static final class Info extends DeviceCommand {
    @Parameters(paramLabel = "FORMAT", arity = "0..1",
        description = "Format characters: s kernel name, n node name, r release, v version, b build time, "
            + "m machine, p processor, i platform, o OS, a all. Default: the device's (s).")
    String format;

    @Override
    void run(SmpClient client, Output out) {
      String output = new OsMgmtClient(client).info(format).output();
      out.result(output, Map.of("output", output));
    }
  }

  @Command(name = "bootloader", description = "The bootloader's name, or its answer to QUERY (e.g. mode).",
      mixinStandardHelpOptions = true)
  static final class Bootloader extends DeviceCommand {
    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "A query, e.g. mode (MCUboot's mode number).")
    String query;

    @Override
    void run(SmpClient client, Output out) {
      OsMgmt.BootloaderInfo info = new OsMgmtClient(client).bootloaderInfo(query);
      Map<String, Object> json = new LinkedHashMap<>();
      List<String> lines = new ArrayList<>();
      if (info.bootloader() != null) {
        json.put("bootloader", info.bootloader());
        lines.add(info.bootloader());
      }
      if (info.mode() != null) {
        json.put("mode", info.mode());
        lines.add("mode " + info.mode());
      }
      if (info.noDowngrade() != null) {
        json.put("no-downgrade", info.noDowngrade());
        lines.add("no-downgrade " + info.noDowngrade());
      }
      out.result(String.join("\n", lines), json);
    }
  }

  /**
   * {@code rows} under {@code headers}, columns two spaces apart; numbers are right-aligned, so
   * columns of them read like a Zephyr shell's tables.
   */
  static String table(List<String> headers, List<List<Object>> rows) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<Object> row : rows) {
        widths[c] = Math.max(widths[c], String.valueOf(row.get(c)).length());
      }
    }
    StringBuilder text = new StringBuilder();
    List<Object> headerRow = new ArrayList<>(headers);
    appendRow(text, headerRow, widths, rows.isEmpty() ? null : rows.get(0));
    for (List<Object> row : rows) {
      text.append('\n');
      appendRow(text, row, widths, row);
    }
    return text.toString();
  }

  /** Appends one row; a column is right-aligned when {@code kinds} (the first data row) has a number there. */
  private static void appendRow(StringBuilder text, List<Object> row, int[] widths, List<Object> kinds) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      String cell = String.valueOf(row.get(c));
      boolean right = kinds != null && kinds.get(c) instanceof Number;
      if (c > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(right ? pad + cell : cell + pad);
    }
    text.append(line.toString().stripTrailing());
  }
}
