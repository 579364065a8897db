package io.mcumgr4j.cli;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.enumeration.EnumMgmt;
import io.mcumgr4j.groups.enumeration.EnumMgmtClient;
import io.mcumgr4j.groups.enumeration.EnumMgmtError;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import io.mcumgr4j.groups.fs.FsMgmtError;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.groups.image.ImgMgmtError;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.groups.os.OsMgmtError;
import io.mcumgr4j.groups.settings.SettingsMgmtClient;
import io.mcumgr4j.groups.settings.SettingsMgmtError;
import io.mcumgr4j.groups.shell.ShellMgmtClient;
import io.mcumgr4j.groups.shell.ShellMgmtError;
import io.mcumgr4j.groups.stat.StatMgmtClient;
import io.mcumgr4j.groups.stat.StatMgmtError;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmtClient;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmtError;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mcumgr4j raw}: any SMP request, its payload written as JSON, its response printed as JSON
 * (see {@link RawTranscoder} for the mapping, {@code "hex:..."} strings for byte strings). The response
 * is printed whatever it says; an {@code rc} or {@code err} in it then fails the command as the
 * typed commands fail (exit 4 or 5), so scripts see both the whole answer and the verdict.
 */
@Command(name = "raw", mixinStandardHelpOptions = true,
    description = {"Send any SMP request; payload and response as JSON.",
        "JSON integers become CBOR integers, strings text strings, arrays and objects definite-length "
            + "arrays and maps; a string \"hex:0a1b\" is a byte string. The response maps back the same way "
            + "(byte strings as \"hex:...\"), so it can be sent again.",
        "Example: mcumgr4j raw --group os --command 0 --op write '{\"d\":\"hi\"}'"})
final class RawCommand extends DeviceCommand {

  /** A built-in group: the name {@code --group} accepts for it, and its errors, so {@code err} prints by name. */
  private record BuiltIn(String name, int id, IntFunction<GroupError> errors) {}

  private static final List<BuiltIn> BUILT_IN = List.of(
      new BuiltIn("os", OsMgmtClient.GROUP_ID, OsMgmtError::forCode),
      new BuiltIn("image", ImgMgmtClient.GROUP_ID, ImgMgmtError::forCode),
      new BuiltIn("stat", StatMgmtClient.GROUP_ID, StatMgmtError::forCode),
      new BuiltIn("settings", SettingsMgmtClient.GROUP_ID, SettingsMgmtError::forCode),
      new BuiltIn("fs", FsMgmtClient.GROUP_ID, FsMgmtError::forCode),
      new BuiltIn("shell", ShellMgmtClient.GROUP_ID, ShellMgmtError::forCode),
      new BuiltIn("enum", EnumMgmtClient.GROUP_ID, EnumMgmtError::forCode),
      new BuiltIn("zephyr", ZephyrBasicMgmtClient.GROUP_ID, ZephyrBasicMgmtError::forCode));

  @Option(names = {"-g", "--group"}, required = true, paramLabel = "GROUP",
      description = "Group id (0..65535) or name: os, image, stat, settings, fs, shell, enum, zephyr, or another "
          + "group's name as the device's enumeration reports it (enum details).")
  String group;

  @Option(names = {"-i", "--command"}, required = true, paramLabel = "ID", description = "Command id (0..255).")
  int command;

  @Option(names = "--op", required = true, paramLabel = "read|write", description = "The request's op.")
  String op;

  @Parameters(paramLabel = "JSON", arity = "0..1", defaultValue = "{}",
      description = "The payload, a JSON object. Default: ${DEFAULT-VALUE}.")
  String payload;

  @Override
  void run(SmpClient client, Output out) {
    int groupId = groupId(client);
    if (command < 0 || command > 255) {
      throw usage("--command must be 0..255, not " + command);
    }
    Op requestOp = switch (op.toLowerCase(Locale.ROOT)) {
      case "read" -> Op.READ;
      case "write" -> Op.WRITE;
      default -> throw usage("--op must be read or write, not '" + op + "'");
    };
    byte[] request;
    try {
      request = RawTranscoder.toCbor(payload);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    byte[] response = client.send(requestOp, groupId, command, request).payload();
    PrintWriter print = spec.commandLine().getOut();
    print.println(RawTranscoder.toJson(response, !out.json()));
    print.flush();
    try {
      ResponseErrors.check(response, errorsOf(groupId));
    } catch (RuntimeException e) {
      throw new AnswerPrinted(e);
    }
  }

  /** {@code --group} as an id: a number, a built-in group's name, or a name the device enumerates. */
  private int groupId(SmpClient client) {
    for (BuiltIn b : BUILT_IN) {
      if (b.name().equalsIgnoreCase(group)) {
        return b.id();
      }
    }
    if (group.chars().allMatch(Character::isDigit) && !group.isEmpty()) {
      try {
        int id = Integer.parseInt(group);
        if (id <= 0xFFFF) {
          return id;
        }
      } catch (NumberFormatException e) {
        // too long for an int: reported below
      }
      throw usage("--group must be 0..65535, not " + group);
    }
    return enumerated(client);
  }

  /** The id of the group the device's enumeration names {@code --group} (enum details, Zephyr's group 10). */
  private int enumerated(SmpClient client) {
    List<EnumMgmt.GroupDetails> groups;
    try {
      groups = new EnumMgmtClient(client).details(null).groups();
    } catch (MgmtException e) {
      throw usage("'" + group + "' is not a built-in group (" + builtInNames() + ") and the device does not "
          + "enumerate its groups (" + e.getMessage() + "): give the group's id");
    }
    return groups.stream().filter(g -> group.equals(g.name())).findFirst()
        .or(() -> groups.stream().filter(g -> group.equalsIgnoreCase(g.name())).findFirst())
        .map(EnumMgmt.GroupDetails::group)
        .orElseThrow(() -> usage("--group '" + group + "' is neither a built-in group (" + builtInNames()
            + ") nor one the device names (" + groups.stream().map(EnumMgmt.GroupDetails::name).toList() + ")"));
  }

  private static List<String> builtInNames() {
    return BUILT_IN.stream().map(BuiltIn::name).toList();
  }

  /** The typed errors of a built-in group; other groups' errors print by number. */
  private static IntFunction<GroupError> errorsOf(int group) {
    return BUILT_IN.stream().filter(b -> b.id() == group).findFirst().map(BuiltIn::errors).orElse(rc -> null);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
