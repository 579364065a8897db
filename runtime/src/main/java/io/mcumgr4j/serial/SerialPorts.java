package io.mcumgr4j.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Opens real serial ports (UARTs, USB CDC ACM devices, ptys) through jSerialComm, configured as
 * MCUmgr consoles expect: 8 data bits, no parity, 1 stop bit, no flow control.
 */
public final class SerialPorts {

  /**
   * How long one native read waits for data. Only bounds how quickly a closed port is noticed;
   * {@link Port#input()} hides the timeouts.
   */
  public static final int DEFAULT_READ_TIMEOUT_MILLIS = 100;

  private SerialPorts() {}

  /** Opens {@code path} (e.g. {@code /dev/ttyACM0}, {@code COM3}) at {@code baudRate}, 8N1. */
  public static Port open(String path, int baudRate) throws IOException {
    return open(path, baudRate, DEFAULT_READ_TIMEOUT_MILLIS);
  }

  /**
   * Opens {@code path} at {@code baudRate}, 8N1, no flow control; reads wait at most {@code
   * readTimeoutMillis} at a time in the native layer (writes block until done).
   */
  public static Port open(String path, int baudRate, int readTimeoutMillis) throws IOException {
    if (baudRate <= 0 || readTimeoutMillis <= 0) {
      throw new IllegalArgumentException("baud rate and read timeout must be positive");
    }
    SerialPort port;
    try {
      port = SerialPort.getCommPort(path);
    } catch (SerialPortInvalidPortException e) {
      throw new IOException("no serial port " + path, e);
    }
    port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    port.setComPortTimeouts(
        SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, readTimeoutMillis, 0);
    if (!port.openPort()) {
      throw new IOException(
          "cannot open serial port " + path + " (error " + port.getLastErrorCode() + " at "
              + port.getLastErrorLocation() + ")");
    }
    return new Port(path, port, baudRate);
  }

  /**
   * An open port. {@link #input()} blocks until data arrives and reports end of stream once the
   * port is closed, so a reader thread stops cleanly; closing the streams does nothing, closing
   * the port releases it.
   */
  public static final class Port implements AutoCloseable {
    private final String path;
    private final SerialPort port;
    private final int baudRate;
    private final InputStream input;
    private final OutputStream output;
    private volatile boolean closed;

    private Port(String path, SerialPort port, int baudRate) {
      this.path = path;
      this.port = port;
      this.baudRate = baudRate;
      this.input = new PortInput(port.getInputStreamWithSuppressedTimeoutExceptions());
      this.output = port.getOutputStream();
    }

    /** The path the port was opened with. */
    public String path() {
      return path;
    }

    /** The baud rate the port was opened at. */
    public int baudRate() {
      return baudRate;
    }

    /** The bytes received. */
    public InputStream input() {
      return input;
    }

    /** Bytes to send; writes block until the driver has taken them. */
    public OutputStream output() {
      return output;
    }

    /** Releases the port. Idempotent. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        port.closePort();
      }
    }

    /** Retries timed-out reads (which come back as 0 bytes) until data arrives or the port closes. */
    private final class PortInput extends InputStream {
      private final InputStream raw;

      PortInput(InputStream raw) {
        this.raw = raw;
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        while (!closed) {
          int n;
          try {
            n = raw.read(b, off, len);
          } catch (IOException e) {
            if (closed) {
              break;
            }
            throw e;
          }
          if (n != 0) {
            return n;
          }
        }
        return -1;
      }

      @Override
      public int available() throws IOException {
        return closed ? 0 : raw.available();
      }
    }
  }
}
