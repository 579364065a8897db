package io.mcumgr4j.bench;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImageBuilder;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.transfer.ChunkSizer;
import io.mcumgr4j.transfer.ImageUploader;
import io.mcumgr4j.transfer.TransferOptions;
import io.mcumgr4j.transport.serial.SerialTransport;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * Image uploads over the serial console framing through byte streams limited to a baud rate (8N1:
 * ten bits a byte), both ways, to a {@link SimulatedDevice} in the same process. Prints the time and
 * the share of the framing limit it reaches: the time the request lines the host wrote (base64,
 * length, CRC, 127-byte lines) take at that rate, over the time the upload took.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.mcumgr4j.bench.SerialLoad BYTES BAUD WINDOW [rounds]
 * </pre>
 */
public final class SerialLoad {

  private SerialLoad() {}

  /** Lets bytes through no faster than {@code baud / 10} a second, as a UART would. */
  static final class Throttled extends FilterOutputStream {
    private final long nanosPerByte;
    private long free = System.nanoTime();
    private long written;

    Throttled(OutputStream out, int baud) {
      super(out);
      this.nanosPerByte = 10_000_000_000L / baud;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      free = Math.max(free, System.nanoTime()) + len * nanosPerByte;
      written += len;
      out.write(b, off, len);
      for (long wait; (wait = free - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
    }

    synchronized long written() {
      return written;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    int baud = Integer.parseInt(args[1]);
    int window = Integer.parseInt(args[2]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    for (int round = 1; round <= rounds; round++) {
      Path dir = Files.createTempDirectory("serial-load");
      PipedInputStream deviceIn = new PipedInputStream(1 << 16);
      PipedInputStream hostIn = new PipedInputStream(1 << 16);
      Throttled hostOut = new Throttled(new PipedOutputStream(deviceIn), baud);
      OutputStream deviceOut = new Throttled(new PipedOutputStream(hostIn), baud);
      try (SimulatedDevice device = SimulatedDevice.builder(dir)
              .serverConfig(ServerConfig.DEFAULT.withBufCount(4)).images(1, 4L << 20).start();
          SmpClient client = new SmpClient(new SerialTransport(hostIn, hostOut),
              ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(10)))) {
        device.serveSerial(deviceIn, deviceOut, "throttled");
        byte[] payload = new byte[size];
        new Random(round).nextBytes(payload);
        byte[] image = new McubootImageBuilder().version(ImageVersion.of(1, 0, round)).payload(payload).build();
        ChunkSizer.params(client); // asked before the clock starts, as a tool does once per device
        long before = hostOut.written();
        long start = System.nanoTime();
        ImageUploader.Result result = new ImageUploader(client, TransferOptions.builder()
            .window(window).chunkTimeout(Duration.ofSeconds(10)).build()).upload(image);
        double seconds = (System.nanoTime() - start) / 1e9;
        // the request lines alone at the line rate: what the host wrote for the upload
        double limit = (hostOut.written() - before) * 10.0 / baud;
        System.out.printf("serial round %d: %d bytes at %d baud, window %d: %d requests in %.2f s, %.0f%% of the "
            + "framing limit (%.2f s)%n", round, image.length, baud, window, result.requests(), seconds,
            100 * limit / seconds, limit);
      }
    }
  }
}
