/**
 * What both ends of SMP over Bluetooth LE GATT share: the SMP service and characteristic, values
 * cut to the ATT MTU, and packets put back together by the SMP header's length.
 */
package io.mcumgr4j.gatt;
