/** MCUmgr notification hooks: event ids, listeners and the event bus, with Zephyr's semantics. */
package io.mcumgr4j.callback;
