/** Many simulated devices in one process, for testing fleet tooling. */
package io.mcumgr4j.simulator.fleet;
