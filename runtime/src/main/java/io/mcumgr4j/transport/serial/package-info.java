/**
 * SMP over a serial console, byte-compatible with Zephyr's MCUmgr shell and UART transports:
 * packets travel as base64 lines with a length prefix and a CRC-16/XMODEM ({@link
 * io.mcumgr4j.transport.serial.SerialFrameEncoder}, {@link
 * io.mcumgr4j.transport.serial.SerialFrameDecoder}) and may share the line with shell and log
 * text. {@link io.mcumgr4j.transport.serial.SerialTransport} is the client side, {@link
 * io.mcumgr4j.transport.serial.SerialServerEndpoint} serves an {@code SmpServer}, and {@link
 * io.mcumgr4j.transport.serial.SerialPorts} opens real ports through jSerialComm.
 */
package io.mcumgr4j.transport.serial;
