package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.enumeration.EnumMgmt;
import io.mcumgr4j.groups.enumeration.EnumMgmtClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mcumgr4j enum}: the enumeration group (10). Alone it prints the details of every group
 * (what one usually wants to know); its subcommands send each enumeration command. JSON mirrors
 * the device's response keys.
 */
@Command(name = "enum", mixinStandardHelpOptions = true,
    description = {"The device's groups (group 10). Without a subcommand: the details of every group.",
        "JSON: {\"groups\": [{\"group\", \"name\", \"handlers\"}]}."},
    subcommands = {EnumCommand.Count.class, EnumCommand.ListIds.class, EnumCommand.Single.class,
        EnumCommand.Details.class})
final class EnumCommand extends DeviceCommand {

  @Override
  void run(SmpClient client, Output out) {
    details(client, out, null);
  }

  /** Prints the details of {@code groups}, or of every group when {@code null}. */
  static void details(SmpClient client, Output out, List<Integer> groups) {
    List<EnumMgmt.GroupDetails> details = new EnumMgmtClient(client).details(groups).groups();
    List<Object> json = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    for (EnumMgmt.GroupDetails d : details) {
      // a device built without names or handler counts leaves them out: null in JSON, "-" for people
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("group", d.group());
      group.put("name", d.name());
      group.put("handlers", d.handlers());
      json.add(group);
      rows.add(List.of(d.group(), d.name() != null ? d.name() : "-", d.handlers() != null ? d.handlers() : "-"));
    }
    out.result(OsCommands.table(List.of("group", "name", "handlers"), rows), Map.of("groups", json));
  }

  @Command(name = "count", description = "How many groups the device has.", mixinStandardHelpOptions = true)
  static final class Count extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      long count = new EnumMgmtClient(client).count().count();
      out.result(Long.toString(count), Map.of("count", count));
    }
  }

  @Command(name = "list", description = "The ids of the device's groups, in its order.",
      mixinStandardHelpOptions = true)
  static final class ListIds extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      List<Integer> groups = new EnumMgmtClient(client).list().groups();
      out.result(groups.stream().map(String::valueOf).collect(Collectors.joining(" ")), Map.of("groups", groups));
    }
  }

  @Command(name = "single", mixinStandardHelpOptions = true,
      description = {"The id of the group at INDEX; JSON {\"group\", \"end\"} (end: it is the last)."})
  static final class Single extends DeviceCommand {
    @Parameters(paramLabel = "INDEX", arity = "0..1", description = "Position in the device's list. Default: 0.")
    Long index;

    @Override
    void run(SmpClient client, Output out) {
      EnumMgmt.Single s = new EnumMgmtClient(client)
          .single(index == null ? OptionalLong.empty() : OptionalLong.of(index));
      boolean end = Boolean.TRUE.equals(s.end());
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("group", s.group());
      json.put("end", end);
      out.result(s.group() + (end ? " (the last)" : ""), json);
    }
  }

  @Command(name = "details", mixinStandardHelpOptions = true,
      description = "Name and command count of every group, or of the groups given (unknown ids are left out).")
  static final class Details extends DeviceCommand {
    @Parameters(paramLabel = "GROUP", arity = "0..*", description = "Group ids.")
    List<Integer> groups;

    @Override
    void run(SmpClient client, Output out) {
      details(client, out, groups);
    }
  }
}
