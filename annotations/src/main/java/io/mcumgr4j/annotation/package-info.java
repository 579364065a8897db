/**
 * The vocabulary shared by annotated group declarations, generated code and the runtime: SMP
 * operations and the SMP v1 result codes.
 */
package io.mcumgr4j.annotation;
