/**
 * Client side of SMP over a serial console: {@link io.mcumgr4j.transport.serial.SerialTransport}
 * sends requests as console frames ({@link io.mcumgr4j.serial}) over any byte stream or a real
 * port.
 */
package io.mcumgr4j.transport.serial;
