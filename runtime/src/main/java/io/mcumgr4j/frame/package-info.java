/** The SMP frame: the 8-byte header and its payload. */
package io.mcumgr4j.frame;
