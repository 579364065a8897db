package io.mcumgr4j.simulator.os;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * What the OS info command (7) reports, one component per format character, in Zephyr's output
 * order: {@code s n r v b m p i o}. Values may contain spaces (Zephyr's build time does).
 *
 * @param kernelName {@code s}; Zephyr sends {@code Zephyr}
 * @param nodeName {@code n}; Zephyr sends its host name, Bluetooth name or {@code unknown}
 * @param kernelRelease {@code r}; Zephyr sends its build version (e.g. a commit id)
 * @param kernelVersion {@code v}; Zephyr sends its version (e.g. {@code 4.4.0})
 * @param buildTime {@code b}; Zephyr sends the C compiler's {@code __TIMESTAMP__} of a file
 *     generated at build time, e.g. {@code Wed Jun  3 22:19:37 2026}
 * @param machine {@code m}; Zephyr sends its architecture (e.g. {@code posix}, {@code arm})
 * @param processor {@code p}; Zephyr sends its processor (e.g. {@code x86}, {@code cortex-m4})
 * @param hardwarePlatform {@code i}; Zephyr sends its board target (e.g. {@code native_sim/native})
 * @param operatingSystem {@code o}; Zephyr sends {@code Zephyr}
 */
public record OsInfo(
    String kernelName,
    String nodeName,
    String kernelRelease,
    String kernelVersion,
    String buildTime,
    String machine,
    String processor,
    String hardwarePlatform,
    String operatingSystem) {

  /** The kernel and operating system name a simulated device reports. */
  public static final String SIMULATED_KERNEL_NAME = "mcumgr4j";

  /** Zephyr's {@code __TIMESTAMP__} form: {@code ctime()} without the newline, day padded with a space. */
  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

  public OsInfo {
    Objects.requireNonNull(kernelName, "kernelName");
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(kernelRelease, "kernelRelease");
    Objects.requireNonNull(kernelVersion, "kernelVersion");
    Objects.requireNonNull(buildTime, "buildTime");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(hardwarePlatform, "hardwarePlatform");
    Objects.requireNonNull(operatingSystem, "operatingSystem");
  }

  /**
   * Honest values for a device simulated in this JVM. A simulated device is not Zephyr, so it does
   * not claim to be: clients that branch on {@code Zephyr} should see that they talk to something
   * else. Its tasks are the JVM's threads and its memory pools the JVM's, so the JVM takes the
   * places of Zephyr's kernel build and architecture:
   *
   * <ul>
   *   <li>{@code s} kernel name and {@code o} operating system: {@code mcumgr4j} (Zephyr reports
   *       {@code Zephyr} for both);
   *   <li>{@code n} node name: the host's name, {@code unknown} if it has none (Zephyr's fallback);
   *   <li>{@code r} kernel release: {@code release}, the caller's build id of the simulation;
   *   <li>{@code v} kernel version: the Java runtime's version ({@link Runtime#version()}), the
   *       runtime that schedules the device's tasks;
   *   <li>{@code b} build time: when this class's code (class file or jar entry) was last built, in
   *       the host's zone and Zephyr's {@code ctime} form; the JVM's start time if that is unknown;
   *   <li>{@code m} machine: {@code jvm}, the architecture the code is built for (Zephyr's
   *       native_sim reports {@code posix} here);
   *   <li>{@code p} processor: the host processor as the JVM names it ({@code os.arch}, e.g.
   *       {@code amd64}; native_sim reports {@code x86});
   *   <li>{@code i} hardware platform: {@code os.name/os.arch} of the host, e.g.
   *       {@code Linux/amd64} (native_sim reports {@code native_sim/native}).
   * </ul>
   *
   * @param release the simulation's release or build id, reported for {@code r}
   */
  public static OsInfo ofHost(String release) {
    String arch = System.getProperty("os.arch");
    return new OsInfo(
        SIMULATED_KERNEL_NAME,
        hostName(),
        Objects.requireNonNull(release, "release"),
        Runtime.version().toString(),
        ctime(buildInstant().atZone(ZoneId.systemDefault())),
        "jvm",
        arch,
        System.getProperty("os.name") + "/" + arch,
        SIMULATED_KERNEL_NAME);
  }

  /** {@code time} as Zephyr's build time reads, e.g. {@code Wed Jun  3 22:19:37 2026}. */
  static String ctime(ZonedDateTime time) {
    return CTIME.format(time);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  private static Instant buildInstant() {
    URL classFile = OsInfo.class.getResource("OsInfo.class");
    try {
      // A file URL gives the class file's time, a jar URL the jar's.
      long modified = classFile == null ? 0 : classFile.openConnection().getLastModified();
      if (modified > 0) {
        return Instant.ofEpochMilli(modified);
      }
    } catch (IOException e) {
      // Falls back to the start time below: the device was "built" when it was started.
    }
    return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
  }
}
