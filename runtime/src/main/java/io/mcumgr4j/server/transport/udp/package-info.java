/** Server side of SMP over UDP: one packet per datagram, answered to the address it came from. */
package io.mcumgr4j.server.transport.udp;
