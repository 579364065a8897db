package io.mcumgr4j.simulator.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Splitting a command line the way Zephyr's {@code z_shell_make_argv} does. */
class ShellLineTest {

  @Test
  void whitespaceOfAnyKindAndAmountSeparatesWords() {
    assertThat(ShellLine.parse("  kernel \t version\r\n").words()).containsExactly("kernel", "version");
    assertThat(ShellLine.parse("").words()).isEmpty();
    assertThat(ShellLine.parse("   ").words()).isEmpty();
  }

  @Test
  void quotesGroupWordsAndAreRemoved() {
    assertThat(ShellLine.parse("echo \"a  b\" 'c d'").words()).containsExactly("echo", "a  b", "c d");
    assertThat(ShellLine.parse("x\"y z\"w").words()).containsExactly("xy zw");
    assertThat(ShellLine.parse("echo \"it's\"").words()).containsExactly("echo", "it's");
    assertThat(ShellLine.parse("echo \"\"").words()).containsExactly("echo", "");
  }

  @Test
  void aBackslashOutsideQuotesKeepsTheNextCharacter() {
    assertThat(ShellLine.parse("echo a\\ b \\\"c\\\\").words()).containsExactly("echo", "a b", "\"c\\");
  }

  @Test
  void insideQuotesOnlyTheQuoteAndNumericEscapesAreDecoded() {
    assertThat(ShellLine.parse("\"a\\\"b\"").words()).containsExactly("a\"b");
    assertThat(ShellLine.parse("\"\\x41\\x4a2\\0101\\07\"").words()).containsExactly("AJ2A\u0007");
    assertThat(ShellLine.parse("\"\\n\\x\\0\\q\"").words()).containsExactly("\\n\\x\\0\\q");
    assertThat(ShellLine.parse("'\\0777'").words()).containsExactly("\u00ff");
  }

  @Test
  void anUnterminatedQuoteIsReported() {
    ShellLine line = ShellLine.parse("echo 'abc def");
    assertThat(line.words()).containsExactly("echo", "abc def");
    assertThat(line.openQuote()).isEqualTo('\'');
    assertThat(ShellLine.parse("echo 'abc' def").openQuote()).isEqualTo((char) 0);
  }
}
