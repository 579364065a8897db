package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Which options each command lists: device options only where a device is talked to, no hidden global. */
class CommandTreeTest {

  @TempDir
  Path dir;

  private static CommandLine tree() {
    CommandLine root = new CommandLine(new Main());
    CommandTree.tidy(root);
    return root;
  }

  private static List<CommandLine> all(CommandLine command) {
    List<CommandLine> found = new ArrayList<>();
    for (CommandLine sub : command.getSubcommands().values()) {
      found.add(sub);
      found.addAll(all(sub));
    }
    return found;
  }

  private static List<String> names(CommandLine command) {
    return command.getCommandSpec().options().stream().flatMap(o -> List.of(o.names()).stream()).toList();
  }

  @Test
  void localCommandsListNoDeviceOption() {
    Map<String, CommandLine> subs = tree().getSubcommands();
    for (CommandLine local : List.of(subs.get("serve"), subs.get("demo"), subs.get("image").getSubcommands().get("create"))) {
      assertThat(names(local)).as(local.getCommandName())
          .doesNotContain("-c", "--conn", "--timeout", "--retries", "--mtu", "--scan-timeout", "--smp-v1")
          .contains("-h", "--help", "--json");
    }
    assertThat(names(subs.get("os").getSubcommands().get("echo")))
        .contains("-c", "--conn", "--timeout", "--retries", "--mtu", "--smp-v1", "-h", "--help");
  }

  @Test
  void onlyTheRootPrintsTheVersionAndNoOptionNameIsTakenTwice() {
    CommandLine root = tree();
    assertThat(root.getCommandSpec().options()).anyMatch(OptionSpec::versionHelp);
    for (CommandLine command : all(root)) {
      assertThat(command.getCommandSpec().options()).as(command.getCommandSpec().qualifiedName())
          .noneMatch(OptionSpec::versionHelp)
          .filteredOn(OptionSpec::usageHelp).hasSize(1);
      assertThat(names(command)).as(command.getCommandSpec().qualifiedName()).doesNotHaveDuplicates();
    }
  }

  @Test
  void imageCreatesVersionIsTheImagesAndTheGlobalOneStillAnswers() throws Exception {
    Path bin = Files.write(dir.resolve("app.bin"), new byte[100]);
    Run created = CliDevice.runAlone("image", "create", "--version", "1.2.3", bin.toString(),
        dir.resolve("app.img").toString());
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(dir.resolve("app.img")).exists();
    assertThat(CliDevice.runAlone("--version").out()).startsWith("mcumgr4j ");
    assertThat(CliDevice.runAlone("image", "create", "--help").out()).doesNotContain("--conn").contains("--version");
  }
}
