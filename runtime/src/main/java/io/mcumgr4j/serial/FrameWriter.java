package io.mcumgr4j.serial;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes packets as console frames, one whole packet per {@code write} + {@code flush} under a
 * lock, so frames of concurrent senders never interleave on the line.
 */
public final class FrameWriter {

  private final OutputStream out;
  private final SerialFrameEncoder encoder;
  // Reused so a steady stream of packets allocates nothing; grows to the largest packet sent.
  private byte[] buffer = new byte[SerialFrameEncoder.MAX_LINE_LENGTH];

  public FrameWriter(OutputStream out, SerialFrameEncoder encoder) {
    this.out = out;
    this.encoder = encoder;
  }

  public synchronized void write(byte[] packet, int off, int len) throws IOException {
    int size = encoder.encodedLength(len);
    if (buffer.length < size) {
      buffer = new byte[Math.max(size, buffer.length * 2)];
    }
    encoder.encode(packet, off, len, buffer, 0);
    out.write(buffer, 0, size);
    out.flush();
  }
}
