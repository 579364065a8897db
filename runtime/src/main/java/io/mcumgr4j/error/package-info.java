/** SMP errors: v1 result codes, v2 group errors and the exceptions that carry them. */
package io.mcumgr4j.error;
