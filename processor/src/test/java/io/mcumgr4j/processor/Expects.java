package io.mcumgr4j.processor;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.mcumgr4j.processor.diagnostic.Message;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The message a diagnostic test is about, by id: {@link DiagnosticCatalogTest} finds every
 * message's test by it, and {@link ExpectsCheck} fails the test unless it asserted that message.
 */
@Retention(RUNTIME)
@Target(METHOD)
@ExtendWith(ExpectsCheck.class)
@interface Expects {

  /** The message the test asserts. */
  Message value();
}
