package io.mcumgr4j.frame;

/**
 * SMP over UDP carries one packet per datagram; these are the numbers both ends of such a link
 * agree on.
 */
public final class UdpLimits {

  /** Zephyr's {@code CONFIG_MCUMGR_TRANSPORT_UDP_PORT} default. */
  public static final int DEFAULT_PORT = 1337;
  /** Zephyr's {@code CONFIG_MCUMGR_TRANSPORT_UDP_MTU} default. */
  public static final int DEFAULT_MTU = 1500;
  /** The largest UDP payload over IPv4. */
  public static final int MAX_DATAGRAM = 65507;

  private UdpLimits() {}
}
