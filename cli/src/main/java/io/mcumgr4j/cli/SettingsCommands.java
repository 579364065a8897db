package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.settings.SettingsMgmt;
import io.mcumgr4j.groups.settings.SettingsMgmtClient;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mcumgr4j settings ...}: the settings group (3). Values are bytes on the device; they are
 * written as UTF-8 text unless {@code --hex}, and read back as text, hex or whichever fits.
 * Commands whose response has no keys print {@code {}} as JSON.
 */
@Command(name = "settings", description = "Settings management (group 3).", mixinStandardHelpOptions = true,
    subcommands = {SettingsCommands.Read.class, SettingsCommands.Write.class, SettingsCommands.Delete.class,
        SettingsCommands.Commit.class, SettingsCommands.Load.class, SettingsCommands.Save.class})
final class SettingsCommands {

  /** How {@code settings read} shows a value in human output. */
  enum Shown { auto, text, hex }

  @Command(name = "read", mixinStandardHelpOptions = true,
      description = {"Read a setting.",
          "JSON: {\"name\", \"val\" (hex), \"text\" (the value as UTF-8, null if it is not), "
              + "\"max_size\" (the device's limit when it capped the value, else null)}."})
  static final class Read extends DeviceCommand {
    @Parameters(paramLabel = "NAME", description = "The setting, e.g. app/greeting.")
    String name;

    @Option(names = "--max-size", paramLabel = "N", description = "Read at most N bytes of the value.")
    Long maxSize;

    @Option(names = "--as", paramLabel = "auto|text|hex", defaultValue = "auto",
        description = "Print the value as UTF-8 text, as hex, or (auto) as text when it is printable. "
            + "Default: ${DEFAULT-VALUE}.")
    Shown as;

    @Override
    void run(SmpClient client, Output out) {
      SettingsMgmt.Value v = new SettingsMgmtClient(client)
          .read(name, maxSize == null ? OptionalLong.empty() : OptionalLong.of(maxSize));
      String text = utf8(v.value());
      boolean asText = as == Shown.text || as == Shown.auto && text != null && printable(text);
      String human = asText ? new String(v.value(), StandardCharsets.UTF_8) : HexFormat.of().formatHex(v.value());
      if (v.maxSize().isPresent()) {
        human += "\n(the device limits values to " + v.maxSize().getAsLong() + " bytes)";
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", name);
      json.put("val", v.value());
      json.put("text", text);
      json.put("max_size", v.maxSize().isPresent() ? v.maxSize().getAsLong() : null);
      out.result(human, json);
    }

    /** {@code bytes} as UTF-8, or {@code null} when they are not valid UTF-8. */
    private static String utf8(byte[] bytes) {
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        return null;
      }
    }

    /** Whether a terminal shows {@code text} as it is: no control characters but tab and line ends. */
    private static boolean printable(String text) {
      return text.chars().allMatch(c -> !Character.isISOControl(c) || c == '\t' || c == '\n' || c == '\r');
    }
  }

  @Command(name = "write", description = "Write a setting (in memory until saved).", mixinStandardHelpOptions = true)
  static final class Write extends DeviceCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The setting, e.g. app/greeting.")
    String name;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The value: UTF-8 text, or hex digits with --hex.")
    String value;

    @Option(names = "--hex", description = "VALUE is hex digits (e.g. 0a0b), not text.")
    boolean hex;

    @Override
    void run(SmpClient client, Output out) {
      byte[] bytes;
      if (hex) {
        try {
          bytes = HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "VALUE is not an even number of hex digits: " + value);
        }
      } else {
        bytes = value.getBytes(StandardCharsets.UTF_8);
      }
      new SettingsMgmtClient(client).write(name, bytes);
      out.result("wrote " + bytes.length + " bytes to " + name, Map.of());
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = {"Delete a setting from the device's "
      + "storage.", "As Zephyr's settings_delete, it leaves the value the device holds in RAM: a read returns it "
      + "until the device restarts (settings load does not clear it either)."})
  static final class Delete extends DeviceCommand {
    @Parameters(paramLabel = "NAME", description = "The setting.")
    String name;

    @Override
    void run(SmpClient client, Output out) {
      new SettingsMgmtClient(client).delete(name);
      out.result("deleted " + name + " from storage (a read returns the value held in RAM until the device "
          + "restarts)", Map.of());
    }
  }

  @Command(name = "commit", description = "Commit the settings written (the device's handlers apply them).",
      mixinStandardHelpOptions = true)
  static final class Commit extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      new SettingsMgmtClient(client).commit();
      out.result("committed", Map.of());
    }
  }

  @Command(name = "load", description = "Load the settings from storage.", mixinStandardHelpOptions = true)
  static final class Load extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      new SettingsMgmtClient(client).load();
      out.result("loaded", Map.of());
    }
  }

  @Command(name = "save", description = "Save the settings to storage: all, or the subtree NAME.",
      mixinStandardHelpOptions = true)
  static final class Save extends DeviceCommand {
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only this subtree, e.g. app.")
    String name;

    @Override
    void run(SmpClient client, Output out) {
      new SettingsMgmtClient(client).save(name);
      out.result(name == null ? "saved" : "saved " + name, Map.of());
    }
  }
}
