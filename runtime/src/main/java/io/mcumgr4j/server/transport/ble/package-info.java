/** The device's side of SMP over Bluetooth LE GATT, and an in-memory link to it. */
package io.mcumgr4j.server.transport.ble;
