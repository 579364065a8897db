/**
 * CBOR for SMP payloads: {@link io.mcumgr4j.cbor.CborReader} (on Jackson's streaming parser) and
 * {@link io.mcumgr4j.cbor.CborWriter} (Zephyr's encoding, into a bounded reusable buffer).
 */
package io.mcumgr4j.cbor;
