/** The client side of SMP over Bluetooth LE GATT, over a platform adapter's {@link io.mcumgr4j.transport.ble.GattLink}. */
package io.mcumgr4j.transport.ble;
