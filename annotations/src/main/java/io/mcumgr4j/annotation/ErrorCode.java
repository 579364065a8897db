package io.mcumgr4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One group error code, declared in {@link MgmtGroup#errors()}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface ErrorCode {

  /** The code sent as {@code err.rc}, 2..65535 (0 and 1 are {@code OK} and {@code UNKNOWN}). */
  int value();

  /** The enum constant's name, in UPPER_SNAKE_CASE, e.g. {@code NOT_WANTED}. */
  String name();

  /** What an SMP v1 request gets instead (the group's v2 -> v1 translation). */
  MgmtErr legacy() default MgmtErr.EUNKNOWN;

  /** Javadoc of the constant. */
  String doc() default "";
}
