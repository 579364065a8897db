package io.mcumgr4j.simulator.shell;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The capture of one command's output, as Zephyr's dummy shell backend keeps it: {@code \n}
 * becomes {@code \r\n} (the backend's {@code SHELL_FLAG_OLF_CRLF}), and once {@code limit} UTF-8
 * bytes are held everything further is dropped without a word, as the backend's fixed buffer
 * drops it. Unlike the backend, a character is kept whole or not at all, so the text stays valid
 * UTF-8.
 */
final class ShellOutput extends Writer {

  private final StringBuilder text = new StringBuilder();
  private final int limit;
  private int bytes;
  private boolean full;

  /** @param limit the most UTF-8 bytes kept */
  ShellOutput(int limit) {
    this.limit = limit;
  }

  /** A print writer on this capture whose {@code println} ends lines with {@code \n} on every platform. */
  PrintWriter printWriter() {
    return new PrintWriter(this) {
      @Override
      public void println() {
        write('\n');
      }
    };
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (chars[i] == '\n') {
        put('\r');
      }
      put(chars[i]);
    }
  }

  private void put(char c) {
    if (full) {
      return;
    }
    // a surrogate pair is 4 bytes in UTF-8: 2 for each half
    int size = c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    if (bytes + size > limit) {
      full = true;
      return;
    }
    text.append(c);
    bytes += size;
  }

  /** What was kept. */
  String text() {
    int end = text.length();
    // a pair cut after its first half would not encode
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  @Override
  public void flush() {
    // nothing is buffered
  }

  @Override
  public void close() {
    // nothing to release
  }
}
