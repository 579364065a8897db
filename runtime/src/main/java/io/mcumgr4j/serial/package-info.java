/**
 * The SMP serial console framing both ends of a serial link share, byte-compatible with Zephyr's
 * MCUmgr shell and UART transports: packets travel as base64 lines with a length prefix and a
 * CRC-16/XMODEM ({@link io.mcumgr4j.serial.SerialFrameEncoder}, {@link
 * io.mcumgr4j.serial.SerialFrameDecoder}) and may share the line with shell and log text; the
 * stream plumbing under both ends ({@link io.mcumgr4j.serial.ReaderLoop}, {@link
 * io.mcumgr4j.serial.FrameWriter}); real ports through jSerialComm ({@link
 * io.mcumgr4j.serial.SerialPorts}) and pseudo-terminal pairs from socat ({@link
 * io.mcumgr4j.serial.PtyPair}). The client end is {@code io.mcumgr4j.transport.serial}, the
 * server end {@code io.mcumgr4j.server.transport.serial}.
 */
package io.mcumgr4j.serial;
