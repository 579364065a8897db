/**
 * Links with faults for testing what runs over them: {@link
 * io.mcumgr4j.simulator.link.LossyUdpProxy} puts a lossy, delaying, reordering UDP link between a
 * client and a device.
 */
package io.mcumgr4j.simulator.link;
