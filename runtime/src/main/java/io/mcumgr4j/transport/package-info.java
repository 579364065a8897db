/** The client-side transport SPI; the implementations live in the sub-packages. */
package io.mcumgr4j.transport;
