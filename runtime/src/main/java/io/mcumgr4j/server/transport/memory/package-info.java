/** An in-JVM transport from a client straight to a server, for tests and benchmarks. */
package io.mcumgr4j.server.transport.memory;
