/** The SMP client: request numbering, response matching, timeouts, retries and error reading. */
package io.mcumgr4j.client;
