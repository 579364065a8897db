/**
 * SMP over Bluetooth LE GATT on Linux: {@link io.mcumgr4j.bluez.BluezGattLink}, a {@link
 * io.mcumgr4j.transport.ble.GattLink} over BlueZ's D-Bus API, for {@link
 * io.mcumgr4j.transport.ble.GattTransport}.
 *
 * <p>It talks to BlueZ with dbus-java directly rather than through bluez-dbus: bluez-dbus 0.3.1
 * wraps an older dbus-java and adds an object layer this adapter does not need, as it calls a
 * handful of methods ({@link io.mcumgr4j.bluez.Bluez}).
 */
package io.mcumgr4j.bluez;
