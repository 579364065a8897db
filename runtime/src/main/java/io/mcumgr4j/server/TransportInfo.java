package io.mcumgr4j.server;

/**
 * What a server endpoint tells the server about the link a request came in on.
 *
 * @param transport short transport name ({@code udp}, {@code serial}, {@code memory})
 * @param peer the sender, printable (an address and port, a device path)
 * @param mtu the largest response packet the link carries in one message
 */
public record TransportInfo(String transport, String peer, int mtu) {}
