/** Client side of SMP over UDP (IPv4 and IPv6, one packet per datagram, default port 1337). */
package io.mcumgr4j.transport.udp;
