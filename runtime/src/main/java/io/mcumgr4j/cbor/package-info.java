/**
 * CBOR for SMP payloads, written by hand to encode as Zephyr's zcbor does: {@link
 * io.mcumgr4j.cbor.CborReader}, a streaming pull reader that checks lengths before it allocates,
 * and {@link io.mcumgr4j.cbor.CborWriter}, Zephyr's encoding into a bounded reusable buffer.
 * Jackson's CBOR module is the tests' independent oracle, not the request path's codec.
 */
package io.mcumgr4j.cbor;
