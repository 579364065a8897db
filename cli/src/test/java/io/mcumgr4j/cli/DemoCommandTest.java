package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcumgr4j demo} in-process: every step passes and nothing is left behind unless asked for. */
class DemoCommandTest {

  private static final Pattern DATA_DIR = Pattern.compile("data in (\\S+)");

  @TempDir
  Path kept;

  @Test
  void passesEveryStepAndDeletesItsTemporaryDirectory() {
    Run run = CliDevice.runAlone("demo", "--requests", "200");
    assertThat(run.code()).as(run.out()).isZero();
    assertThat(run.out()).contains("200 echoes, 2 in flight at a time").doesNotContain("FAILED")
        .endsWith("demo: all 18 steps passed\n");
    Matcher dir = DATA_DIR.matcher(run.out());
    assertThat(dir.find()).isTrue();
    assertThat(Path.of(dir.group(1))).doesNotExist();
  }

  @Test
  void keepsADataDirectoryItWasGiven() throws Exception {
    Path data = kept.resolve("device");
    Run run = CliDevice.runAlone("demo", "--requests", "10", "--data-dir", data.toString());
    assertThat(run.code()).as(run.out()).isZero();
    try (var files = Files.list(data)) {
      assertThat(files).isNotEmpty();
    }
  }
}
