/**
 * Client side of SMP over a TCP stream carrying the serial console framing ({@link
 * io.mcumgr4j.serial}): what an emulated board's UART looks like from outside (QEMU's {@code
 * -serial tcp:...}, Renode's server socket terminal).
 */
package io.mcumgr4j.transport.tcp;
