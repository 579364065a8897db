/**
 * The SMP server: group registry, request processing with Zephyr's response rules, the handler
 * SPI that generated dispatchers implement, and the limits that bound it.
 */
package io.mcumgr4j.server;
