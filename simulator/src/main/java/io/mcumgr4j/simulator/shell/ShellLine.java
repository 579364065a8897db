package io.mcumgr4j.simulator.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into words as Zephyr's shell splits it ({@code z_shell_make_argv}):
 * whitespace separates words; outside quotes a backslash keeps the next character as it is;
 * {@code '...'} and {@code "..."} group words and are removed; inside quotes a backslash before
 * the quote character keeps it, and {@code \0ooo} (up to three octal digits) and {@code \xhh}
 * (up to two hex digits) stand for one character; any other backslash stays.
 *
 * @param words the words, quotes and escapes removed
 * @param openQuote the quote character left open at the end of the line, or 0
 */
record ShellLine(List<String> words, char openQuote) {

  static ShellLine parse(String line) {
    List<String> words = new ArrayList<>();
    char quote = 0;
    int i = 0;
    int n = line.length();
    while (i < n) {
      if (isSpace(line.charAt(i))) {
        i++;
        continue;
      }
      StringBuilder word = new StringBuilder();
      quote = 0;
      while (i < n) {
        char c = line.charAt(i);
        if (quote == 0) {
          if (c == '\\') {
            if (i + 1 < n) {
              word.append(line.charAt(i + 1));
            }
            i += 2;
            continue;
          }
          if (c == '\'' || c == '"') {
            quote = c;
            i++;
            continue;
          }
          if (isSpace(c)) {
            break;
          }
        } else {
          if (c == quote) {
            quote = 0;
            i++;
            continue;
          }
          if (c == '\\' && i + 1 < n) {
            int escaped = escape(line, i, quote, word);
            if (escaped > 0) {
              i += escaped;
              continue;
            }
          }
        }
        word.append(c);
        i++;
      }
      words.add(word.toString());
    }
    return new ShellLine(List.copyOf(words), quote);
  }

  /**
   * Decodes the escape at {@code line[at]} (a backslash inside quotes) into {@code word}.
   *
   * @return the characters it took, or 0 when the backslash is an ordinary character
   */
  private static int escape(String line, int at, char quote, StringBuilder word) {
    char next = line.charAt(at + 1);
    if (next == quote) {
      word.append(quote);
      return 2;
    }
    int radix = next == '0' ? 8 : next == 'x' ? 16 : 0;
    if (radix == 0) {
      return 0;
    }
    int maxDigits = radix == 8 ? 3 : 2;
    int value = 0;
    int digits = 0;
    while (digits < maxDigits && at + 2 + digits < line.length()) {
      char c = line.charAt(at + 2 + digits);
      // ASCII digits only, as Zephyr's parser: Character.digit would take any script's digits
      int d = c < 0x80 ? Character.digit(c, radix) : -1;
      if (d < 0) {
        break;
      }
      value = value * radix + d;
      digits++;
    }
    if (digits == 0) {
      return 0;
    }
    // Zephyr keeps the value in one byte
    word.append((char) (value & 0xFF));
    return 2 + digits;
  }

  /** C's {@code isspace} in the "C" locale. */
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
