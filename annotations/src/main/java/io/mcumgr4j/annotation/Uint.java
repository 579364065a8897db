package io.mcumgr4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integer parameter or record component (or the items of a list, map or optional of
 * integers) as a CBOR unsigned integer of {@link #bits()} bits: a negative or too large value in a
 * request answers {@code MGMT_ERR_EINVAL}. Without it an {@code int} or {@code long} takes any value
 * of its Java range, sign included. {@code int} holds 8 and 16 bits, {@code long} 32 and 64 (a 64-bit
 * value of 2^63 or more arrives as a negative {@code long} with the same bits).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Uint {

  /** 8, 16, 32 or 64. */
  int bits() default 32;
}
