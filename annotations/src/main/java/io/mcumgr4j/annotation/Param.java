package io.mcumgr4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the request map key a command parameter is read from. A required key that is missing
 * answers {@code MGMT_ERR_EINVAL}; an optional one ({@code required = false}) is passed as an empty
 * {@code Optional*}, or {@code null} for reference types.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Param {

  /** The CBOR key. */
  String value();

  /** Whether the request must carry the key. */
  boolean required() default true;

  /**
   * Whether a value of another CBOR type is ignored, as if the key were absent, instead of
   * answering {@code MGMT_ERR_EINVAL}. For optional single values only; it matches Zephyr handlers
   * that ignore decode errors, such as OS reset, whose {@code force} clients send as a bool or an
   * integer.
   */
  boolean lenient() default false;
}
