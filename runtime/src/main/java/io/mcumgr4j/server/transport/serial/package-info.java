/** Server side of SMP over a serial console: an {@code SmpServer} behind any byte stream or port. */
package io.mcumgr4j.server.transport.serial;
