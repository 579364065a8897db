package io.mcumgr4j.testing;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;

/** Two ends of an in-memory console link: what one end writes, the other reads. */
public final class PipeLink {

  private static final int BUFFER = 1 << 16;

  public final PipedInputStream aIn;
  public final PipedOutputStream aOut;
  public final PipedInputStream bIn;
  public final PipedOutputStream bOut;

  public PipeLink() {
    try {
      aIn = new PipedInputStream(BUFFER);
      bIn = new PipedInputStream(BUFFER);
      aOut = new PipedOutputStream(bIn);
      bOut = new PipedOutputStream(aIn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
