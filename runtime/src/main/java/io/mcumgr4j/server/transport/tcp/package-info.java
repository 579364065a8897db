/**
 * Server side of SMP over TCP connections carrying the serial console framing: an {@code
 * SmpServer} reachable the way an emulated board's UART is (QEMU's {@code -serial tcp:...},
 * Renode's server socket terminal), one serial link per connection.
 */
package io.mcumgr4j.server.transport.tcp;
